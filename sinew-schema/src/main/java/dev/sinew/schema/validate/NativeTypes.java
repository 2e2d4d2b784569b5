package dev.sinew.schema.validate;

import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ScalarKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The native types ({@code @db.X}) of each provider as data: how many arguments each takes and which scalar types
 * it fits, with the range rules Prisma enforces on the arguments.
 */
final class NativeTypes {
    /** How the arguments of a native type are read. */
    enum Arguments { NONE, LENGTH, LENGTH_OR_MAX, DECIMAL, PRECISION }

    /** One native type. */
    record Spec(String name, int required, int optional, Set<ScalarKind> types, Arguments arguments) {}

    private static final Map<Provider, Map<String, Spec>> SPECS = new EnumMap<>(Provider.class);

    private static void add(Provider provider, String name, int required, int optional, Arguments arguments,
                            ScalarKind... types) {
        SPECS.computeIfAbsent(provider, p -> new LinkedHashMap<>())
                .put(name, new Spec(name, required, optional, Set.of(types), arguments));
    }

    static {
        Provider p = Provider.POSTGRESQL;
        add(p, "SmallInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Integer", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "BigInt", 0, 0, Arguments.NONE, ScalarKind.BIG_INT);
        add(p, "Decimal", 0, 2, Arguments.DECIMAL, ScalarKind.DECIMAL);
        add(p, "Money", 0, 0, Arguments.NONE, ScalarKind.DECIMAL);
        add(p, "Inet", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Oid", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Citext", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Real", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "DoublePrecision", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "VarChar", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Char", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Text", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "ByteA", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "Timestamp", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Timestamptz", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Date", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Time", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Timetz", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Boolean", 0, 0, Arguments.NONE, ScalarKind.BOOLEAN);
        add(p, "Bit", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "VarBit", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Uuid", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Xml", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Json", 0, 0, Arguments.NONE, ScalarKind.JSON);
        add(p, "JsonB", 0, 0, Arguments.NONE, ScalarKind.JSON);

        p = Provider.MYSQL;
        add(p, "Int", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "UnsignedInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "SmallInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "UnsignedSmallInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "TinyInt", 0, 0, Arguments.NONE, ScalarKind.BOOLEAN, ScalarKind.INT);
        add(p, "UnsignedTinyInt", 0, 0, Arguments.NONE, ScalarKind.BOOLEAN, ScalarKind.INT);
        add(p, "MediumInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "UnsignedMediumInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "BigInt", 0, 0, Arguments.NONE, ScalarKind.BIG_INT);
        add(p, "Decimal", 0, 2, Arguments.DECIMAL, ScalarKind.DECIMAL);
        add(p, "UnsignedBigInt", 0, 0, Arguments.NONE, ScalarKind.BIG_INT);
        add(p, "Float", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "Double", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "Bit", 1, 0, Arguments.LENGTH, ScalarKind.BOOLEAN, ScalarKind.BYTES);
        add(p, "Char", 1, 0, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "VarChar", 1, 0, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Binary", 1, 0, Arguments.LENGTH, ScalarKind.BYTES);
        add(p, "VarBinary", 1, 0, Arguments.LENGTH, ScalarKind.BYTES);
        add(p, "TinyBlob", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "Blob", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "MediumBlob", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "LongBlob", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "TinyText", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Text", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "MediumText", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "LongText", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Date", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Time", 0, 1, Arguments.LENGTH, ScalarKind.DATE_TIME);
        add(p, "DateTime", 0, 1, Arguments.LENGTH, ScalarKind.DATE_TIME);
        add(p, "Timestamp", 0, 1, Arguments.LENGTH, ScalarKind.DATE_TIME);
        add(p, "Year", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Json", 0, 0, Arguments.NONE, ScalarKind.JSON);

        p = Provider.SQLSERVER;
        add(p, "TinyInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "SmallInt", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Int", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "BigInt", 0, 0, Arguments.NONE, ScalarKind.BIG_INT);
        add(p, "Decimal", 0, 2, Arguments.DECIMAL, ScalarKind.DECIMAL);
        add(p, "Money", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "SmallMoney", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "Bit", 0, 0, Arguments.NONE, ScalarKind.BOOLEAN, ScalarKind.INT);
        add(p, "Float", 0, 1, Arguments.LENGTH, ScalarKind.FLOAT);
        add(p, "Real", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "Date", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Time", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "DateTime", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "DateTime2", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "DateTimeOffset", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "SmallDateTime", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Char", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "NChar", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "VarChar", 0, 1, Arguments.LENGTH_OR_MAX, ScalarKind.STRING);
        add(p, "Text", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "NVarChar", 0, 1, Arguments.LENGTH_OR_MAX, ScalarKind.STRING);
        add(p, "NText", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Binary", 0, 1, Arguments.LENGTH, ScalarKind.BYTES);
        add(p, "VarBinary", 0, 1, Arguments.LENGTH_OR_MAX, ScalarKind.BYTES);
        add(p, "Image", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "Xml", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "UniqueIdentifier", 0, 0, Arguments.NONE, ScalarKind.STRING);

        p = Provider.COCKROACHDB;
        add(p, "Bit", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Bool", 0, 0, Arguments.NONE, ScalarKind.BOOLEAN);
        add(p, "Bytes", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "Char", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Date", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Decimal", 0, 2, Arguments.DECIMAL, ScalarKind.DECIMAL);
        add(p, "Float4", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "Float8", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "Inet", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Int2", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Int4", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Int8", 0, 0, Arguments.NONE, ScalarKind.BIG_INT);
        add(p, "JsonB", 0, 0, Arguments.NONE, ScalarKind.JSON);
        add(p, "Oid", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "CatalogSingleChar", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "String", 0, 1, Arguments.LENGTH, ScalarKind.STRING);
        add(p, "Time", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Timestamp", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Timestamptz", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Timetz", 0, 1, Arguments.PRECISION, ScalarKind.DATE_TIME);
        add(p, "Uuid", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "VarBit", 0, 1, Arguments.LENGTH, ScalarKind.STRING);

        p = Provider.MONGODB;
        add(p, "String", 0, 0, Arguments.NONE, ScalarKind.STRING);
        add(p, "Double", 0, 0, Arguments.NONE, ScalarKind.FLOAT);
        add(p, "BinData", 0, 0, Arguments.NONE, ScalarKind.BYTES);
        add(p, "ObjectId", 0, 0, Arguments.NONE, ScalarKind.STRING, ScalarKind.BYTES);
        add(p, "Bool", 0, 0, Arguments.NONE, ScalarKind.BOOLEAN);
        add(p, "Date", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Int", 0, 0, Arguments.NONE, ScalarKind.INT);
        add(p, "Timestamp", 0, 0, Arguments.NONE, ScalarKind.DATE_TIME);
        add(p, "Long", 0, 0, Arguments.NONE, ScalarKind.INT, ScalarKind.BIG_INT);
        add(p, "Json", 0, 0, Arguments.NONE, ScalarKind.JSON);
    }

    private NativeTypes() {}

    static Spec find(Provider provider, String name) {
        Map<String, Spec> specs = SPECS.get(provider);
        return specs == null ? null : specs.get(name);
    }

    /** The scalar types a native type fits, in Prisma's order, for the "expected field type" message. */
    static List<ScalarKind> orderedTypes(Spec spec) {
        return java.util.Arrays.stream(ScalarKind.values()).filter(spec.types()::contains).toList();
    }

    /**
     * Checks the parsed arguments against the provider's ranges; returns the detail of Prisma's "out of range"
     * message, "" for a scale larger than the precision, or null when they are fine.
     */
    static String rangeProblem(Provider provider, Spec spec, List<Long> args) {
        String name = spec.name();
        if (spec.arguments() == Arguments.DECIMAL && !args.isEmpty()) {
            long precision = args.get(0);
            switch (provider) {
                case POSTGRESQL, COCKROACHDB -> {
                    if (precision < 1 || precision > 1000) {
                        return "Precision must be positive with a maximum value of 1000.";
                    }
                }
                case MYSQL -> {
                    if (precision < 1 || precision > 65) {
                        return "Precision can range from 1 to 65.";
                    }
                }
                case SQLSERVER -> {
                    if (precision < 1 || precision > 38) {
                        return "Precision can range from 1 to 38.";
                    }
                }
                default -> {
                }
            }
            if (args.size() > 1 && args.get(1) > precision) {
                return "";
            }
            return null;
        }
        if (args.isEmpty()) {
            return null;
        }
        long value = args.get(0);
        switch (provider) {
            case POSTGRESQL, COCKROACHDB -> {
                if (spec.arguments() == Arguments.PRECISION && value > 6) {
                    return "M can range from 0 to 6.";
                }
            }
            case MYSQL -> {
                if (name.equals("Char") && value > 255) {
                    return "M can range from 0 to 255.";
                }
                if (name.equals("VarChar") && value > 65535) {
                    return "M can range from 0 to 65,535.";
                }
            }
            case SQLSERVER -> {
                switch (name) {
                    case "Char", "Binary" -> {
                        if (value < 1 || value > 8000) {
                            return "Length can range from 1 to 8000.";
                        }
                    }
                    case "VarChar", "VarBinary" -> {
                        if (value < 1 || value > 8000) {
                            return "Length can range from 1 to 8000. For larger sizes, use the `Max` variant.";
                        }
                    }
                    case "NChar" -> {
                        if (value < 1 || value > 4000) {
                            return "Length can range from 1 to 4000.";
                        }
                    }
                    case "NVarChar" -> {
                        if (value < 1 || value > 4000) {
                            return "Length can range from 1 to 4000. For larger sizes, use the `Max` variant.";
                        }
                    }
                    case "Float" -> {
                        if (value < 1 || value > 53) {
                            return "Bits can range from 1 to 53.";
                        }
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }
}
