package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test support until the SQL schema calculation is on this branch: the tables of a Datamodel as Prisma creates them
 * (types, primary keys, unique and normal indexes, implicit many-to-many tables), with foreign keys and their
 * actions in foreignKeys mode and none in prisma mode.
 */
final class TestDdl {
    private TestDdl() {
    }

    static List<String> statements(Datamodel datamodel) {
        Provider provider = datamodel.provider().orElseThrow();
        boolean foreignKeys = datamodel.relationMode().usesForeignKeys();
        List<String> out = new ArrayList<>();
        if (provider == Provider.POSTGRESQL) {
            for (EnumType e : datamodel.enums()) {
                out.add("CREATE TYPE " + q(provider, e.typeName()) + " AS ENUM (" + e.values().stream()
                        .map(v -> "'" + v.storedName() + "'").collect(Collectors.joining(", ")) + ")");
            }
        }
        List<String> afterwards = new ArrayList<>();
        for (Model model : datamodel.models()) {
            List<String> lines = new ArrayList<>();
            String table = model.tableName();
            List<String> idFields = model.primaryKey() == null ? List.of() : model.primaryKey().fieldNames();
            for (ScalarField field : model.scalarFields()) {
                boolean soleId = idFields.size() == 1 && idFields.get(0).equals(field.name());
                lines.add(column(datamodel, provider, model, field, soleId));
            }
            boolean inlinePk = provider == Provider.SQLITE && idFields.size() == 1
                    && model.scalarField(idFields.get(0)).orElseThrow().scalarKind() == ScalarKind.INT;
            if (!idFields.isEmpty() && !inlinePk) {
                lines.add("PRIMARY KEY (" + columns(provider, model, idFields) + ")");
            }
            if (foreignKeys) {
                for (Relation relation : datamodel.relations()) {
                    if (relation.isInline() && relation.modelA().equals(model.name())) {
                        String fk = foreignKey(datamodel, provider, relation);
                        if (provider == Provider.SQLITE || provider == Provider.MYSQL) {
                            lines.add(fk);
                        } else {
                            afterwards.add("ALTER TABLE " + q(provider, table) + " ADD " + fk);
                        }
                    }
                }
            }
            String suffix = provider == Provider.MYSQL
                    ? " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" : "";
            out.add("CREATE TABLE " + q(provider, table) + " (\n    " + String.join(",\n    ", lines) + "\n)" + suffix);
            for (Index index : model.indexes()) {
                out.add("CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + q(provider, index.databaseName())
                        + " ON " + q(provider, table) + "(" + columns(provider, model, index.fieldNames()) + ")");
            }
        }
        for (Relation relation : datamodel.relations()) {
            if (!relation.isManyToMany()) {
                continue;
            }
            Model a = datamodel.model(relation.modelA()).orElseThrow();
            Model b = datamodel.model(relation.modelB()).orElseThrow();
            String join = relation.joinTableName();
            ScalarField aId = a.scalarField(a.primaryKey().fieldNames().get(0)).orElseThrow();
            ScalarField bId = b.scalarField(b.primaryKey().fieldNames().get(0)).orElseThrow();
            List<String> lines = new ArrayList<>();
            lines.add(q(provider, "A") + " " + type(datamodel, provider, a, aId) + " NOT NULL");
            lines.add(q(provider, "B") + " " + type(datamodel, provider, b, bId) + " NOT NULL");
            if (foreignKeys) {
                String ref = provider == Provider.SQLITE ? " (" : "(";
                lines.add("CONSTRAINT " + q(provider, join + "_A_fkey") + " FOREIGN KEY (" + q(provider, "A")
                        + ") REFERENCES " + q(provider, a.tableName()) + ref + q(provider, aId.columnName())
                        + ") ON DELETE CASCADE ON UPDATE CASCADE");
                lines.add("CONSTRAINT " + q(provider, join + "_B_fkey") + " FOREIGN KEY (" + q(provider, "B")
                        + ") REFERENCES " + q(provider, b.tableName()) + ref + q(provider, bId.columnName())
                        + ") ON DELETE CASCADE ON UPDATE CASCADE");
            }
            out.add("CREATE TABLE " + q(provider, join) + " (\n    " + String.join(",\n    ", lines) + "\n)");
            out.add("CREATE UNIQUE INDEX " + q(provider, join + "_AB_unique") + " ON " + q(provider, join) + "("
                    + q(provider, "A") + ", " + q(provider, "B") + ")");
            out.add("CREATE INDEX " + q(provider, join + "_B_index") + " ON " + q(provider, join) + "("
                    + q(provider, "B") + ")");
        }
        out.addAll(afterwards);
        return out;
    }

