package dev.sinew.migrate.introspect;

import dev.sinew.migrate.introspect.IntrospectionFlavour.DatabaseEnum;
import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnDefault;
import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.Index;
import dev.sinew.sql.IndexColumn;
import dev.sinew.sql.PrimaryKey;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the database's tables and enums into the introspected schema, matched with the user's existing schema:
 * Prisma's rules for names, types, defaults, ids, indexes and the notes it adds. Relation fields come from the
 * {@link RelationFieldSource} of the datasource's relation mode.
 */
final class DatamodelCalculator {
    private static final String NO_IDENTIFIER = "The underlying table does not contain a valid unique identifier "
            + "and can therefore currently not be handled by Prisma Client.";
    private static final String INVALID_FIELD_NAME = "This field was commented out because of an invalid name. "
            + "Please provide a valid one that matches [a-zA-Z][a-zA-Z0-9_]*";

    private final IntrospectionContext ctx;
    private final IntrospectionWarnings warnings;
    private final RelationFieldSource relations;

    private DatamodelCalculator(IntrospectionContext ctx, IntrospectionWarnings warnings) {
        this.ctx = ctx;
        this.warnings = warnings;
        this.relations = RelationFieldSource.of(ctx.relationMode, ctx, warnings);
    }

    static Psl.Schema calculate(IntrospectionContext ctx, IntrospectionWarnings warnings) {
        return new DatamodelCalculator(ctx, warnings).calculate();
    }

    private Psl.Schema calculate() {
        List<Positioned<Psl.Enum>> enums = enums();
        List<Positioned<Psl.Model>> models = new ArrayList<>();
        List<Model> previous = ctx.existing.models();
        for (Table table : ctx.modelTables) {
            Optional<Model> existing = ctx.existingModel(table);
            models.add(new Positioned<>(existing.map(previous::indexOf).orElse(null), model(table)));
        }
        models.sort(Positioned.ORDER);
        return new Psl.Schema(ctx.existing.configurationBlocks(), models.stream().map(Positioned::value).toList(),
                ctx.existing.viewBlocks(), enums.stream().map(Positioned::value).toList(),
                ctx.existing.trailingComments());
    }

