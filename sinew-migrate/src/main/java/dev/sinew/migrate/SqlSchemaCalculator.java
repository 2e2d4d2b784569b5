package dev.sinew.migrate;

import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.IndexField;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.NativeType;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationField;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.ScalarType;
import dev.sinew.sql.Arity;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnDefault;
import dev.sinew.sql.ColumnType;
import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Extension;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.ForeignKeyAction;
import dev.sinew.sql.Index;
import dev.sinew.sql.IndexColumn;
import dev.sinew.sql.PrimaryKey;
import dev.sinew.sql.SqlEnum;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relational schema a Prisma schema calls for on its provider: one table per model, the implicit many-to-many
 * join tables, Prisma's column types, defaults and constraint names, and — only in {@code foreignKeys} mode — one
 * foreign key per relation. In {@code prisma} mode the relations exist only in the client, so the schema has no
 * foreign keys and no index is added for them: switching modes is an ordinary diff that adds or drops the foreign
 * keys.
 */
public final class SqlSchemaCalculator {

    private final Datamodel datamodel;
    private final Provider provider;
    private final Dialect dialect;

    private SqlSchemaCalculator(Datamodel datamodel) {
        this.datamodel = datamodel;
        this.provider = datamodel.provider()
                .orElseThrow(() -> new IllegalArgumentException("The schema has no datasource"));
        if (!provider.isRelational()) {
            throw new IllegalArgumentException("The " + provider.displayName() + " provider has no SQL schema");
        }
        this.dialect = Dialect.forProvider(provider.schemaName());
    }

    /** The schema of a valid Datamodel on its datasource's provider, in its relation mode. */
    public static SqlSchema calculate(Datamodel datamodel) {
        return new SqlSchemaCalculator(datamodel).calculate();
    }

    /** The dialect of the Datamodel's provider. */
    public static Dialect dialectOf(Datamodel datamodel) {
        return new SqlSchemaCalculator(datamodel).dialect;
    }