    private static String foreignKey(Datamodel datamodel, Provider provider, Relation relation) {
        Model a = datamodel.model(relation.modelA()).orElseThrow();
        Model b = datamodel.model(relation.modelB()).orElseThrow();
        String ref = provider == Provider.SQLITE ? " (" : "(";
        return "CONSTRAINT " + q(provider, relation.foreignKeyName()) + " FOREIGN KEY ("
                + columns(provider, a, relation.fields()) + ") REFERENCES " + q(provider, b.tableName()) + ref
                + columns(provider, b, relation.references()) + ") ON DELETE " + relation.onDelete().sqlKeyword()
                + " ON UPDATE " + relation.onUpdate().sqlKeyword();
    }

    private static String column(Datamodel datamodel, Provider provider, Model model, ScalarField field,
                                 boolean soleId) {
        boolean autoincrement = field.defaultValue() instanceof DefaultValue.Autoincrement;
        String name = q(provider, field.columnName());
        if (provider == Provider.SQLITE && soleId && field.scalarKind() == ScalarKind.INT) {
            return name + " INTEGER NOT NULL PRIMARY KEY" + (autoincrement ? " AUTOINCREMENT" : "");
        }
        String type = type(datamodel, provider, model, field);
        if (autoincrement && provider == Provider.POSTGRESQL) {
            type = field.scalarKind() == ScalarKind.BIG_INT ? "BIGSERIAL" : "SERIAL";
        }
        String out = name + " " + type + (field.arity().isRequired() ? " NOT NULL" : "");
        if (autoincrement && provider == Provider.MYSQL) {
            out += " AUTO_INCREMENT";
        }
        return out;
    }

    private static String type(Datamodel datamodel, Provider provider, Model model, ScalarField field) {
        if (field.type() instanceof ScalarType.EnumRef ref) {
            EnumType e = datamodel.enumType(ref.enumName()).orElseThrow();
            return switch (provider) {
                case POSTGRESQL -> q(provider, e.typeName());
                case MYSQL -> "ENUM(" + e.values().stream().map(v -> "'" + v.storedName() + "'")
                        .collect(Collectors.joining(",")) + ")";
                default -> "TEXT";
            };
        }
        ScalarKind kind = field.scalarKind();
        String base = switch (provider) {
            case SQLITE -> switch (kind) {
                case INT -> "INTEGER";
                case BIG_INT -> "BIGINT";
                case FLOAT -> "REAL";
                case DECIMAL -> "DECIMAL";
                case BOOLEAN -> "BOOLEAN";
                case DATE_TIME -> "DATETIME";
                case JSON -> "JSONB";
                case BYTES -> "BLOB";
                default -> "TEXT";
            };
            case POSTGRESQL -> switch (kind) {
                case INT -> "INTEGER";
                case BIG_INT -> "BIGINT";
                case FLOAT -> "DOUBLE PRECISION";
                case DECIMAL -> "DECIMAL(65,30)";
                case BOOLEAN -> "BOOLEAN";
                case DATE_TIME -> "TIMESTAMP(3)";
                case JSON -> "JSONB";
                case BYTES -> "BYTEA";
                default -> "TEXT";
            };
            default -> switch (kind) {
                case INT -> "INTEGER";
                case BIG_INT -> "BIGINT";
                case FLOAT -> "DOUBLE";
                case DECIMAL -> "DECIMAL(65,30)";
                case BOOLEAN -> "BOOLEAN";
                case DATE_TIME -> "DATETIME(3)";
                case JSON -> "JSON";
                case BYTES -> "LONGBLOB";
                default -> "VARCHAR(191)";
            };
        };
        return field.arity().isList() ? base + "[]" : base;
    }

    private static String columns(Provider provider, Model model, List<String> fields) {
        return fields.stream().map(f -> q(provider, model.scalarField(f).orElseThrow().columnName()))
                .collect(Collectors.joining(", "));
    }

    static String q(Provider provider, String identifier) {
        return provider == Provider.MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }
}