    /** An element with the position of the user's element it matches; new elements come last, in database order. */
    private record Positioned<T>(Integer position, T value) {
        static final Comparator<Positioned<?>> ORDER = Comparator.comparing(Positioned::position,
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Enums

    private List<Positioned<Psl.Enum>> enums() {
        List<EnumType> previous = ctx.existing.enums();
        List<Positioned<Psl.Enum>> out = new ArrayList<>();
        if (ctx.flavour.keepsEnumsOfTheSchema()) {
            for (EnumType e : previous) {
                out.add(new Positioned<>(previous.indexOf(e), keptEnum(e)));
            }
            return out;
        }
        for (DatabaseEnum dbEnum : ctx.enums()) {
            Optional<EnumType> existing = ctx.existingEnum(dbEnum);
            out.add(new Positioned<>(existing.map(previous::indexOf).orElse(null), enumBlock(dbEnum, existing)));
        }
        out.sort(Positioned.ORDER);
        // MySQL: several columns' enums can match one enum of the user's schema; it is written once.
        List<Positioned<Psl.Enum>> deduplicated = new ArrayList<>();
        for (Positioned<Psl.Enum> e : out) {
            Positioned<Psl.Enum> last = deduplicated.isEmpty() ? null : deduplicated.get(deduplicated.size() - 1);
            if (last == null || e.position() == null || !e.position().equals(last.position())) {
                deduplicated.add(e);
            }
        }
        return deduplicated;
    }

    private Psl.Enum enumBlock(DatabaseEnum dbEnum, Optional<EnumType> existing) {
        Identifiers.Name name = ctx.enumName(dbEnum);
        ExistingSchema.BlockComments comments = existing.map(e -> ctx.existing.commentsOf("enum", e.name()))
                .orElse(ExistingSchema.BlockComments.NONE);
        List<Psl.EnumValue> values = new ArrayList<>();
        for (String value : dbEnum.values()) {
            Identifiers.Name valueName = ctx.enumValueName(dbEnum, value);
            Optional<EnumType.Value> previous = existing.flatMap(e -> e.values().stream()
                    .filter(v -> v.storedName().equals(value)).findFirst());
            List<String> attributes = new ArrayList<>();
            if (valueName.mapped() != null) {
                attributes.add("@map(" + Literals.string(valueName.mapped()) + ")");
            }
            boolean commentedOut = valueName.name().isEmpty();
            if (commentedOut) {
                warnings.enumValueWithEmptyName(name.name(), value);
            }
            if (previous.isPresent() && previous.get().databaseName() != null) {
                warnings.remappedValue(name.name(), valueName.name());
            }
            String shown = commentedOut ? value : valueName.name();
            values.add(new Psl.EnumValue(shown, attributes, previous.map(EnumType.Value::documentation).orElse(null),
                    commentedOut, comments.entry(shown)));
        }
        List<Psl.BlockAttribute> attributes = new ArrayList<>();
        if (name.mapped() != null) {
            attributes.add(new Psl.BlockAttribute("@@map(" + Literals.string(name.mapped()) + ")",
                    comments.entry("@@map")));
        }
        if (existing.isPresent() && existing.get().databaseName() != null) {
            warnings.remappedEnum(name.name());
        }
        return new Psl.Enum(name.name(), existing.map(EnumType::documentation).orElse(null), values, attributes,
                comments.block());
    }

    /**
     * An enum of the existing schema on a database without enum types, kept as written. Prisma keeps it too, but
     * drops the {@code @map} of its values, which would change the values the client stores; Sinew keeps them.
     */
    private Psl.Enum keptEnum(EnumType e) {
        ExistingSchema.BlockComments comments = ctx.existing.commentsOf("enum", e.name());
        List<Psl.EnumValue> values = new ArrayList<>();
        for (EnumType.Value value : e.values()) {
            List<String> attributes = value.databaseName() == null ? List.of()
                    : List.of("@map(" + Literals.string(value.databaseName()) + ")");
            values.add(new Psl.EnumValue(value.name(), attributes, value.documentation(), false,
                    comments.entry(value.name())));
        }
        List<Psl.BlockAttribute> attributes = new ArrayList<>();
        if (e.databaseName() != null) {
            attributes.add(new Psl.BlockAttribute("@@map(" + Literals.string(e.databaseName()) + ")",
                    comments.entry("@@map")));
        }
        return new Psl.Enum(e.name(), e.documentation(), values, attributes, comments.block());
    }

    /** The user's enum of a text column, on a database without enum types. */
    private Optional<EnumType> keptEnumOf(Column column, Optional<ScalarField> existing) {
        if (!ctx.flavour.keepsEnumsOfTheSchema() || column.type().family() != Family.STRING || existing.isEmpty()
                || !(existing.get().type() instanceof dev.sinew.schema.model.ScalarType.EnumRef ref)) {
            return Optional.empty();
        }
        return ctx.existing.datamodel().enumType(ref.enumName());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Models

    private Psl.Model model(Table table) {
        Optional<Model> existing = ctx.existingModel(table);
        Identifiers.Name name = ctx.modelName(table.name());
        ExistingSchema.BlockComments comments = existing.map(m -> ctx.existing.commentsOf("model", m.name()))
                .orElse(ExistingSchema.BlockComments.NONE);
        List<String> docs = new ArrayList<>();
        existing.map(Model::documentation).ifPresent(docs::add);
        if (name.reserved() && existing.isEmpty()) {
            docs.add("This model has been renamed to '" + name.name() + "' during introspection, because the "
                    + "original name '" + name.mapped() + "' is reserved.");
        }
        boolean ignoredInSchema = existing.map(Model::ignored).orElse(false);
        boolean commentedOut = false;
        if (table.columns().isEmpty()) {
            docs.add(ctx.provider.schemaName().equals("postgresql") || ctx.provider.schemaName().equals("cockroachdb")
                    ? "We could not retrieve columns for the underlying table. Either it has none or you are missing "
                    + "rights to see them. Please check your privileges."
                    : "We could not retrieve columns for the underlying table. You probably have no rights to see "
                    + "them. Please check your privileges.");
            commentedOut = true;
            warnings.modelWithoutColumns(name.name());
        } else if (!IntrospectionContext.hasUsableIdentifier(table) && !ignoredInSchema) {
            docs.add(NO_IDENTIFIER);
            warnings.modelWithoutIdentifier(name.name());
        }
        if (existing.isPresent() && existing.get().databaseName() != null) {
            warnings.remappedModel(name.name());
        }

        List<Psl.Field> fields = new ArrayList<>();
        for (Column column : table.columns()) {
            fields.add(scalarField(table, column, name.name(), comments));
        }
        fields.addAll(relations.fields(table, comments));

        List<Psl.BlockAttribute> attributes = new ArrayList<>();
        compoundId(table, existing, name.name(), comments).ifPresent(attributes::add);
        attributes.addAll(indexes(table, existing, comments));
        if (name.mapped() != null) {
            attributes.add(new Psl.BlockAttribute("@@map(" + Literals.string(name.mapped()) + ")",
                    comments.entry("@@map")));
        }
        if (ctx.modelIgnored(table)) {
            attributes.add(new Psl.BlockAttribute("@@ignore", comments.entry("@@ignore")));
        }
        return new Psl.Model(name.name(), docs.isEmpty() ? null : String.join("\n", docs), fields, attributes,
                commentedOut, comments.block());
    }

    private Psl.Field scalarField(Table table, Column column, String modelName,
                                  ExistingSchema.BlockComments comments) {
        Optional<ScalarField> existing = ctx.existingField(table, column);
        Identifiers.Name name = ctx.fieldName(table, column.name());
        boolean commentedOut = name.name().isEmpty();
        String fieldName = commentedOut ? column.name() : name.name();

        Optional<EnumType> keptEnum = keptEnumOf(column, existing);
        String type = keptEnum.isPresent() ? keptEnum.get().name() : switch (column.type().family()) {
            case ENUM -> {
                DatabaseEnum dbEnum = ctx.flavour.enumOf(ctx.sql, table, column);
                yield dbEnum == null ? "String" : ctx.enumName(dbEnum).name();
            }
            case UNSUPPORTED -> "Unsupported(" + Literals.string(column.type().nativeType()) + ")";
            default -> column.type().family().prismaName();
        };
        Psl.Arity arity = switch (column.arity()) {
            case REQUIRED -> Psl.Arity.REQUIRED;
            case NULLABLE -> Psl.Arity.OPTIONAL;
            case LIST -> Psl.Arity.LIST;
        };

        List<String> attributes = new ArrayList<>();
        if (name.mapped() != null) {
            attributes.add("@map(" + Literals.string(name.mapped()) + ")");
        }
        ctx.flavour.nativeTypeAttribute(column)
                .ifPresent(t -> attributes.add("@" + ctx.existing.datasourceName() + "." + t));
        String defaultValue = keptEnum.isPresent() ? keptEnumDefault(column, keptEnum.get())
                : defaultValue(table, column, existing);
        if (defaultValue != null) {
            attributes.add("@default(" + defaultValue + ")");
        }
        if (existing.map(ScalarField::updatedAt).orElse(false)) {
            attributes.add("@updatedAt");
        }
        if (existing.map(ScalarField::ignored).orElse(false)) {
            attributes.add("@ignore");
        }
        fieldId(table, column).ifPresent(attributes::add);
        fieldUnique(table, column).ifPresent(attributes::add);

        List<String> docs = new ArrayList<>();
        existing.map(ScalarField::documentation).ifPresent(docs::add);
        if (commentedOut) {
            docs.add(INVALID_FIELD_NAME);
            warnings.fieldWithEmptyName(modelName, fieldName);
        }
        if (existing.isPresent() && existing.get().databaseName() != null) {
            warnings.remappedField(modelName, fieldName);
        }
        if (column.type().family() == Family.UNSUPPORTED) {
            warnings.unsupportedType(modelName, fieldName, column.type().nativeType());
        }
        return new Psl.Field(fieldName, type, arity, attributes, docs.isEmpty() ? null : String.join("\n", docs),
                commentedOut, existing.map(f -> comments.entry(f.name())).orElse(Psl.Comments.NONE));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Defaults

    private String defaultValue(Table table, Column column, Optional<ScalarField> existing) {
        Family family = column.type().family();
        ColumnDefault d = column.defaultValue();
        if (d instanceof ColumnDefault.Identity identity) {
            return sequence(identity);
        }
        if ((family == Family.INT || family == Family.BIGINT) && ctx.flavour.autoIncrements(table, column)) {
            return "autoincrement()";
        }
        if (d instanceof ColumnDefault.Sequence || d instanceof ColumnDefault.UniqueRowId) {
            return "autoincrement()";
        }
        if (d instanceof ColumnDefault.DbGenerated g) {
            return Literals.dbGenerated(g.expression());
        }
        if (d instanceof ColumnDefault.Now) {
            return family == Family.DATETIME ? "now()" : null;
        }
        if (d instanceof ColumnDefault.Value v) {
            return family == Family.ENUM ? enumDefault(table, column, v.text()) : ctx.flavour.literal(column, v);
        }
        if (d instanceof ColumnDefault.ListValue list) {
            List<String> items = new ArrayList<>();
            for (String item : list.items()) {
                String rendered = family == Family.ENUM ? enumDefault(table, column, item)
                        : ctx.flavour.literal(column, new ColumnDefault.Value(item));
                if (rendered == null) {
                    return null;
                }
                items.add(rendered);
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (d == null && family == Family.STRING && existing.isPresent()) {
            return clientGenerated(existing.get().defaultValue());
        }
        return null;
    }

    /** The default of a text column holding the user's enum: the value stored as the default's text. */
    private static String keptEnumDefault(Column column, EnumType enumType) {
        if (column.defaultValue() instanceof ColumnDefault.Value v) {
            return enumType.values().stream().filter(x -> x.storedName().equals(v.text())).map(EnumType.Value::name)
                    .findFirst().orElse(Literals.string(v.text()));
        }
        if (column.defaultValue() instanceof ColumnDefault.DbGenerated g) {
            return Literals.dbGenerated(g.expression());
        }
        return null;
    }

    /** CockroachDB's {@code sequence(...)} with the options that are not the database's defaults. */
    private static String sequence(ColumnDefault.Identity identity) {
        List<String> args = new ArrayList<>();
        if (Boolean.TRUE.equals(identity.virtual())) {
            args.add("virtual");
        }
        if (identity.minValue() != null && identity.minValue() != 1) {
            args.add("minValue: " + identity.minValue());
        }
        if (identity.maxValue() != null && identity.maxValue() != Long.MAX_VALUE) {
            args.add("maxValue: " + identity.maxValue());
        }
        if (identity.cache() != null && identity.cache() != 1) {
            args.add("cache: " + identity.cache());
        }
        if (identity.increment() != null && identity.increment() != 1) {
            args.add("increment: " + identity.increment());
        }
        if (identity.start() != null && identity.start() != 1) {
            args.add("start: " + identity.start());
        }
        return "sequence(" + String.join(", ", args) + ")";
    }

    private String enumDefault(Table table, Column column, String value) {
        DatabaseEnum dbEnum = ctx.flavour.enumOf(ctx.sql, table, column);
        if (dbEnum == null) {
            return Literals.string(value);
        }
        Identifiers.Name name = ctx.enumValueName(dbEnum, value);
        return name.name().isEmpty() ? Literals.dbGenerated(name.mapped()) : name.name();
    }

    /** A default that the client computes (and the database never sees) is kept from the user's schema. */
    private static String clientGenerated(DefaultValue value) {
        if (value instanceof DefaultValue.Uuid u) {
            return u.version() == 4 ? "uuid()" : "uuid(" + u.version() + ")";
        } else if (value instanceof DefaultValue.Cuid c) {
            return c.version() == 1 ? "cuid()" : "cuid(" + c.version() + ")";
        } else if (value instanceof DefaultValue.Ulid) {
            return "ulid()";
        } else if (value instanceof DefaultValue.Nanoid n) {
            return n.length() == null ? "nanoid()" : "nanoid(" + n.length() + ")";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ids and indexes

    private Optional<String> fieldId(Table table, Column column) {
        PrimaryKey pk = table.primaryKey();
        if (pk == null || pk.columns().size() != 1 || !pk.columns().get(0).name().equals(column.name())) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>();
        IndexColumn pkColumn = pk.columns().get(0);
        if (pkColumn.sortOrder() == IndexColumn.SortOrder.DESC) {
            args.add("sort: Desc");
        }
        if (pkColumn.length() != null) {
            args.add("length: " + pkColumn.length());
        }
        String map = primaryKeyMap(table, pk);
        if (map != null) {
            args.add("map: " + Literals.string(map));
        }
        return Optional.of(args.isEmpty() ? "@id" : "@id(" + String.join(", ", args) + ")");
    }

    private Optional<String> fieldUnique(Table table, Column column) {
        for (Index index : table.indexes()) {
            if (index.isUnique() && index.columns().size() == 1
                    && index.columns().get(0).name().equals(column.name())) {
                List<String> args = new ArrayList<>();
                String map = indexMap(table, index);
                if (map != null) {
                    args.add("map: " + Literals.string(map));
                }
                IndexColumn c = index.columns().get(0);
                if (c.sortOrder() == IndexColumn.SortOrder.DESC) {
                    args.add("sort: Desc");
                }
                if (c.length() != null) {
                    args.add("length: " + c.length());
                }
                return Optional.of(args.isEmpty() ? "@unique" : "@unique(" + String.join(", ", args) + ")");
            }
        }
        return Optional.empty();
    }

    private Optional<Psl.BlockAttribute> compoundId(Table table, Optional<Model> existing, String modelName,
                                                    ExistingSchema.BlockComments comments) {
        PrimaryKey pk = table.primaryKey();
        if (pk == null || pk.columns().size() < 2) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>();
        args.add(ctx.indexFields(table, pk.columns(), true));
        String clientName = existing.map(Model::primaryKey).map(p -> p.name()).orElse(null);
        if (clientName != null) {
            args.add("name: " + Literals.string(clientName));
            warnings.reintrospectedIdName(modelName);
        }
        String map = primaryKeyMap(table, pk);
        if (map != null) {
            args.add("map: " + Literals.string(map));
        }
        return Optional.of(new Psl.BlockAttribute("@@id(" + String.join(", ", args) + ")", comments.entry("@@id")));
    }

    private String primaryKeyMap(Table table, PrimaryKey pk) {
        if (!ctx.provider.supportsNamedPrimaryKeys() || pk.name() == null || pk.name().isEmpty()) {
            return null;
        }
        return pk.name().equals(ConstraintNames.primaryKey(table.name(), ctx.provider)) ? null : pk.name();
    }

    /** The index's name where it differs from the name Prisma would give it. */
    private String indexMap(Table table, Index index) {
        String defaultName = index.isUnique()
                ? ConstraintNames.uniqueIndex(table.name(), index.columnNames(), ctx.provider)
                : ConstraintNames.index(table.name(), index.columnNames(), ctx.provider);
        return index.name().equals(defaultName) ? null : index.name();
    }

    /**
     * The model's {@code @@unique}, {@code @@index} and {@code @@fulltext} (a single-column unique is written on its
     * field): the ones the user's schema has first, in its order, then the others in database order.
     */
    private List<Psl.BlockAttribute> indexes(Table table, Optional<Model> existing,
                                             ExistingSchema.BlockComments comments) {
        List<Positioned<Psl.BlockAttribute>> out = new ArrayList<>();
        List<dev.sinew.schema.model.Index> previous = existing.map(Model::indexes).orElse(List.of());
        for (Index index : table.indexes()) {
            if (index.isUnique() && index.columns().size() == 1) {
                continue;
            }
            Optional<dev.sinew.schema.model.Index> match = previous.stream()
                    .filter(p -> p.map() == null && index.name().equals(p.name())
                            || index.name().equals(p.databaseName()))
                    .findFirst();
            String keyword = switch (index.kind()) {
                case UNIQUE -> "@@unique";
                case FULLTEXT -> "@@fulltext";
                case NORMAL -> "@@index";
            };
            List<String> args = new ArrayList<>();
            args.add(ctx.indexFields(table, index.columns(), true));
            String clientName = match.map(dev.sinew.schema.model.Index::name).orElse(null);
            if (clientName != null) {
                args.add("name: " + Literals.string(clientName));
            }
            String map = indexMap(table, index);
            if (map != null) {
                args.add("map: " + Literals.string(map));
            }
            if (index.algorithm() != null) {
                args.add("type: " + index.algorithm());
            }
            String text = keyword + "(" + String.join(", ", args) + ")";
            Psl.Comments indexComments = comments.entry(ExistingSchema.indexKey(index.name()));
            out.add(new Positioned<>(match.map(previous::indexOf).orElse(null),
                    new Psl.BlockAttribute(text, indexComments)));
        }
        out.sort(Positioned.ORDER);
        return out.stream().map(Positioned::value).toList();
    }
}