    private SqlSchema calculate() {
        Datasource ds = datamodel.datasource().orElseThrow();
        List<String> namespaces = new ArrayList<>();
        if (!ds.schemas().isEmpty()) {
            namespaces.addAll(ds.schemas());
        } else if (dialect.createsDefaultNamespace()) {
            namespaces.add(dialect.defaultNamespace());
        }
        List<Extension> extensions = new ArrayList<>();
        for (Datasource.Extension e : ds.extensions()) {
            extensions.add(new Extension(e.databaseName() != null ? e.databaseName() : e.name(), e.schema(),
                    e.version()));
        }
        List<SqlEnum> enums = new ArrayList<>();
        if (dialect.enumsAreTypes()) {
            for (EnumType e : datamodel.enums()) {
                enums.add(sqlEnum(e));
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Model model : datamodel.models()) {
            if (!model.view()) {
                tables.add(table(model));
            }
        }
        tables.addAll(joinTables());
        return new SqlSchema(namespaces, extensions, enums, tables);
    }

    private static SqlEnum sqlEnum(EnumType e) {
        return new SqlEnum(e.schema(), e.typeName(), e.values().stream().map(EnumType.Value::storedName).toList());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Model tables

    private Table table(Model model) {
        String tableName = model.tableName();
        List<Column> columns = new ArrayList<>();
        boolean singleIntId = model.primaryKey() != null && model.primaryKey().fields().size() == 1
                && model.scalarField(model.primaryKey().fields().get(0).name())
                        .map(f -> f.scalarKind() == ScalarKind.INT).orElse(false);
        for (ScalarField field : model.scalarFields()) {
            if (field.isComposite()) {
                continue;
            }
            Column column = column(tableName, field);
            if (singleIntId && dialect.integerPrimaryKeyAutoIncrements()
                    && field.name().equals(model.primaryKey().fields().get(0).name())) {
                column = column.withAutoIncrement(true);
            }
            columns.add(column);
        }
        PrimaryKey pk = null;
        if (model.primaryKey() != null) {
            pk = new PrimaryKey(dialect.namedPrimaryKeys() ? model.primaryKey().databaseName() : null,
                    indexColumns(model, model.primaryKey().fields()), model.primaryKey().clustered());
        }
        List<Index> indexes = new ArrayList<>();
        for (dev.sinew.schema.model.Index index : prismaIndexOrder(model.indexes())) {
            Index.Kind kind = switch (index.kind()) {
                case UNIQUE -> Index.Kind.UNIQUE;
                case FULLTEXT -> Index.Kind.FULLTEXT;
                case NORMAL -> Index.Kind.NORMAL;
            };
            indexes.add(new Index(index.databaseName(), kind, indexColumns(model, index.fields()), index.algorithm(),
                    index.clustered()));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        if (datamodel.relationMode().usesForeignKeys()) {
            for (RelationField field : model.relationFields()) {
                datamodel.relation(model.name(), field.name())
                        .filter(r -> r.isInline() && r.modelA().equals(model.name()) && r.fieldA().equals(field.name())
                                && !r.fields().isEmpty())
                        .ifPresent(r -> foreignKeys.add(foreignKey(model, r)));
            }
        }
        return new Table(model.schema(), tableName, columns, pk, indexes, foreignKeys);
    }

    /**
     * Indexes in the order Prisma creates them: {@code @unique} fields first, then the {@code @@index},
     * {@code @@unique} and {@code @@fulltext} attributes, each group in source order.
     */
    private static List<dev.sinew.schema.model.Index> prismaIndexOrder(List<dev.sinew.schema.model.Index> indexes) {
        List<dev.sinew.schema.model.Index> sorted = new ArrayList<>(indexes);
        sorted.sort(Comparator.comparingInt(i -> i.declaredOnField() ? 0 : switch (i.kind()) {
            case NORMAL -> 1;
            case UNIQUE -> 2;
            case FULLTEXT -> 3;
        }));
        return sorted;
    }

    private List<IndexColumn> indexColumns(Model model, List<IndexField> fields) {
        List<IndexColumn> out = new ArrayList<>();
        for (IndexField f : fields) {
            String column = model.scalarField(f.name()).map(ScalarField::columnName).orElse(f.name());
            IndexColumn.SortOrder sort = f.sortOrder() == null ? null
                    : f.sortOrder() == dev.sinew.schema.model.SortOrder.DESC ? IndexColumn.SortOrder.DESC
                    : IndexColumn.SortOrder.ASC;
            out.add(new IndexColumn(column, sort, f.length(), operatorClass(f.operatorClass())));
        }
        return out;
    }

    /**
     * A PostgreSQL operator class as written in SQL: Prisma's {@code JsonbPathOps} is {@code jsonb_path_ops},
     * {@code Int4MinMaxOps} is {@code int4_minmax_ops}; {@code raw("...")} is kept as written.
     */
    static String operatorClass(String prismaName) {
        if (prismaName == null) {
            return null;
        }
        if (prismaName.startsWith("raw(")) {
            String inner = prismaName.substring(4, prismaName.length() - 1).trim();
            return inner.startsWith("\"") ? inner.substring(1, inner.length() - 1) : inner;
        }
        String s = prismaName.replace("MinMax", "Minmax").replace("TimestampTz", "Timestamptz")
                .replace("TimeTz", "Timetz").replace("VarChar", "Varchar").replace("BpChar", "Bpchar")
                .replace("VarBit", "Varbit");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private Column column(String tableName, ScalarField field) {
        ColumnType type = columnType(tableName, field);
        Arity arity = switch (field.arity()) {
            case REQUIRED -> Arity.REQUIRED;
            case OPTIONAL -> Arity.NULLABLE;
            case LIST -> Arity.LIST;
        };
        Column column = Column.of(field.columnName(), type, arity);
        DefaultValue d = field.defaultValue();
        if (d != null) {
            if (d instanceof DefaultValue.Autoincrement) {
                column = column.withAutoIncrement(true).withDefault(dialect.autoIncrementDefault());
            } else if (d.isClientGenerated()) {
                column = column.withPrismaLevelDefault(true);
            } else {
                column = column.withDefault(defaultValue(d, field));
            }
        }
        if (column.defaultValue() != null && provider.has(Provider.Capability.NAMED_DEFAULT_VALUES)) {
            column = column.withDefaultConstraintName(field.defaultMap() != null ? field.defaultMap()
                    : ConstraintNames.defaultConstraint(tableName, field.columnName(), provider));
        }
        return column;
    }

    private ColumnType columnType(String tableName, ScalarField field) {
        ScalarType type = field.type();
        if (type instanceof ScalarType.Builtin b) {
            return dialect.columnType(family(b.kind()), nativeType(field.nativeType()));
        } else if (type instanceof ScalarType.EnumRef e) {
            EnumType enumType = datamodel.enumType(e.enumName()).orElseThrow();
            return dialect.enumColumnType(sqlEnum(enumType), tableName, field.columnName());
        } else if (type instanceof ScalarType.Unsupported u) {
            return ColumnType.of(Family.UNSUPPORTED, u.databaseType());
        }
        throw new IllegalArgumentException("Field " + field.name() + " has no column type");
    }

    private static String nativeType(NativeType nativeType) {
        if (nativeType == null) {
            return null;
        }
        if (nativeType.arguments().isEmpty()) {
            return nativeType.name();
        }
        return nativeType.name() + "(" + String.join(",", nativeType.arguments().stream().map(String::trim).toList())
                + ")";
    }

    private static Family family(ScalarKind kind) {
        return switch (kind) {
            case STRING -> Family.STRING;
            case BOOLEAN -> Family.BOOLEAN;
            case INT -> Family.INT;
            case BIG_INT -> Family.BIGINT;
            case FLOAT -> Family.FLOAT;
            case DECIMAL -> Family.DECIMAL;
            case DATE_TIME -> Family.DATETIME;
            case JSON -> Family.JSON;
            case BYTES -> Family.BYTES;
        };
    }

    private ColumnDefault defaultValue(DefaultValue d, ScalarField field) {
        if (d instanceof DefaultValue.Now) {
            return new ColumnDefault.Now();
        } else if (d instanceof DefaultValue.DbGenerated g) {
            return new ColumnDefault.DbGenerated(g.sql());
        } else if (d instanceof DefaultValue.Sequence s) {
            Map<String, String> o = s.options();
            return new ColumnDefault.Identity(o.containsKey("virtual") ? Boolean.valueOf(o.get("virtual")) : null,
                    longOption(o, "cache"), longOption(o, "increment"), longOption(o, "minValue"),
                    longOption(o, "maxValue"), longOption(o, "start"));
        } else if (d instanceof DefaultValue.ListValue l) {
            return new ColumnDefault.ListValue(l.items().stream().map(i -> literalText(i, field)).toList());
        } else if (d instanceof DefaultValue.Literal || d instanceof DefaultValue.EnumValue) {
            return new ColumnDefault.Value(literalText(d, field));
        }
        return null;
    }

    private static Long longOption(Map<String, String> options, String name) {
        String v = options.get(name);
        return v == null ? null : Long.valueOf(v.trim());
    }

    /** A literal default in the text form {@link ColumnDefault.Value} documents. */
    private String literalText(DefaultValue d, ScalarField field) {
        if (d instanceof DefaultValue.EnumValue e) {
            return enumStoredName(field, e.value());
        }
        Object value = ((DefaultValue.Literal) d).value();
        if (field.scalarKind() == ScalarKind.BYTES) {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(value.toString()));
        }
        if (value instanceof BigDecimal n) {
            return n.toPlainString();
        }
        return value.toString();
    }

    private String enumStoredName(ScalarField field, String value) {
        if (field.type() instanceof ScalarType.EnumRef ref) {
            Optional<EnumType> e = datamodel.enumType(ref.enumName());
            if (e.isPresent()) {
                for (EnumType.Value v : e.get().values()) {
                    if (v.name().equals(value)) {
                        return v.storedName();
                    }
                }
            }
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Foreign keys

    private ForeignKey foreignKey(Model model, Relation relation) {
        Model referenced = datamodel.model(relation.modelB()).orElseThrow();
        List<String> columns = relation.fields().stream()
                .map(f -> model.scalarField(f).map(ScalarField::columnName).orElse(f)).toList();
        List<String> referencedColumns = relation.references().stream()
                .map(f -> referenced.scalarField(f).map(ScalarField::columnName).orElse(f)).toList();
        return new ForeignKey(relation.foreignKeyName(), columns, referenced.schema(), referenced.tableName(),
                referencedColumns, action(relation.onDelete()), action(relation.onUpdate()));
    }

    private static ForeignKeyAction action(ReferentialAction action) {
        return switch (action) {
            case CASCADE -> ForeignKeyAction.CASCADE;
            case RESTRICT -> ForeignKeyAction.RESTRICT;
            case NO_ACTION -> ForeignKeyAction.NO_ACTION;
            case SET_NULL -> ForeignKeyAction.SET_NULL;
            case SET_DEFAULT -> ForeignKeyAction.SET_DEFAULT;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Implicit many-to-many join tables

    /**
     * One join table per implicit many-to-many relation, ordered as Prisma orders them: by the position of model A
     * among the models, then of its field.
     */
    private List<Table> joinTables() {
        List<Relation> manyToMany = new ArrayList<>(datamodel.relations().stream()
                .filter(Relation::isManyToMany).toList());
        List<String> modelOrder = datamodel.models().stream().map(Model::name).toList();
        manyToMany.sort(Comparator.comparingInt((Relation r) -> modelOrder.indexOf(r.modelA()))
                .thenComparingInt(r -> fieldPosition(r.modelA(), r.fieldA())));
        List<Table> out = new ArrayList<>();
        for (Relation r : manyToMany) {
            out.add(joinTable(r));
        }
        return out;
    }

    private int fieldPosition(String model, String field) {
        Model m = datamodel.model(model).orElseThrow();
        for (int i = 0; i < m.fields().size(); i++) {
            if (m.fields().get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private Table joinTable(Relation relation) {
        Model a = datamodel.model(relation.modelA()).orElseThrow();
        Model b = datamodel.model(relation.modelB()).orElseThrow();
        String name = relation.joinTableName();
        ScalarField idA = idField(a);
        ScalarField idB = idField(b);
        List<Column> columns = List.of(
                Column.of("A", columnType(a.tableName(), idA), Arity.REQUIRED),
                Column.of("B", columnType(b.tableName(), idB), Arity.REQUIRED));
        PrimaryKey pk = null;
        List<Index> indexes = new ArrayList<>();
        if (dialect.implicitManyToManyPrimaryKey()) {
            pk = new PrimaryKey(ConstraintNames.joinTablePrimaryKey(name, provider),
                    List.of(IndexColumn.of("A"), IndexColumn.of("B")), null);
        } else {
            indexes.add(Index.of(ConstraintNames.joinTableUnique(name, provider), Index.Kind.UNIQUE,
                    List.of(IndexColumn.of("A"), IndexColumn.of("B"))));
        }
        indexes.add(Index.of(ConstraintNames.joinTableIndexB(name, provider), Index.Kind.NORMAL,
                List.of(IndexColumn.of("B"))));
        List<ForeignKey> fks = new ArrayList<>();
        if (datamodel.relationMode().usesForeignKeys()) {
            ForeignKeyAction action = dialect.implicitManyToManyAction(relation.isSelfRelation());
            fks.add(new ForeignKey(ConstraintNames.joinTableForeignKeyA(name, provider), List.of("A"), a.schema(),
                    a.tableName(), List.of(idA.columnName()), action, action));
            fks.add(new ForeignKey(ConstraintNames.joinTableForeignKeyB(name, provider), List.of("B"), b.schema(),
                    b.tableName(), List.of(idB.columnName()), action, action));
        }
        return new Table(a.schema(), name, columns, pk, indexes, fks);
    }

    private static ScalarField idField(Model model) {
        if (model.primaryKey() == null || model.primaryKey().fields().size() != 1) {
            throw new IllegalArgumentException("Model " + model.name() + " needs a single-field id for an implicit "
                    + "many-to-many relation");
        }
        return model.scalarField(model.primaryKey().fields().get(0).name()).orElseThrow();
    }
}
