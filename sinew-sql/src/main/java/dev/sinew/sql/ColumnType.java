package dev.sinew.sql;

import java.util.Objects;

/**
 * The type of a column: the Prisma scalar family it maps to, plus the database's own type written the way Prisma's
 * native type attributes name it ({@code Text}, {@code VarChar(255)}, {@code Timestamp(3)}, {@code Integer}). The
 * dialect renders the native type to SQL; introspection reads it back into the same form, so that a calculated and an
 * introspected schema compare equal.
 *
 * @param family     the Prisma scalar the column holds
 * @param nativeType the database type in native-type notation; for {@link Family#UNSUPPORTED} the raw SQL type; null
 *                   for enums on databases with named enum types
 * @param enumName   the enum's name for {@link Family#ENUM}, else null
 */
public record ColumnType(Family family, String nativeType, String enumName) {

    public ColumnType {
        Objects.requireNonNull(family, "family");
    }

    public static ColumnType of(Family family, String nativeType) {
        return new ColumnType(family, nativeType, null);
    }

    public static ColumnType enumType(String enumName) {
        return new ColumnType(Family.ENUM, null, enumName);
    }

    /** The native type's name without arguments: {@code VarChar} for {@code VarChar(255)}. */
    public String nativeName() {
        if (nativeType == null) {
            return null;
        }
        int paren = nativeType.indexOf('(');
        return paren < 0 ? nativeType : nativeType.substring(0, paren);
    }

    /** The native type's arguments as written: {@code 255} for {@code VarChar(255)}, {@code 65,30} for a decimal. */
    public String nativeArguments() {
        if (nativeType == null) {
            return null;
        }
        int paren = nativeType.indexOf('(');
        return paren < 0 ? null : nativeType.substring(paren + 1, nativeType.length() - 1);
    }

    /** The Prisma scalar types (plus enums and unsupported types) a column can hold. */
    public enum Family {
        INT("Int"), BIGINT("BigInt"), FLOAT("Float"), DECIMAL("Decimal"), BOOLEAN("Boolean"), STRING("String"),
        DATETIME("DateTime"), JSON("Json"), BYTES("Bytes"), ENUM("Enum"), UNSUPPORTED("Unsupported");

        private final String prismaName;

        Family(String prismaName) {
            this.prismaName = prismaName;
        }

        /** The Prisma scalar type's name ({@code Int}, {@code DateTime}, …). */
        public String prismaName() {
            return prismaName;
        }

        /** The family of a Prisma scalar type name, or null when it is not a scalar. */
        public static Family ofPrismaScalar(String name) {
            for (Family f : values()) {
                if (f.prismaName.equals(name) && f != ENUM && f != UNSUPPORTED) {
                    return f;
                }
            }
            return null;
        }
    }
}
