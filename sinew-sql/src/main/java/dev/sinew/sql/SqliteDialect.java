package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.MigrationStep.AddColumn;
import dev.sinew.sql.MigrationStep.AlterTable;
import dev.sinew.sql.MigrationStep.RedefineTables;
import dev.sinew.sql.MigrationStep.TableChange;
import dev.sinew.sql.MigrationStep.TableRedefinition;
import dev.sinew.sql.MigrationStep.TypeChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQLite: foreign keys written inside CREATE TABLE, an integer primary key as {@code PRIMARY KEY AUTOINCREMENT}, and
 * every change ALTER TABLE cannot make (foreign keys, primary keys, column changes, dropped columns) done by copying
 * the table into a new one.
 */
public class SqliteDialect extends Dialect {

    @Override
    public String provider() {
        return "sqlite";
    }

    @Override
    public String quote(String identifier) {
        return doubleQuoted(identifier);
    }

    @Override
    public int maxIdentifierLength() {
        return 10000;
    }

    @Override
    public boolean namedPrimaryKeys() {
        return false;
    }

    @Override
    public boolean namedForeignKeys() {
        return false;
    }

    @Override
    public String defaultNamespace() {
        return null;
    }

    @Override
    public boolean canAlterForeignKeys() {
        return false;
    }

    @Override
    public boolean canRenameIndexes() {
        return false;
    }

    /**
     * Whether ALTER TABLE can make this change; SQLite can only add a column, and only one it can fill: nullable, or
     * with a constant default.
     */
    @Override
    public boolean canAlterInPlace(TableChange change) {
        if (change instanceof AddColumn add) {
            Column c = add.column();
            if (!c.isRequired()) {
                return true;
            }
            ColumnDefault d = c.defaultValue();
            return d instanceof ColumnDefault.Value || d instanceof ColumnDefault.ListValue;
        }
        return false;
    }

    @Override
    public boolean integerPrimaryKeyAutoIncrements() {
        return true;
    }

    @Override
    public boolean fillsNullsWhenMadeRequired() {
        return true;
    }

    /** SQLite has no native types; warnings name the Prisma scalar. */
    @Override
    public String typeNameInWarnings(ColumnType type) {
        return type.family().prismaName();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Types

    @Override
    public ColumnType columnType(Family family, String nativeType) {
        if (nativeType != null) {
            throw new IllegalArgumentException("SQLite has no native types");
        }
        return ColumnType.of(family, switch (family) {
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case FLOAT -> "REAL";
            case DECIMAL -> "DECIMAL";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> "TEXT";
            case DATETIME -> "DATETIME";
            case JSON -> "JSONB";
            case BYTES -> "BLOB";
            case ENUM, UNSUPPORTED -> throw new IllegalArgumentException(family + " has no SQLite type");
        });
    }

    /** SQLite has no enum type: enum columns hold their values as text. */
    @Override
    public ColumnType enumColumnType(SqlEnum enumType, String table, String column) {
        return ColumnType.of(Family.STRING, "TEXT");
    }

    @Override
    public String renderType(ColumnType type, SqlSchema schema) {
        return type.nativeType();
    }

    /** SQLite stores any value in any column, so only the kind of data a column holds matters. */
    @Override
    public TypeChange typeChange(Column previous, Column next) {
        Family a = previous.type().family();
        Family b = next.type().family();
        if (a == b) {
            if (a == Family.UNSUPPORTED && !previous.type().nativeType().equalsIgnoreCase(next.type().nativeType())) {
                return TypeChange.RISKY;
            }
            return null;
        }
        if (b == Family.STRING) {
            return TypeChange.SAFE;
        }
        if (a == Family.STRING && (b == Family.INT || b == Family.FLOAT) || a == Family.DATETIME && b == Family.FLOAT) {
            return TypeChange.NOT_CASTABLE;
        }
        return TypeChange.RISKY;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Columns and defaults

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
        } else if (d instanceof ColumnDefault.Value v) {
            return switch (column.type().family()) {
                case INT, BIGINT, FLOAT, DECIMAL, BOOLEAN, UNSUPPORTED -> v.text();
                // Prisma 7.10 writes JSON defaults unquoted here (DEFAULT {"a":1}), which SQLite rejects; Sinew
                // quotes them, a deliberate difference, so that the script runs.
                case JSON -> stringLiteral(v.text());
                case DATETIME -> stringLiteral(formatDateTime(v.text()));
                case BYTES -> "'" + v.text() + "'";
                case STRING, ENUM -> stringLiteral(v.text());
            };
        }
        return null;
    }

