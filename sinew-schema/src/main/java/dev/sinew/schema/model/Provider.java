package dev.sinew.schema.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A database family that a datasource can name, with what it can do as data. Everything the validator, the SQL
 * schema calculation and the client need to know about a connector's abilities lives here, never as scattered
 * checks on the provider's name.
 */
public enum Provider {
    POSTGRESQL(List.of("postgresql", "postgres"), "Postgres", 63,
            EnumSet.allOf(ReferentialAction.class),
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.SET_NULL),
            EnumSet.of(Capability.ENUMS, Capability.SCALAR_LISTS, Capability.JSON, Capability.DECIMAL,
                    Capability.NATIVE_TYPES, Capability.NAMED_PRIMARY_KEYS, Capability.NAMED_FOREIGN_KEYS,
                    Capability.MULTI_SCHEMA, Capability.AUTOINCREMENT_ON_NON_ID,
                    Capability.MULTIPLE_AUTOINCREMENTS, Capability.SET_NULL_ON_NON_NULLABLE_WITH_FOREIGN_KEYS,
                    Capability.IMPLICIT_MANY_TO_MANY, Capability.INDEX_ALGORITHMS, Capability.OPERATOR_CLASSES,
                    Capability.EXTENSIONS, Capability.AUTOINCREMENT_NON_INDEXED)),
    COCKROACHDB(List.of("cockroachdb"), "CockroachDB", 63,
            EnumSet.allOf(ReferentialAction.class),
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION,
                    ReferentialAction.SET_NULL),
            EnumSet.of(Capability.ENUMS, Capability.SCALAR_LISTS, Capability.JSON, Capability.DECIMAL,
                    Capability.NATIVE_TYPES, Capability.NAMED_PRIMARY_KEYS, Capability.NAMED_FOREIGN_KEYS,
                    Capability.MULTI_SCHEMA, Capability.AUTOINCREMENT_ON_NON_ID,
                    Capability.MULTIPLE_AUTOINCREMENTS, Capability.IMPLICIT_MANY_TO_MANY,
                    Capability.INDEX_ALGORITHMS, Capability.SEQUENCES, Capability.AUTOINCREMENT_NON_INDEXED)),
    MYSQL(List.of("mysql"), "MySQL", 64,
            EnumSet.allOf(ReferentialAction.class),
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION,
                    ReferentialAction.SET_NULL),
            EnumSet.of(Capability.ENUMS, Capability.JSON, Capability.DECIMAL, Capability.NATIVE_TYPES,
                    Capability.NAMED_FOREIGN_KEYS, Capability.AUTOINCREMENT_ON_NON_ID,
                    Capability.IMPLICIT_MANY_TO_MANY, Capability.INDEX_LENGTH_PREFIXES, Capability.FULL_TEXT_INDEX,
                    Capability.SET_DEFAULT_WARNING)),
    SQLITE(List.of("sqlite"), "sqlite", 10000,
            EnumSet.allOf(ReferentialAction.class),
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.SET_NULL),
            EnumSet.of(Capability.ENUMS, Capability.JSON, Capability.DECIMAL, Capability.IMPLICIT_MANY_TO_MANY)),
    SQLSERVER(List.of("sqlserver"), "SQL Server", 128,
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL,
                    ReferentialAction.SET_DEFAULT),
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION,
                    ReferentialAction.SET_NULL),
            EnumSet.of(Capability.DECIMAL, Capability.NATIVE_TYPES, Capability.NAMED_PRIMARY_KEYS,
                    Capability.NAMED_FOREIGN_KEYS, Capability.NAMED_DEFAULT_VALUES, Capability.MULTI_SCHEMA,
                    Capability.AUTOINCREMENT_ON_NON_ID, Capability.MULTIPLE_AUTOINCREMENTS,
                    Capability.REFERENCE_CYCLE_DETECTION, Capability.REFERENCES_IN_CRITERION_ORDER,
                    Capability.CLUSTERING, Capability.IMPLICIT_MANY_TO_MANY, Capability.AUTOINCREMENT_NON_INDEXED)),
    MONGODB(List.of("mongodb"), "MongoDB", 127,
            EnumSet.noneOf(ReferentialAction.class),
            EnumSet.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION,
                    ReferentialAction.SET_NULL),
            EnumSet.of(Capability.ENUMS, Capability.SCALAR_LISTS, Capability.JSON, Capability.NATIVE_TYPES,
                    Capability.COMPOSITE_TYPES, Capability.FULL_TEXT_INDEX, Capability.DOCUMENT_STORE));

    /**
     * Abilities that differ between connectors. Each constant is one fact a rule or a code path depends on.
     */
    public enum Capability {
        /** {@code enum} blocks. */
        ENUMS,
        /** Lists of scalar types ({@code String[]}). */
        SCALAR_LISTS,
        /** The {@code Json} type. */
        JSON,
        /** The {@code Decimal} type. */
        DECIMAL,
        /** {@code @db.X} attributes. */
        NATIVE_TYPES,
        /** Primary keys carry a constraint name ({@code {table}_pkey}). */
        NAMED_PRIMARY_KEYS,
        /** Foreign keys can be named with {@code @relation(map:)}. */
        NAMED_FOREIGN_KEYS,
        /** Default values are named constraints ({@code {table}_{column}_df}). */
        NAMED_DEFAULT_VALUES,
        /** {@code schemas = [...]} in the datasource and {@code @@schema} on models and enums. */
        MULTI_SCHEMA,
        /** {@code autoincrement()} on a field that is not the id. */
        AUTOINCREMENT_ON_NON_ID,
        /** {@code autoincrement()} on a field that starts no index. */
        AUTOINCREMENT_NON_INDEXED,
        /** More than one {@code autoincrement()} per model. */
        MULTIPLE_AUTOINCREMENTS,
        /** SetNull on a relation with required scalars is only a warning, in foreign-key mode. */
        SET_NULL_ON_NON_NULLABLE_WITH_FOREIGN_KEYS,
        /** The database refuses cycles and multiple cascade paths, so the validator checks for them. */
        REFERENCE_CYCLE_DETECTION,
        /** {@code clustered:} on ids and indexes. */
        CLUSTERING,
        /** Implicit many-to-many relations through a {@code _AToB} join table. */
        IMPLICIT_MANY_TO_MANY,
        /** {@code length:} on index fields. */
        INDEX_LENGTH_PREFIXES,
        /** {@code @@fulltext}. */
        FULL_TEXT_INDEX,
        /** {@code type:} on {@code @@index} (Hash, Gin, Gist, ...). */
        INDEX_ALGORITHMS,
        /** {@code ops:} on index fields. */
        OPERATOR_CLASSES,
        /** {@code extensions = [...]} in the datasource. */
        EXTENSIONS,
        /** {@code sequence()} defaults. */
        SEQUENCES,
        /** Composite types ({@code type} blocks). */
        COMPOSITE_TYPES,
        /** {@code references:} must list a unique criterion's fields in the criterion's order. */
        REFERENCES_IN_CRITERION_ORDER,
        /** A document database: no SQL, ids mapped to {@code _id}, {@code auto()} defaults. */
        DOCUMENT_STORE,
        /** SetDefault is accepted but the database ignores it, so the validator warns. */
        SET_DEFAULT_WARNING
    }

    /** The index methods ({@code @@index(type: X)}) each provider knows. */
    private static final java.util.Map<String, List<String>> INDEX_ALGORITHMS = java.util.Map.of(
            "postgresql", List.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"),
            "cockroachdb", List.of("BTree", "Gin"));

    private final List<String> names;
    private final String displayName;
    private final int maxIdentifierLength;
    private final Set<ReferentialAction> foreignKeyActions;
    private final Set<ReferentialAction> emulatedActions;
    private final Set<Capability> capabilities;

    Provider(List<String> names, String displayName, int maxIdentifierLength,
             Set<ReferentialAction> foreignKeyActions, Set<ReferentialAction> emulatedActions,
             Set<Capability> capabilities) {
        this.names = names;
        this.displayName = displayName;
        this.maxIdentifierLength = maxIdentifierLength;
        this.foreignKeyActions = foreignKeyActions;
        this.emulatedActions = emulatedActions;
        this.capabilities = capabilities;
    }

    /** The canonical name in {@code provider = "..."}, e.g. {@code postgresql}. */
    public String schemaName() {
        return names.get(0);
    }

    /** Every name that selects this provider ({@code postgres} is an alias of {@code postgresql}). */
    public List<String> names() {
        return names;
    }

    /** The name Prisma's messages use for the connector ({@code Postgres}, {@code sqlite}, {@code SQL Server}). */
    public String displayName() {
        return displayName;
    }

    /** The longest identifier, in bytes, that the database accepts; longer generated names are truncated. */
    public int maxIdentifierLength() {
        return maxIdentifierLength;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public boolean isRelational() {
        return this != MONGODB;
    }

    /** The relation mode when the datasource sets none: {@code prisma} on MongoDB, {@code foreignKeys} elsewhere. */
    public RelationMode defaultRelationMode() {
        return this == MONGODB ? RelationMode.PRISMA : RelationMode.FOREIGN_KEYS;
    }

    /** The relation modes the datasource may choose, in Prisma's order. */
    public List<RelationMode> allowedRelationModes() {
        return this == MONGODB ? List.of(RelationMode.PRISMA)
                : List.of(RelationMode.PRISMA, RelationMode.FOREIGN_KEYS);
    }

    /** The referential actions allowed in a relation mode, in {@link ReferentialAction} order. */
    public Set<ReferentialAction> referentialActions(RelationMode mode) {
        Set<ReferentialAction> actions = mode.usesForeignKeys() ? foreignKeyActions : emulatedActions;
        return actions.isEmpty() ? EnumSet.noneOf(ReferentialAction.class) : EnumSet.copyOf(actions);
    }

    /** The default onDelete of a relation whose referencing scalars are required (spec 1.3). */
    public ReferentialAction defaultOnDeleteForRequired(RelationMode mode) {
        return referentialActions(mode).contains(ReferentialAction.RESTRICT) ? ReferentialAction.RESTRICT
                : ReferentialAction.NO_ACTION;
    }

    public boolean supportsNamedForeignKeys() {
        return has(Capability.NAMED_FOREIGN_KEYS);
    }

    public boolean supportsNamedPrimaryKeys() {
        return has(Capability.NAMED_PRIMARY_KEYS);
    }

    public boolean supportsEnums() {
        return has(Capability.ENUMS);
    }

    public boolean supportsScalarLists() {
        return has(Capability.SCALAR_LISTS);
    }

    public boolean supportsNativeTypes() {
        return has(Capability.NATIVE_TYPES);
    }

    /** Whether SetNull on required referencing scalars is a warning rather than an error in this mode. */
    public boolean allowsSetNullOnNonNullable(RelationMode mode) {
        return mode.usesForeignKeys() && has(Capability.SET_NULL_ON_NON_NULLABLE_WITH_FOREIGN_KEYS);
    }

    /** Whether the validator checks cycles of cascading relations in this mode (spec 1.5). */
    public boolean checksReferenceCycles(RelationMode mode) {
        return !mode.usesForeignKeys() || has(Capability.REFERENCE_CYCLE_DETECTION);
    }

    /** Whether the validator checks multiple cascade paths in this mode: SQL Server with foreign keys only. */
    public boolean checksMultipleCascadePaths(RelationMode mode) {
        return mode.usesForeignKeys() && has(Capability.REFERENCE_CYCLE_DETECTION);
    }

    /** Whether prisma mode warns about relation scalars without an index: every relational connector. */
    public boolean suggestsRelationIndexes() {
        return isRelational();
    }

    /** The index methods this provider accepts in {@code @@index(type: ...)}; empty when it takes none. */
    public List<String> indexAlgorithms() {
        return INDEX_ALGORITHMS.getOrDefault(schemaName(), List.of());
    }

    /** Finds the provider a datasource names, aliases included. */
    public static Optional<Provider> fromSchemaName(String name) {
        for (Provider provider : values()) {
            if (provider.names.contains(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return schemaName();
    }
}
