package dev.sinew.schema.diagnostics;

/**
 * Sinew's stable identifiers for the rules behind diagnostics. The message texts follow Prisma's; the codes are
 * Sinew's own, so that tools and tests can match a rule without matching prose.
 */
public enum DiagnosticCode {
    // syntax (parser)
    SYNTAX_INVALID_LINE("S001"),
    SYNTAX_INVALID_BLOCK("S002"),
    SYNTAX_INVALID_BLOCK_LINE("S003"),
    SYNTAX_INVALID_FIELD("S004"),
    SYNTAX_LEGACY("S005"),
    SYNTAX_TYPE_ALIAS("S006"),
    SYNTAX_INVALID_STRING("S007"),

    // validation
    /** A name is defined twice (blocks, fields, enum values, properties, database names). */
    NAME_DUPLICATE("V001"),
    /** A reserved name (a scalar type name, a JavaScript keyword). */
    NAME_RESERVED("V002"),
    /** A malformed name (starts with a digit, contains '-'). */
    NAME_INVALID("V003"),
    /** A field type that is neither built-in nor defined. */
    TYPE_UNKNOWN("V010"),
    /** A type the connector does not support (lists, Json, Decimal). */
    TYPE_UNSUPPORTED("V011"),
    /** Composite types on a connector without them. */
    COMPOSITE_TYPE_UNSUPPORTED("V012"),
    /** Enums on a connector without them. */
    ENUM_UNSUPPORTED("V013"),
    /** An enum without values. */
    ENUM_INVALID("V015"),
    /** Views without their preview feature. */
    VIEW_INVALID("V014"),
    /** An attribute nobody knows. */
    ATTRIBUTE_UNKNOWN("V020"),
    /** A single attribute given twice. */
    ATTRIBUTE_DUPLICATE("V021"),
    /** An attribute used where or how it is not allowed. */
    ATTRIBUTE_INVALID("V022"),
    /** An argument the attribute does not take. */
    ARGUMENT_UNKNOWN("V023"),
    /** A required argument is missing. */
    ARGUMENT_MISSING("V024"),
    /** An argument given twice. */
    ARGUMENT_DUPLICATE("V025"),
    /** A named argument without a value. */
    ARGUMENT_EMPTY("V026"),
    /** A trailing comma in attribute arguments. */
    ARGUMENT_TRAILING_COMMA("V027"),
    /** A value of the wrong kind (string expected, ...). */
    VALUE_TYPE_MISMATCH("V028"),
    /** A model without a unique criterion of required fields. */
    ID_MISSING("V030"),
    /** An invalid @id or @@id. */
    ID_INVALID("V031"),
    /** An invalid index, unique or fulltext definition. */
    INDEX_INVALID("V032"),
    /** A constraint name that clashes or is too long. */
    CONSTRAINT_NAME_INVALID("V033"),
    /** An invalid @default. */
    DEFAULT_INVALID("V034"),
    /** An invalid native type attribute. */
    NATIVE_TYPE_INVALID("V035"),
    /** An invalid @@schema. */
    SCHEMA_INVALID("V036"),
    /** Relation fields that cannot be paired without names. */
    RELATION_AMBIGUOUS("V040"),
    /** A relation field without its opposite field. */
    RELATION_MISSING_OPPOSITE("V041"),
    /** Fields or references missing on a relation. */
    RELATION_MISSING_FIELDS("V042"),
    /** Fields and references of different lengths. */
    RELATION_FIELDS_MISMATCH("V043"),
    /** Fields and references of different types. */
    RELATION_TYPE_MISMATCH("V044"),
    /** References that are no unique criterion. */
    RELATION_REFERENCES_NOT_UNIQUE("V045"),
    /** A one-to-one relation whose fields are not unique. */
    RELATION_ONE_TO_ONE_NOT_UNIQUE("V046"),
    /** A required relation field over optional scalars. */
    RELATION_ARITY("V047"),
    /** Fields or references naming unknown or relation fields. */
    RELATION_UNKNOWN_FIELD("V048"),
    /** Other invalid relation definitions. */
    RELATION_INVALID("V049"),
    /** Cascading referential actions that form a cycle. */
    RELATION_CYCLE("V050"),
    /** Cascading referential actions that reach a model through several paths. */
    RELATION_CASCADE_PATHS("V051"),
    /** An unknown referential action name. */
    REFERENTIAL_ACTION_UNKNOWN("V052"),
    /** A referential action the provider does not allow in the relation mode. */
    REFERENTIAL_ACTION_NOT_ALLOWED("V053"),
    /** SetNull on a relation with required scalar fields. */
    REFERENTIAL_ACTION_SET_NULL_REQUIRED("V054"),
    /** SetDefault on MySQL with foreign keys (a warning). */
    REFERENTIAL_ACTION_SET_DEFAULT_MYSQL("V055"),
    /** Prisma mode: relation scalars without an index (a warning). */
    RELATION_MISSING_INDEX("V056"),
    /** An invalid relationMode setting. */
    RELATION_MODE_INVALID("V060"),
    /** The deprecated referentialIntegrity setting (a warning). */
    RELATION_MODE_LEGACY("V061"),
    /** An invalid datasource block. */
    DATASOURCE_INVALID("V062"),
    /** An unknown datasource provider. */
    DATASOURCE_PROVIDER_UNKNOWN("V063"),
    /** An invalid generator block. */
    GENERATOR_INVALID("V064"),
    /** An unknown preview feature. */
    PREVIEW_FEATURE_UNKNOWN("V065"),
    /** A preview feature that is now generally available (a warning). */
    PREVIEW_FEATURE_DEPRECATED("V066");

    private final String id;

    DiagnosticCode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