    private String renderColumn(Column column, boolean inlinePrimaryKey) {
        StringBuilder s = new StringBuilder("    ").append(quote(column.name())).append(' ')
                .append(column.type().nativeType());
        if (column.isRequired()) {
            s.append(" NOT NULL");
        }
        if (inlinePrimaryKey) {
            s.append(" PRIMARY KEY");
            if (column.autoIncrement()) {
                s.append(" AUTOINCREMENT");
            }
        }
        String dflt = renderDefault(column, null);
        if (dflt != null) {
            s.append(" DEFAULT ").append(dflt);
        }
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Steps

    @Override
    protected List<String> renderCreateTable(Table table, SqlSchema schema) {
        return List.of(createTable(table, table.name()));
    }

    private String createTable(Table table, String name) {
        PrimaryKey pk = table.primaryKey();
        String inlinePk = pk != null && pk.columns().size() == 1 ? pk.columns().get(0).name() : null;
        List<String> lines = new ArrayList<>();
        for (Column c : table.columns()) {
            lines.add(renderColumn(c, c.name().equals(inlinePk)));
        }
        StringBuilder s = new StringBuilder("CREATE TABLE ").append(quote(name)).append(" (\n");
        s.append(String.join(",\n", lines));
        if (pk != null && inlinePk == null) {
            s.append(",\n\n    PRIMARY KEY (").append(quoteAll(pk.columnNames(), ", ")).append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            s.append(",\n    ").append(renderForeignKeyClause(fk));
        }
        return s.append("\n)").toString();
    }

    private String renderForeignKeyClause(ForeignKey fk) {
        return (fk.name() != null ? "CONSTRAINT " + quote(fk.name()) + " " : "") + "FOREIGN KEY ("
                + quoteAll(fk.columns(), ", ") + ") REFERENCES " + quote(fk.referencedTable()) + " ("
                + quoteAll(fk.referencedColumns(), ", ") + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE "
                + fk.onUpdate().sql();
    }

    @Override
    protected List<String> renderDropTable(Table table) {
        return List.of("PRAGMA foreign_keys=off", "DROP TABLE " + quote(table.name()), "PRAGMA foreign_keys=on");
    }

    @Override
    protected List<String> renderAlterTable(AlterTable step, SqlSchema previous, SqlSchema next) {
        List<String> out = new ArrayList<>();
        for (TableChange change : step.changes()) {
            if (change instanceof AddColumn add) {
                Column c = add.column();
                StringBuilder s = new StringBuilder("ALTER TABLE ").append(quote(step.next().name()))
                        .append(" ADD COLUMN ").append(renderColumn(c, false).substring(4));
                out.add(s.toString());
            } else {
                throw new IllegalStateException("SQLite cannot alter a table in place with " + change);
            }
        }
        return out;
    }

    @Override
    protected List<String> renderRedefineTables(RedefineTables step, SqlSchema previous, SqlSchema next) {
        List<String> out = new ArrayList<>();
        out.add("PRAGMA defer_foreign_keys=ON");
        out.add("PRAGMA foreign_keys=OFF");
        for (TableRedefinition r : step.tables()) {
            Table before = r.previous();
            Table after = r.next();
            String tmp = "new_" + after.name();
            out.add(createTable(after, tmp));
            List<String> copied = after.columns().stream().map(Column::name).filter(before::hasColumn).sorted()
                    .toList();
            if (!copied.isEmpty()) {
                String targets = quoteAll(copied, ", ");
                String sources = copied.stream().map(name -> copyExpression(before.column(name).orElseThrow(),
                        after.column(name).orElseThrow())).collect(Collectors.joining(", "));
                out.add("INSERT INTO " + quote(tmp) + " (" + targets + ") SELECT " + sources + " FROM "
                        + quote(before.name()));
            }
            out.add("DROP TABLE " + quote(before.name()));
            out.add("ALTER TABLE " + quote(tmp) + " RENAME TO " + quote(after.name()));
            for (Index index : after.indexes()) {
                out.addAll(renderCreateIndex(after, index));
            }
        }
        out.add("PRAGMA foreign_keys=ON");
        out.add("PRAGMA defer_foreign_keys=OFF");
        return out;
    }

    /** A column copied into the new table; NULLs get the default when the column became required. */
    private String copyExpression(Column before, Column after) {
        String name = quote(after.name());
        if (!before.isRequired() && after.isRequired() && after.defaultValue() != null) {
            String dflt = renderDefault(after, null);
            if (dflt != null) {
                return "coalesce(" + name + ", " + dflt + ") AS " + name;
            }
        }
        return name;
    }

    @Override
    protected List<String> renderCreateIndex(Table table, Index index) {
        String cols = index.columns().stream()
                .map(c -> quote(c.name()) + (c.sortOrder() == IndexColumn.SortOrder.DESC ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        return List.of("CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(table.name()) + "(" + cols + ")");
    }

    @Override
    protected List<String> renderDropIndex(Table table, Index index) {
        return List.of("DROP INDEX " + quote(index.name()));
    }

    @Override
    protected List<String> renderRenameIndex(Table table, Index previous, Index next) {
        List<String> out = new ArrayList<>(renderDropIndex(table, previous));
        out.addAll(renderCreateIndex(table, next));
        return out;
    }

    @Override
    protected List<String> renderAddForeignKey(Table table, ForeignKey foreignKey) {
        throw new IllegalStateException("SQLite adds foreign keys by redefining the table");
    }

    @Override
    protected List<String> renderDropForeignKey(Table table, ForeignKey foreignKey) {
        throw new IllegalStateException("SQLite drops foreign keys by redefining the table");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Introspection and errors

    @Override
    public SqlSchema introspect(Connection connection) throws SQLException {
        return new SqliteCatalog().read(connection);
    }

    private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: ([^)]+)");
    private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: [^.]+\\.([^\\s)]+)");

    @Override
    public Optional<ConstraintViolation> constraintViolation(SQLException error) {
        String message = String.valueOf(error.getMessage());
        if (message.contains("FOREIGN KEY constraint failed")) {
            return Optional.of(new ConstraintViolation.ForeignKeyViolation(null, List.of()));
        }
        Matcher unique = UNIQUE.matcher(message);
        if (unique.find()) {
            List<String> columns = new ArrayList<>();
            for (String qualifiedColumn : unique.group(1).split(",")) {
                String c = qualifiedColumn.trim();
                columns.add(c.substring(c.indexOf('.') + 1));
            }
            return Optional.of(new ConstraintViolation.UniqueViolation(null, columns));
        }
        Matcher nn = NOT_NULL.matcher(message);
        if (nn.find()) {
            return Optional.of(new ConstraintViolation.NullViolation(nn.group(1)));
        }
        return Optional.empty();
    }

    /** The family of a declared SQLite column type, the way Prisma reads SQLite's type names. */
    static Family familyOf(String declaredType) {
        String t = declaredType.toUpperCase(Locale.ROOT).trim();
        int paren = t.indexOf('(');
        if (paren >= 0) {
            t = t.substring(0, paren).trim();
        }
        return switch (t) {
            case "INTEGER", "INT", "SMALLINT", "MEDIUMINT", "TINYINT", "INT2", "INT8" -> Family.INT;
            case "BIGINT", "UNSIGNED BIG INT" -> Family.BIGINT;
            case "REAL", "FLOAT", "DOUBLE", "DOUBLE PRECISION" -> Family.FLOAT;
            case "DECIMAL", "NUMERIC" -> Family.DECIMAL;
            case "BOOLEAN", "BOOL" -> Family.BOOLEAN;
            case "TEXT", "VARCHAR", "CHAR", "CHARACTER", "NCHAR", "NVARCHAR", "CLOB", "VARYING CHARACTER",
                 "NATIVE CHARACTER" -> Family.STRING;
            case "DATETIME", "DATE", "TIMESTAMP" -> Family.DATETIME;
            case "JSONB", "JSON" -> Family.JSON;
            case "BLOB" -> Family.BYTES;
            default -> Family.UNSUPPORTED;
        };
    }
    // ---------------------------------------------------------------------------------------------------------------
    // Client

    /** How Prisma 7 (the better-sqlite3 adapter's default) writes DateTime values: ISO-8601 with +00:00. */
    private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(java.time.ZoneOffset.UTC);

    @Override
    public boolean supportsClient() {
        return true;
    }

    @Override
    public java.util.Properties clientConnectionProperties() {
        java.util.Properties properties = new java.util.Properties();
        // Transactions begin with BEGIN IMMEDIATE (writeTransactionBegin), sent by the client; this covers a
        // transaction the driver would begin itself.
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("busy_timeout", "10000");
        return properties;
    }

    @Override
    public int maxBindParameters() {
        return 32766;
    }

    /**
     * BEGIN IMMEDIATE takes the database's single writer lock before the first read of a write transaction, so the
     * emulation's checks and cascades see no concurrent change (SQLite has no row locks to take instead). Sent as a
     * statement on a connection left in auto-commit mode: sqlite-jdbc's own transactions begin eagerly, in
     * {@code setAutoCommit(false)}, {@code commit()} and {@code rollback()}, and when that BEGIN times out under
     * contention the driver believes a transaction is open that is not, so the next call's statements would each
     * commit on their own.
     */
    @Override
    public String writeTransactionBegin() {
        return "BEGIN IMMEDIATE";
    }

    /** One writer at a time: every transaction is serializable. */
    @Override
    public boolean choosesIsolationLevel() {
        return false;
    }

    @Override
    public int clientStatementCacheSize() {
        // sqlite-jdbc compiles the SQL again for every PreparedStatement: a third of a findUnique by id
        return 128;
    }

    @Override
    public boolean hasRowLocks() {
        return false;
    }

    @Override
    public String shareLockClause() {
        return "";
    }

    @Override
    public String updateLockClause() {
        return "";
    }

    @Override
    public String lockRowsStatement(String table, String alias, String predicate, boolean shared) {
        throw new UnsupportedOperationException("SQLite has no row locks");
    }

    @Override
    public String limitOffset(Integer limit, Integer offset) {
        if (limit == null && offset == null) {
            return "";
        }
        String out = " LIMIT " + (limit == null ? -1 : limit);
        return offset == null ? out : out + " OFFSET " + offset;
    }

    @Override
    public String distinctFrom(String a, String b) {
        return a + " IS NOT " + b;
    }

    @Override
    public boolean nullsFirstInAscendingOrder() {
        return true;
    }

    @Override
    public String inList(String lhs, int width, int rows) {
        if (width == 1) {
            return super.inList(lhs, width, rows);
        }
        // SQLite compares row values only with a sub-select on the right of IN.
        StringBuilder out = new StringBuilder(lhs).append(" IN (VALUES ");
        String row = "(" + "?, ".repeat(width - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ", ").append(row);
        }
        return out.append(')').toString();
    }

    @Override
    public Object bindValue(dev.sinew.schema.model.ScalarField field, Object value) {
        if (value instanceof java.time.Instant instant) {
            return DATE_TIME.format(instant);
        }
        return value;
    }

    @Override
    public Object readValue(java.sql.ResultSet rs, int index, dev.sinew.schema.model.ScalarField field)
            throws SQLException {
        dev.sinew.schema.model.ScalarKind kind = field.scalarKind();
        if (kind == null) {
            return rs.getString(index);
        }
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (kind) {
            case INT -> ((Number) raw).intValue();
            case BIG_INT -> ((Number) raw).longValue();
            case FLOAT -> ((Number) raw).doubleValue();
            case DECIMAL -> raw instanceof Double d ? java.math.BigDecimal.valueOf(d)
                    : new java.math.BigDecimal(raw.toString());
            case BOOLEAN -> raw instanceof Number n ? n.intValue() != 0 : Boolean.parseBoolean(raw.toString());
            // Prisma before 7 wrote Unix milliseconds; Prisma 7 writes ISO-8601 text.
            case DATE_TIME -> raw instanceof Number n ? java.time.Instant.ofEpochMilli(n.longValue())
                    : parseInstant(raw.toString());
            case BYTES -> rs.getBytes(index);
            default -> raw.toString();
        };
    }

    @Override
    public boolean isRetryable(SQLException error) {
        String message = String.valueOf(error.getMessage());
        return message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
    }
}
