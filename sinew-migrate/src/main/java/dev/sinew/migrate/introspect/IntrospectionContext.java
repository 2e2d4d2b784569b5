package dev.sinew.migrate.introspect;

import dev.sinew.migrate.introspect.IntrospectionFlavour.DatabaseEnum;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.RelationMode;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarType;
import dev.sinew.sql.Column;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.Index;
import dev.sinew.sql.IndexColumn;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything introspection knows while it works: the database's tables (those that become models, and Prisma's
 * implicit many-to-many join tables), the user's schema they are matched with, and the schema name of every table,
 * column, enum and enum value.
 */
final class IntrospectionContext {
    final SqlSchema sql;
    final IntrospectionFlavour flavour;
    final Provider provider;
    final ExistingSchema existing;
    final RelationMode relationMode;

    /** Every table in the order Prisma's describer lists them: by name. */
    final List<Table> allTables;
    /** The tables that become models, in that order. */
    final List<Table> modelTables = new ArrayList<>();
    /** Prisma's implicit many-to-many join tables, in that order. */
    final List<Table> joinTables = new ArrayList<>();

    private final Map<String, Table> tablesByName = new HashMap<>();
    private final Map<String, Model> existingModels = new HashMap<>();
    private final Map<String, Identifiers.Name> modelNames = new HashMap<>();
    private final Map<DatabaseEnum, EnumType> existingEnums = new LinkedHashMap<>();
    private final List<DatabaseEnum> enums;

    IntrospectionContext(SqlSchema sql, Provider provider, ExistingSchema existing) {
        this.sql = sql;
        this.provider = provider;
        this.flavour = IntrospectionFlavour.of(provider);
        this.existing = existing;
        this.relationMode = existing.datamodel().relationMode();
        this.allTables = sortedTables(sql);
        for (Table table : allTables) {
            tablesByName.put(table.name(), table);
        }
        for (Table table : allTables) {
            if (isLegacyTable(table)) {
                continue;
            }
            if (isJoinTable(table)) {
                joinTables.add(table);
            } else {
                modelTables.add(table);
            }
        }
        for (Table table : modelTables) {
            existing.modelForTable(table.name()).ifPresent(m -> existingModels.put(table.name(), m));
        }
        for (Table table : modelTables) {
            Model model = existingModels.get(table.name());
            modelNames.put(table.name(), model != null ? Identifiers.Name.fromSchema(model.name(), model.databaseName())
                    : Identifiers.typeName(table.name()));
        }
        this.enums = flavour.enums(sql);
        matchEnums();
    }

