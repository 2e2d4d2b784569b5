package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.MigrationStep.AddColumn;
import dev.sinew.sql.MigrationStep.AddPrimaryKey;
import dev.sinew.sql.MigrationStep.AlterColumn;
import dev.sinew.sql.MigrationStep.AlterEnum;
import dev.sinew.sql.MigrationStep.AlterTable;
import dev.sinew.sql.MigrationStep.ColumnChange;
import dev.sinew.sql.MigrationStep.DropAndRecreateColumn;
import dev.sinew.sql.MigrationStep.DropColumn;
import dev.sinew.sql.MigrationStep.DropPrimaryKey;
import dev.sinew.sql.MigrationStep.RenamePrimaryKey;
import dev.sinew.sql.MigrationStep.TableChange;
import dev.sinew.sql.MigrationStep.TypeChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** PostgreSQL. */
public class PostgresDialect extends Dialect {

    private static final String MANY_ENUM_VALUES_COMMENT = """
            -- This migration adds more than one value to an enum.
            -- With PostgreSQL versions 11 and earlier, this is not possible
            -- in a single migration. This can be worked around by creating
            -- multiple migrations, each migration adding only one value to
            -- the enum.


            """;

    @Override
    public String provider() {
        return "postgresql";
    }

    @Override
    public String quote(String identifier) {
        return doubleQuoted(identifier);
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public boolean namedPrimaryKeys() {
        return true;
    }

    @Override
    public boolean namedForeignKeys() {
        return true;
    }

    @Override
    public String defaultNamespace() {
        return "public";
    }

    @Override
    public boolean createsDefaultNamespace() {
        return true;
    }

    @Override
    public boolean implicitManyToManyPrimaryKey() {
        return true;
    }

    @Override
    public boolean canRenameForeignKeys() {
        return true;
    }

    @Override
    public boolean enumsAreTypes() {
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Types

    /** The native type Prisma gives each scalar when the schema names none. */
    protected String defaultNativeType(Family family) {
        return switch (family) {
            case INT -> "Integer";
            case BIGINT -> "BigInt";
            case FLOAT -> "DoublePrecision";
            case DECIMAL -> "Decimal(65,30)";
            case BOOLEAN -> "Boolean";
            case STRING -> "Text";
            case DATETIME -> "Timestamp(3)";
            case JSON -> "JsonB";
            case BYTES -> "ByteA";
            case ENUM, UNSUPPORTED -> throw new IllegalArgumentException(family + " has no default native type");
        };
    }

    /**
     * One column: {@code a = ANY (ARRAY(subquery))}. The planner costs {@code a IN (subquery)} as a join and, once
     * the table holds some ten times the rows the sub-select finds, picks a hash join over a scan of the whole table
     * (an emulated cascade then runs 1.5 times as long as the foreign key's own, which looks each parent's rows up
     * in the index); the array is computed once and looked up in the index of {@code a}.
     */
    @Override
    public String inSubquery(String lhs, int width, String subquery) {
        return width == 1 ? lhs + " = ANY (ARRAY(" + subquery + "))" : super.inSubquery(lhs, width, subquery);
    }

    @Override
    public ColumnType columnType(Family family, String nativeType) {
        return ColumnType.of(family, nativeType == null ? defaultNativeType(family) : nativeType);
    }

    @Override
    public ColumnType enumColumnType(SqlEnum enumType, String table, String column) {
        return ColumnType.enumType(enumType.name());
    }

    @Override
    public String renderType(ColumnType type, SqlSchema schema) {
        if (type.family() == Family.ENUM) {
            return quote(type.enumName());
        }
        if (type.family() == Family.UNSUPPORTED) {
            return type.nativeType();
        }
        return renderNativeType(type.nativeName(), type.nativeArguments());
    }

    protected String renderNativeType(String name, String args) {
        String sql = name.equals("DoublePrecision") ? "DOUBLE PRECISION" : name.toUpperCase(Locale.ROOT);
        return args == null ? sql : sql + "(" + args + ")";
    }

    @Override
    public TypeChange typeChange(Column previous, Column next) {
        ColumnType a = previous.type();
        ColumnType b = next.type();
        if (a.family() == b.family() && java.util.Objects.equals(a.nativeType(), b.nativeType())
                && java.util.Objects.equals(a.enumName(), b.enumName())) {
            return null;
        }
        return NativeCasts.postgres(a, b);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Columns and defaults

    /** A column as in CREATE TABLE, with its four-space indentation. */
    protected String renderColumn(Column column, SqlSchema schema) {
        StringBuilder s = new StringBuilder("    ").append(quote(column.name())).append(' ');
        String serial = column.autoIncrement() ? serialType(column.type()) : null;
        if (serial != null) {
            s.append(serial);
        } else {
            s.append(renderType(column.type(), schema));
            if (column.arity() == Arity.LIST) {
                s.append("[]");
            }
        }
        if (column.arity() == Arity.REQUIRED) {
            s.append(" NOT NULL");
        }
        if (serial == null) {
            String dflt = renderDefaultClause(column, schema);
            if (dflt != null) {
                s.append(' ').append(dflt);
            }
        }
        return s.toString();
    }

    /** The default clause of a column, e.g. {@code DEFAULT 0}; null for none. */
    protected String renderDefaultClause(Column column, SqlSchema schema) {
        String value = renderDefault(column, schema);
        return value == null ? null : "DEFAULT " + value;
    }

    /** SERIAL, BIGSERIAL or SMALLSERIAL for an auto-incrementing integer column; null where none applies. */
    protected String serialType(ColumnType type) {
        String name = type.nativeName();
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "Integer" -> "SERIAL";
            case "BigInt" -> "BIGSERIAL";
            case "SmallInt" -> "SMALLSERIAL";
            default -> null;
        };
    }

    @Override
    protected String renderDefault(Column column, SqlSchema schema) {
        ColumnDefault d = column.defaultValue();
        if (d == null) {
            return null;
        }
        if (d instanceof ColumnDefault.Now) {
            return "CURRENT_TIMESTAMP";
        } else if (d instanceof ColumnDefault.DbGenerated g) {
            return g.expression();
        } else if (d instanceof ColumnDefault.Sequence s) {
            return "nextval(" + stringLiteral(quote(s.name())) + "::regclass)";
        } else if (d instanceof ColumnDefault.UniqueRowId) {
            return "unique_rowid()";
        } else if (d instanceof ColumnDefault.Identity) {
            return null;
        } else if (d instanceof ColumnDefault.Value v) {
            return renderLiteral(column.type().family(), v.text());
        } else if (d instanceof ColumnDefault.ListValue l) {
            String items = l.items().stream().map(i -> renderLiteral(column.type().family(), i))
                    .collect(Collectors.joining(", "));
            return "ARRAY[" + items + "]::" + renderType(column.type(), schema) + "[]";
        }
        throw new IllegalStateException("Unhandled default " + d);
    }

    protected String renderLiteral(Family family, String text) {
        return switch (family) {
            case INT, BIGINT, FLOAT, DECIMAL, BOOLEAN, UNSUPPORTED -> text;
            case DATETIME -> stringLiteral(formatDateTime(text));
            case BYTES -> "'\\x" + text + "'";
            case STRING, ENUM, JSON -> stringLiteral(text);
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Steps

    @Override
    protected List<String> renderCreateSchema(String namespace) {
        return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(namespace));
    }

    @Override
    protected List<String> renderCreateExtension(Extension extension) {
        StringBuilder s = new StringBuilder("CREATE EXTENSION IF NOT EXISTS ").append(quote(extension.name()));
        if (extension.schema() != null || extension.version() != null) {
            s.append(" WITH");
            if (extension.schema() != null) {
                s.append(" SCHEMA ").append(quote(extension.schema()));
            }
            if (extension.version() != null) {
                s.append(" VERSION ").append(quote(extension.version()));
            }
        }
        return List.of(s.toString());
    }

    @Override
    protected List<String> renderDropExtension(Extension extension) {
        return List.of("DROP EXTENSION " + quote(extension.name()));
    }

    @Override
    protected List<String> renderCreateEnum(SqlEnum enumType) {
        String values = enumType.values().stream().map(Dialect::stringLiteral).collect(Collectors.joining(", "));
        return List.of("CREATE TYPE " + qualified(enumType.namespace(), enumType.name()) + " AS ENUM (" + values + ")");
    }

    @Override
    protected List<String> renderDropEnum(SqlEnum enumType) {
        return List.of("DROP TYPE " + qualified(enumType.namespace(), enumType.name()));
    }

    @Override
    protected List<String> renderAlterEnum(AlterEnum step, SqlSchema previous, SqlSchema next) {
        List<String> added = step.addedValues();
        if (step.removedValues().isEmpty()) {
            List<String> out = new ArrayList<>();
            String type = qualified(step.next().namespace(), step.next().name());
            for (String value : added) {
                out.add("ALTER TYPE " + type + " ADD VALUE " + stringLiteral(value));
            }
            if (out.size() > 1) {
                out.set(0, MANY_ENUM_VALUES_COMMENT + out.get(0));
            }
            return out;
        }
        return recreateEnum(step, previous, next);
    }

    /**
     * Removing enum values: PostgreSQL cannot, so a new type replaces the old one and every column is converted
     * through text, in one transaction.
     */
    protected List<String> recreateEnum(AlterEnum step, SqlSchema previous, SqlSchema next) {
        String name = step.next().name();
        String ns = step.next().namespace();
        String tmpNew = qualified(ns, name + "_new");
        List<String> out = new ArrayList<>();
        out.add("BEGIN");
        out.add("CREATE TYPE " + tmpNew + " AS ENUM (" + step.next().values().stream().map(Dialect::stringLiteral)
                .collect(Collectors.joining(", ")) + ")");
        List<Table> tables = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Table t : previous.tables()) {
            for (Column c : t.columns()) {
                if (c.type().family() == Family.ENUM && step.previous().name().equals(c.type().enumName())) {
                    tables.add(t);
                    columns.add(c);
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).defaultValue() != null) {
                out.add("ALTER TABLE " + tableName(tables.get(i)) + " ALTER COLUMN " + quote(columns.get(i).name())
                        + " DROP DEFAULT");
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String brackets = c.arity() == Arity.LIST ? "[]" : "";
            out.add("ALTER TABLE " + tableName(tables.get(i)) + " ALTER COLUMN " + quote(c.name()) + " TYPE "
                    + tmpNew + brackets + " USING (" + quote(c.name()) + "::text::" + tmpNew + brackets + ")");
        }
        out.add("ALTER TYPE " + qualified(ns, step.previous().name()) + " RENAME TO " + quote(name + "_old"));
        out.add("ALTER TYPE " + tmpNew + " RENAME TO " + quote(name));
        out.add("DROP TYPE " + qualified(ns, name + "_old"));
        for (int i = 0; i < columns.size(); i++) {
            Table t = tables.get(i);
            Column c = columns.get(i);
            Optional<Column> after = next.table(t.namespace(), t.name()).flatMap(n -> n.column(c.name()));
            if (after.isPresent() && after.get().defaultValue() != null) {
                out.add("ALTER TABLE " + tableName(t) + " ALTER COLUMN " + quote(c.name()) + " SET DEFAULT "
                        + renderDefault(after.get(), next));
            }
        }
        out.add("COMMIT");
        return out;
    }

    @Override
    protected List<String> renderCreateTable(Table table, SqlSchema schema) {
        StringBuilder s = new StringBuilder("CREATE TABLE ").append(tableName(table)).append(" (\n");
        s.append(table.columns().stream().map(c -> renderColumn(c, schema)).collect(Collectors.joining(",\n")));
        if (table.primaryKey() != null) {
            s.append(",\n\n    ").append(renderPrimaryKeyConstraint(table.primaryKey(), ","));
        }
        s.append("\n)");
        return List.of(s.toString());
    }

    protected String renderPrimaryKeyConstraint(PrimaryKey pk, String separator) {
        String cols = quoteAll(pk.columnNames(), separator);
        return (pk.name() != null ? "CONSTRAINT " + quote(pk.name()) + " " : "") + "PRIMARY KEY (" + cols + ")";
    }

    @Override
    protected List<String> renderDropTable(Table table) {
        return List.of("DROP TABLE " + tableName(table));
    }

    @Override
    protected List<String> renderAlterTable(AlterTable step, SqlSchema previous, SqlSchema next) {
        List<String> before = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Table table = step.next();
        for (TableChange change : step.changes()) {
            if (change instanceof DropPrimaryKey d) {
                clauses.add("DROP CONSTRAINT " + quote(d.primaryKey().name()));
            } else if (change instanceof DropColumn d) {
                clauses.add("DROP COLUMN " + quote(d.column().name()));
            } else if (change instanceof AddColumn a) {
                clauses.add("ADD COLUMN " + renderColumn(a.column(), next));
            } else if (change instanceof DropAndRecreateColumn r) {
                clauses.add("DROP COLUMN " + quote(r.previous().name()));
                clauses.add("ADD COLUMN " + renderColumn(r.next(), next));
            } else if (change instanceof AlterColumn a) {
                renderAlterColumn(table, a, next, before, clauses, after);
            } else if (change instanceof AddPrimaryKey a) {
                clauses.add("ADD " + renderPrimaryKeyConstraint(a.primaryKey(), ", "));
            } else if (change instanceof RenamePrimaryKey r) {
                after.add("ALTER TABLE " + tableName(table) + " RENAME CONSTRAINT " + quote(r.previous().name())
                        + " TO " + quote(r.next().name()));
            }
        }
        List<String> out = new ArrayList<>(before);
        if (!clauses.isEmpty()) {
            out.add("ALTER TABLE " + tableName(table) + " " + String.join(",\n", clauses));
        }
        out.addAll(after);
        return out;
    }

    /** The clauses of one altered column, plus the sequence statements around the ALTER TABLE. */
    protected void renderAlterColumn(Table table, AlterColumn change, SqlSchema schema, List<String> before,
                                     List<String> clauses, List<String> after) {
        Column prev = change.previous();
        Column next = change.next();
        String col = "ALTER COLUMN " + quote(next.name());
        boolean setType = change.changes().contains(ColumnChange.TYPE);
        if (change.changes().contains(ColumnChange.ARITY)) {
            Arity a = prev.arity();
            Arity b = next.arity();
            if (b == Arity.LIST || a == Arity.LIST) {
                setType = true;
            }
            if (b == Arity.NULLABLE && a != Arity.NULLABLE) {
                clauses.add(col + " DROP NOT NULL");
            } else if (b == Arity.REQUIRED) {
                clauses.add(col + " SET NOT NULL");
            }
        }
        if (change.changes().contains(ColumnChange.DEFAULT)) {
            String dflt = renderDefault(next, schema);
            clauses.add(dflt == null ? col + " DROP DEFAULT" : col + " SET DEFAULT " + dflt);
        }
        if (change.changes().contains(ColumnChange.AUTOINCREMENT)) {
            if (prev.autoIncrement()) {
                clauses.add(col + " DROP DEFAULT");
                String sequence = prev.defaultValue() instanceof ColumnDefault.Sequence s ? s.name() : "";
                after.add("DROP SEQUENCE " + quote(sequence));
            } else {
                String sequence = (table.name() + "_" + next.name() + "_seq").toLowerCase(Locale.ROOT);
                before.add("CREATE SEQUENCE " + sequence);
                clauses.add(col + " SET DEFAULT nextval('" + sequence + "')");
                after.add("ALTER SEQUENCE " + sequence + " OWNED BY " + tableName(table) + "." + quote(next.name()));
            }
        }
        if (setType) {
            String type = renderType(next.type(), schema) + (next.arity() == Arity.LIST ? "[]" : "");
            clauses.add(col + " SET DATA TYPE " + type);
        }
    }

    @Override
    protected List<String> renderCreateIndex(Table table, Index index) {
        StringBuilder s = new StringBuilder("CREATE ");
        if (index.isUnique()) {
            s.append("UNIQUE ");
        }
        s.append("INDEX ").append(quote(index.name())).append(" ON ").append(tableName(table));
        if (index.algorithm() != null && !index.algorithm().equalsIgnoreCase("BTree")) {
            s.append(" USING ").append(index.algorithm().toUpperCase(Locale.ROOT)).append(' ');
        }
        s.append('(').append(index.columns().stream().map(this::renderIndexColumn).collect(Collectors.joining(", ")))
                .append(')');
        return List.of(s.toString());
    }

    protected String renderIndexColumn(IndexColumn column) {
        StringBuilder s = new StringBuilder(quote(column.name()));
        if (column.operatorClass() != null) {
            s.append(' ').append(column.operatorClass());
        }
        if (column.sortOrder() == IndexColumn.SortOrder.DESC) {
            s.append(" DESC");
        }
        return s.toString();
    }

    @Override
    protected List<String> renderDropIndex(Table table, Index index) {
        return List.of("DROP INDEX " + qualified(table.namespace(), index.name()));
    }

    @Override
    protected List<String> renderRenameIndex(Table table, Index previous, Index next) {
        return List.of("ALTER INDEX " + qualified(table.namespace(), previous.name()) + " RENAME TO "
                + quote(next.name()));
    }

    @Override
    protected List<String> renderAddForeignKey(Table table, ForeignKey fk) {
        return List.of("ALTER TABLE " + tableName(table) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                + quoteAll(fk.columns(), ", ") + ") REFERENCES " + qualified(fk.referencedNamespace(),
                fk.referencedTable()) + "(" + quoteAll(fk.referencedColumns(), ", ") + ") ON DELETE "
                + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql());
    }

    @Override
    protected List<String> renderDropForeignKey(Table table, ForeignKey fk) {
        return List.of("ALTER TABLE " + tableName(table) + " DROP CONSTRAINT " + quote(fk.name()));
    }

    @Override
    protected List<String> renderRenameForeignKey(Table table, ForeignKey previous, ForeignKey next) {
        return List.of("ALTER TABLE " + tableName(table) + " RENAME CONSTRAINT " + quote(previous.name()) + " TO "
                + quote(next.name()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Introspection and errors

    @Override
    public SqlSchema introspect(Connection connection) throws SQLException {
        return new PostgresCatalog(this).read(connection);
    }

    private static final Pattern RESTRICT_CONSTRAINT =
            Pattern.compile("foreign key constraint \"((?:[^\"]|\"\")+)\"");
    private static final Pattern FK_CONSTRAINT = Pattern.compile("violates foreign key constraint \"((?:[^\"]|\"\")+)\"");
    private static final Pattern UNIQUE_CONSTRAINT = Pattern.compile("violates unique constraint \"((?:[^\"]|\"\")+)\"");
    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\((.+?)\\)=\\(");
    private static final Pattern NOT_NULL = Pattern.compile("null value in column \"((?:[^\"]|\"\")+)\"");

    @Override
    public boolean writesMissRowsCommittedMeanwhile(int level) {
        return level == Connection.TRANSACTION_REPEATABLE_READ || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    /** The first line of pgJDBC's message, without its "ERROR: ". */
    private static final Pattern SERVER_MESSAGE = Pattern.compile("^(?:ERROR: )?([^\\n]*)");

    @Override
    public Optional<ConstraintViolation> constraintViolation(SQLException error) {
        String state = error.getSQLState();
        String message = String.valueOf(error.getMessage());
        if ("23001".equals(state)) {
            // ON DELETE/UPDATE RESTRICT: "... violates RESTRICT setting of foreign key constraint "X" on table ..."
            Matcher m = RESTRICT_CONSTRAINT.matcher(message);
            return Optional.of(new ConstraintViolation.ForeignKeyViolation(m.find() ? m.group(1).replace("\"\"", "\"")
                    : null, List.of()));
        }
        if ("23503".equals(state)) {
            Matcher m = FK_CONSTRAINT.matcher(message);
            return Optional.of(new ConstraintViolation.ForeignKeyViolation(m.find() ? m.group(1).replace("\"\"", "\"")
                    : null, List.of()));
        }
        if ("23505".equals(state)) {
            Matcher m = UNIQUE_CONSTRAINT.matcher(message);
            String name = m.find() ? m.group(1).replace("\"\"", "\"") : null;
            Matcher k = KEY_DETAIL.matcher(message);
            List<String> columns = k.find() ? splitKeyColumns(k.group(1)) : List.of();
            return Optional.of(new ConstraintViolation.UniqueViolation(name, columns));
        }
        if ("23502".equals(state)) {
            Matcher m = NOT_NULL.matcher(message);
            return Optional.of(new ConstraintViolation.NullViolation(m.find() ? m.group(1) : null));
        }
        if ("22001".equals(state)) {
            // "value too long for type character varying(5)": PostgreSQL does not say which column
            return Optional.of(new ConstraintViolation.ValueTooLong(null));
        }
        if ("22003".equals(state)) {
            Matcher m = SERVER_MESSAGE.matcher(message);
            return Optional.of(new ConstraintViolation.ValueOutOfRange(m.find() ? m.group(1) : message));
        }
        return Optional.empty();
    }

    private static List<String> splitKeyColumns(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(", ")) {
            String p = part.trim();
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
                p = p.substring(1, p.length() - 1).replace("\"\"", "\"");
            }
            out.add(p);
        }
        return out;
    }

    /** Native type names as PostgreSQL's catalog spells them ({@code format_type}), mapped to Prisma's notation. */
    static final Map<String, String> CATALOG_TYPES = Map.ofEntries(
            Map.entry("integer", "Integer"), Map.entry("bigint", "BigInt"), Map.entry("smallint", "SmallInt"),
            Map.entry("oid", "Oid"), Map.entry("double precision", "DoublePrecision"), Map.entry("real", "Real"),
            Map.entry("numeric", "Decimal"), Map.entry("money", "Money"), Map.entry("boolean", "Boolean"),
            Map.entry("text", "Text"), Map.entry("character varying", "VarChar"), Map.entry("character", "Char"),
            Map.entry("uuid", "Uuid"), Map.entry("xml", "Xml"), Map.entry("inet", "Inet"), Map.entry("citext", "Citext"),
            Map.entry("bit", "Bit"), Map.entry("bit varying", "VarBit"),
            Map.entry("timestamp without time zone", "Timestamp"), Map.entry("timestamp with time zone", "Timestamptz"),
            Map.entry("date", "Date"), Map.entry("time without time zone", "Time"),
            Map.entry("time with time zone", "Timetz"), Map.entry("json", "Json"), Map.entry("jsonb", "JsonB"),
            Map.entry("bytea", "ByteA"));
    // ---------------------------------------------------------------------------------------------------------------
    // Client

    @Override
    public boolean supportsClient() {
        return true;
    }

    @Override
    public boolean supportsMultipleStatements() {
        return true; // pgJDBC sends each as its own Parse/Bind/Execute, all in one round trip
    }

    @Override
    public java.util.Properties clientConnectionProperties() {
        java.util.Properties properties = new java.util.Properties();
        // Strings are sent untyped so that PostgreSQL casts them to the column's type: enums, jsonb, uuid, inet...
        properties.setProperty("stringtype", "unspecified");
        return properties;
    }

    @Override
    public String shareLockClause() {
        // The lock PostgreSQL's own foreign keys take on a referenced row: it blocks only deletes and key updates.
        return " FOR KEY SHARE";
    }

    @Override
    public String insensitiveLike(String column, String pattern) {
        return column + " ILIKE " + pattern + likeEscape();
    }

    /** pgJDBC takes at most 65,535 parameters per statement; a list of a thousand is one array already. */
    @Override
    public int maxInListParameters() {
        return 1000;
    }

    @Override
    public String anyOfArray(String expression, boolean insensitive) {
        if (insensitive) {
            return insensitive(expression) + " = ANY (ARRAY(SELECT " + insensitive("v") + " FROM unnest(?) AS u(v)))";
        }
        return expression + " = ANY (?)";
    }

    /**
     * The type of an array of the field's values as the client binds them ({@link #bindValue}), so that it compares
     * with the column: the native type's where it has its own operators ({@code uuid}, {@code timestamptz}, ...).
     */
    @Override
    public String arrayElementType(dev.sinew.schema.model.ScalarField field) {
        dev.sinew.schema.model.ScalarKind kind = field.scalarKind();
        if (kind == null) {
            return "text";
        }
        String nativeType = switch (nativeTypeName(field)) {
            case "Uuid" -> "uuid";
            case "Citext" -> "citext";
            case "Inet" -> "inet";
            case "Bit" -> "bit";
            case "VarBit" -> "varbit";
            case "Money" -> "money";
            case "Timestamptz" -> "timestamptz";
            case "Date" -> "date";
            case "Time" -> "time";
            case "Timetz" -> "timetz";
            case "Json" -> "json";
            default -> null;
        };
        if (nativeType != null) {
            return nativeType;
        }
        return switch (kind) {
            case INT -> "int4";
            case BIG_INT -> "int8";
            case FLOAT -> "float8";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "timestamp";
            case JSON -> "jsonb";
            case BYTES -> "bytea";
            default -> "text";
        };
    }

    @Override
    public Object bindValue(dev.sinew.schema.model.ScalarField field, Object value) {
        if (value instanceof java.time.Instant instant) {
            java.time.ZoneOffset utc = java.time.ZoneOffset.UTC;
            return switch (nativeTypeName(field)) {
                case "Timestamptz" -> instant.atOffset(utc);
                case "Date" -> java.time.LocalDate.ofInstant(instant, utc);
                case "Time" -> java.time.LocalTime.ofInstant(instant, utc);
                case "Timetz" -> java.time.OffsetTime.ofInstant(instant, utc);
                default -> java.time.LocalDateTime.ofInstant(instant, utc);
            };
        }
        return value;
    }

    @Override
    public Object readValue(java.sql.ResultSet rs, int index, dev.sinew.schema.model.ScalarField field)
            throws SQLException {
        if (field.arity().isList()) {
            java.sql.Array array = rs.getArray(index);
            if (array == null) {
                return null;
            }
            // each element read as a column of the field's type would be (a uuid as text, a timestamp as an Instant)
            List<Object> items = new ArrayList<>();
            try (java.sql.ResultSet elements = array.getResultSet()) {
                while (elements.next()) {
                    items.add(readTyped(elements, 2, field));
                }
            }
            return items;
        }
        return readTyped(rs, index, field);
    }

    @Override
    protected java.time.Instant readInstant(java.sql.ResultSet rs, int index,
                                            dev.sinew.schema.model.ScalarField field) throws SQLException {
        switch (nativeTypeName(field)) {
            case "Timestamptz": {
                java.time.OffsetDateTime t = rs.getObject(index, java.time.OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case "Timetz": {
                java.time.OffsetTime t = rs.getObject(index, java.time.OffsetTime.class);
                return t == null ? null : t.atDate(java.time.LocalDate.EPOCH).toInstant();
            }
            default:
                return super.readInstant(rs, index, field);
        }
    }
}
