package dev.sinew.schema.model;

/** What a non-relation field holds: a built-in scalar, an enum, an {@code Unsupported("...")} type or a composite. */
public sealed interface ScalarType {

    /** A built-in scalar such as {@code String} or {@code DateTime}. */
    record Builtin(ScalarKind kind) implements ScalarType {
        @Override
        public String schemaName() {
            return kind.schemaName();
        }
    }

    /** A value of the named enum. */
    record EnumRef(String enumName) implements ScalarType {
        @Override
        public String schemaName() {
            return enumName;
        }
    }

    /** {@code Unsupported("type")}: a column type Prisma cannot read or write; {@code databaseType} is the string. */
    record Unsupported(String databaseType) implements ScalarType {
        @Override
        public String schemaName() {
            return "Unsupported(\"" + databaseType + "\")";
        }
    }

    /** An embedded value of the named composite type (MongoDB). */
    record CompositeRef(String typeName) implements ScalarType {
        @Override
        public String schemaName() {
            return typeName;
        }
    }

    /** The type as written in a schema. */
    String schemaName();
}