    /** The tables of a schema by name, as Prisma's describer orders them. */
    static List<Table> sortedTables(SqlSchema schema) {
        List<Table> tables = new ArrayList<>(schema.tables());
        tables.sort((a, b) -> a.name().compareTo(b.name()));
        return tables;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tables and models

    Optional<Table> table(String name) {
        return Optional.ofNullable(tablesByName.get(name));
    }

    boolean isModelTable(String name) {
        return modelNames.containsKey(name);
    }

    /** The user's model of this table, if re-introspecting. */
    Optional<Model> existingModel(Table table) {
        return Optional.ofNullable(existingModels.get(table.name()));
    }

    /** The model name of a table (and its {@code @@map}). */
    Identifiers.Name modelName(String table) {
        Identifiers.Name name = modelNames.get(table);
        return name != null ? name : Identifiers.typeName(table);
    }

    /** The user's field of this column, if re-introspecting. */
    Optional<ScalarField> existingField(Table table, Column column) {
        return existingModel(table).flatMap(m -> ExistingSchema.fieldForColumn(m, column.name()));
    }

    /** The field name of a column (and its {@code @map}). */
    Identifiers.Name fieldName(Table table, String column) {
        Optional<Column> c = table.column(column);
        if (c.isPresent()) {
            Optional<ScalarField> field = existingField(table, c.get());
            if (field.isPresent()) {
                return Identifiers.Name.fromSchema(field.get().name(), field.get().databaseName());
            }
        }
        return Identifiers.fieldName(column);
    }

    /** The field names of columns, for {@code fields: [...]} and index attributes. */
    List<String> fieldNames(Table table, List<String> columns) {
        return columns.stream().map(c -> fieldName(table, c).name()).toList();
    }

    /**
     * Whether a table has a primary key or a unique index whose columns are all required and of supported types;
     * without one, Prisma Client cannot address its rows and the model is ignored.
     */
    static boolean hasUsableIdentifier(Table table) {
        if (table.primaryKey() != null && usable(table, table.primaryKey().columnNames())) {
            return true;
        }
        for (Index index : table.indexes()) {
            if (index.isUnique() && usable(table, index.columnNames())) {
                return true;
            }
        }
        return false;
    }

    private static boolean usable(Table table, List<String> columns) {
        for (String name : columns) {
            Optional<Column> column = table.column(name);
            if (column.isEmpty() || !column.get().isRequired()
                    || column.get().type().family() == dev.sinew.sql.ColumnType.Family.UNSUPPORTED) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a model of this table is ignored: the user wrote {@code @@ignore}, or the table has columns but no
     * usable identifier.
     */
    boolean modelIgnored(Table table) {
        boolean explicit = existingModel(table).map(Model::ignored).orElse(false);
        return explicit || !hasUsableIdentifier(table) && !table.columns().isEmpty();
    }

    /** Whether the foreign key's columns are covered by a unique constraint, so that it links one to one. */
    static boolean isOneToOne(Table table, ForeignKey fk) {
        if (table.primaryKey() != null && fk.columns().containsAll(table.primaryKey().columnNames())) {
            return true;
        }
        for (Index index : table.indexes()) {
            if (index.isUnique() && fk.columns().containsAll(index.columnNames())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Enums

    private void matchEnums() {
        List<EnumType> previous = existing.enums();
        if (previous.isEmpty()) {
            return;
        }
        if (flavour instanceof IntrospectionFlavour.MySql) {
            // Each MySQL enum column has its own enum; it matches the user's enum of the same field when the values
            // are the same.
            for (Table table : modelTables) {
                for (Column column : table.columns()) {
                    DatabaseEnum dbEnum = flavour.enumOf(sql, table, column);
                    if (dbEnum == null) {
                        continue;
                    }
                    existingField(table, column).filter(f -> f.type() instanceof ScalarType.EnumRef)
                            .flatMap(f -> existing.datamodel().enumType(((ScalarType.EnumRef) f.type()).enumName()))
                            .filter(e -> e.values().stream().map(EnumType.Value::storedName).toList()
                                    .equals(dbEnum.values()))
                            .ifPresent(e -> existingEnums.put(dbEnum, e));
                }
            }
        } else {
            for (DatabaseEnum dbEnum : enums) {
                previous.stream().filter(e -> e.typeName().equals(dbEnum.name())).findFirst()
                        .ifPresent(e -> existingEnums.put(dbEnum, e));
            }
        }
    }

    List<DatabaseEnum> enums() {
        return enums;
    }

    Optional<EnumType> existingEnum(DatabaseEnum dbEnum) {
        return Optional.ofNullable(existingEnums.get(dbEnum));
    }

    /** The enum name of a database enum (and its {@code @@map}). */
    Identifiers.Name enumName(DatabaseEnum dbEnum) {
        Optional<EnumType> e = existingEnum(dbEnum);
        return e.isPresent() ? Identifiers.Name.fromSchema(e.get().name(), e.get().databaseName())
                : Identifiers.typeName(dbEnum.name());
    }

    /** The value name of a database enum value (and its {@code @map}). */
    Identifiers.Name enumValueName(DatabaseEnum dbEnum, String value) {
        Optional<EnumType.Value> v = existingEnum(dbEnum).flatMap(e -> e.values().stream()
                .filter(x -> x.storedName().equals(value)).findFirst());
        if (v.isPresent()) {
            return Identifiers.Name.fromSchema(v.get().name(), v.get().databaseName());
        }
        if (value.isEmpty()) {
            return new Identifiers.Name("EMPTY_ENUM_VALUE", "", false);
        }
        return Identifiers.fieldName(value);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Table kinds

    /**
     * Prisma's implicit many-to-many join table: named {@code _…}, a unique index or primary key on (A, B), an index
     * on B, and exactly two foreign keys, column A referencing the table that sorts first.
     */
    boolean isJoinTable(Table table) {
        if (!table.name().startsWith("_") || table.foreignKeys().size() != 2) {
            return false;
        }
        boolean uniqueAB = table.primaryKey() != null && isAB(table.primaryKey().columnNames());
        boolean indexB = false;
        for (Index index : table.indexes()) {
            List<String> cols = index.columnNames();
            if (index.isUnique() && isAB(cols)) {
                uniqueAB = true;
            }
            if (index.kind() == Index.Kind.NORMAL && cols.size() == 1 && cols.get(0).equalsIgnoreCase("b")) {
                indexB = true;
            }
        }
        if (!uniqueAB || !indexB) {
            return false;
        }
        ForeignKey first = table.foreignKeys().get(0);
        ForeignKey second = table.foreignKeys().get(1);
        String firstColumn = first.columns().get(0);
        String secondColumn = second.columns().get(0);
        return first.referencedTable().compareTo(second.referencedTable()) <= 0
                && firstColumn.equalsIgnoreCase("a") && secondColumn.equalsIgnoreCase("b")
                || second.referencedTable().compareTo(first.referencedTable()) <= 0
                && firstColumn.equalsIgnoreCase("b") && secondColumn.equalsIgnoreCase("a");
    }

    private static boolean isAB(List<String> columns) {
        return columns.size() == 2 && columns.get(0).equalsIgnoreCase("a") && columns.get(1).equalsIgnoreCase("b");
    }

    /** The foreign key of a join table on column A (or B). */
    static ForeignKey joinForeignKey(Table joinTable, String column) {
        return joinTable.foreignKeys().stream().filter(fk -> fk.columns().get(0).equalsIgnoreCase(column))
                .findFirst().orElseThrow();
    }

    /** Prisma 1's migration table and relay table, which no schema describes. */
    private static boolean isLegacyTable(Table table) {
        if (table.name().equals("_Migration")) {
            return List.of("revision", "name", "datamodel", "status", "applied", "rolled_back", "datamodel_steps",
                    "database_migration", "errors", "started_at", "finished_at").stream().allMatch(table::hasColumn);
        }
        if (table.name().equals("_RelayId")) {
            return table.hasColumn("id") && table.columns().stream()
                    .anyMatch(c -> c.name().equalsIgnoreCase("stablemodelidentifier"));
        }
        if (table.name().equals("_prisma_migrations")) {
            return table.hasColumn("checksum") && table.hasColumn("migration_name");
        }
        return false;
    }

    /** Index columns as written in the schema: their field names and non-default options. */
    String indexFields(Table table, List<IndexColumn> columns, boolean withOptions) {
        List<String> out = new ArrayList<>();
        for (IndexColumn column : columns) {
            StringBuilder s = new StringBuilder(fieldName(table, column.name()).name());
            if (withOptions) {
                List<String> args = new ArrayList<>();
                if (column.sortOrder() == IndexColumn.SortOrder.DESC) {
                    args.add("sort: Desc");
                }
                if (column.length() != null) {
                    args.add("length: " + column.length());
                }
                if (column.operatorClass() != null) {
                    args.add("ops: " + OperatorClasses.schemaName(column.operatorClass()));
                }
                if (!args.isEmpty()) {
                    s.append('(').append(String.join(", ", args)).append(')');
                }
            }
            out.add(s.toString());
        }
        return "[" + String.join(", ", out) + "]";
    }
}
