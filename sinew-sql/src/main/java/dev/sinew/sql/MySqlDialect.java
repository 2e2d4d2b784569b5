package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.MigrationStep.AddColumn;
import dev.sinew.sql.MigrationStep.AddPrimaryKey;
import dev.sinew.sql.MigrationStep.AlterColumn;
import dev.sinew.sql.MigrationStep.AlterTable;
import dev.sinew.sql.MigrationStep.DropAndRecreateColumn;
import dev.sinew.sql.MigrationStep.DropColumn;
import dev.sinew.sql.MigrationStep.DropPrimaryKey;
import dev.sinew.sql.MigrationStep.TableChange;
import dev.sinew.sql.MigrationStep.TypeChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL and MariaDB: backquoted names, indexes and the primary key inside CREATE TABLE, utf8mb4 tables, enums
 * written into their column's type, and MODIFY for column changes.
 */
public class MySqlDialect extends Dialect {

    static final String TABLE_OPTIONS = " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    /** The most values of one key list: under a third of what MariaDB's range optimizer takes by default. */
    private static final int KEY_LIST_VALUES = 10_000;

    /** Prisma's native type names and their SQL, where the SQL is not simply the upper-cased name. */
    private static final Map<String, String> SQL_NAMES = Map.ofEntries(
            Map.entry("Int", "INTEGER"), Map.entry("UnsignedInt", "INTEGER UNSIGNED"),
            Map.entry("UnsignedSmallInt", "SMALLINT UNSIGNED"), Map.entry("UnsignedTinyInt", "TINYINT UNSIGNED"),
            Map.entry("UnsignedMediumInt", "MEDIUMINT UNSIGNED"), Map.entry("UnsignedBigInt", "BIGINT UNSIGNED"));

    @Override
    public String provider() {
        return "mysql";
    }

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public boolean namedPrimaryKeys() {
        return false;
    }

    @Override
    public boolean namedForeignKeys() {
        return true;
    }

    @Override
    public String defaultNamespace() {
        return null;
    }

    @Override
    public boolean indexInCreateTable(Index index) {
        return true;
    }

    /** InnoDB refuses to drop the index a foreign key uses ("needed in a foreign key constraint"). */
    @Override
    public boolean foreignKeysNeedIndexes() {
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Types

    @Override
    public ColumnType columnType(Family family, String nativeType) {
        if (nativeType != null) {
            return ColumnType.of(family, nativeType);
        }
        return ColumnType.of(family, switch (family) {
            case INT -> "Int";
            case BIGINT -> "BigInt";
            case FLOAT -> "Double";
            case DECIMAL -> "Decimal(65,30)";
            case BOOLEAN -> "TinyInt(1)";
            case STRING -> "VarChar(191)";
            case DATETIME -> "DateTime(3)";
            case JSON -> "Json";
            case BYTES -> "LongBlob";
            case ENUM, UNSUPPORTED -> throw new IllegalArgumentException(family + " has no default native type");
        });
    }

    /** MySQL enums live in their column's type; the type's native text is the SQL, e.g. {@code ENUM('A', 'B')}. */
    @Override
    public ColumnType enumColumnType(SqlEnum enumType, String table, String column) {
        String values = enumType.values().stream().map(Dialect::stringLiteral).collect(Collectors.joining(", "));
        return new ColumnType(Family.ENUM, "ENUM(" + values + ")", table + "_" + column);
    }

    /**
     * The values of an inline enum column type ({@code ENUM('A', 'B')}) in their order; empty for any other type.
     * Introspection names the enum after its table and column and needs its values.
     */
    public static List<String> inlineEnumValues(ColumnType type) {
        String sql = type.nativeType();
        if (type.family() != Family.ENUM || sql == null || !sql.regionMatches(true, 0, "ENUM(", 0, 5)) {
            return List.of();
        }
        return MySqlCatalog.parseEnumValues(sql.substring(5, sql.length() - 1));
    }

    @Override
    public String renderType(ColumnType type, SqlSchema schema) {
        if (type.family() == Family.ENUM || type.family() == Family.UNSUPPORTED) {
            return type.nativeType();
        }
        if (type.family() == Family.BOOLEAN && "TinyInt(1)".equals(type.nativeType())) {
            return "BOOLEAN";
        }
        String name = type.nativeName();
        String sql = SQL_NAMES.getOrDefault(name, name.toUpperCase(Locale.ROOT));
        String args = type.nativeArguments();
        return args == null ? sql : sql + "(" + args + ")";
    }

    @Override
    public TypeChange typeChange(Column previous, Column next) {
        ColumnType a = previous.type();
        ColumnType b = next.type();
        if (a.family() == b.family() && Objects.equals(normalized(a.nativeType()), normalized(b.nativeType()))) {
            return null;
        }
        return NativeCasts.mysql(a, b);
    }

    /** MySQL's temporal types without a precision have precision 0, and the catalog prints them without one. */
    private static String normalized(String nativeType) {
        if (nativeType == null) {
            return null;
        }
        return switch (nativeType) {
            case "DateTime", "Timestamp", "Time" -> nativeType + "(0)";
            default -> nativeType;
        };
    }

    /** SET DEFAULT is accepted and stored as RESTRICT by InnoDB (Prisma warns about it in the schema). */
    @Override
    public ForeignKeyAction effectiveAction(ForeignKeyAction declared) {
        return declared == ForeignKeyAction.SET_DEFAULT ? ForeignKeyAction.RESTRICT : declared;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Columns and defaults

    private String renderColumn(Column column, SqlSchema schema) {
        StringBuilder s = new StringBuilder(quote(column.name())).append(' ').append(renderType(column.type(), schema));
        s.append(column.isRequired() ? " NOT NULL" : " NULL");
        String dflt = renderDefault(column, schema);
        if (dflt != null) {
            s.append(" DEFAULT ").append(dflt);
        }
        if (column.autoIncrement()) {
            s.append(" AUTO_INCREMENT");
        }
        return s.toString();
    }

    @Override
    protected String renderDefault(Column column, SqlSchema schema) {
        ColumnDefault d = column.defaultValue();
        if (d == null) {
            return null;
        }
        if (d instanceof ColumnDefault.Now) {
            String precision = column.type().nativeArguments();
            return precision == null ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + precision + ")";
        } else if (d instanceof ColumnDefault.DbGenerated g) {
            return g.expression();
        } else if (d instanceof ColumnDefault.Value v) {
            return switch (column.type().family()) {
                case INT, BIGINT, FLOAT, DECIMAL, BOOLEAN, UNSUPPORTED -> v.text();
                case DATETIME -> stringLiteral(utcDateTime(v.text()));
                case BYTES -> "0x" + v.text();
                case STRING, ENUM, JSON -> stringLiteral(v.text().replace("\\", "\\\\"));
            };
        }
        return null;
    }

    /** MySQL's DATETIME literals carry no offset: the instant in UTC, with milliseconds. */
    private static String utcDateTime(String iso) {
        try {
            return java.time.OffsetDateTime.parse(iso).atZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Steps

    @Override
    protected List<String> renderCreateTable(Table table, SqlSchema schema) {
        List<String> lines = new ArrayList<>();
        for (Column c : table.columns()) {
            lines.add("    " + renderColumn(c, schema));
        }
        List<String> constraints = new ArrayList<>();
        for (Index index : table.indexes()) {
            constraints.add("    " + indexKeyword(index) + " " + quote(index.name()) + renderIndexColumns(index));
        }
        if (table.primaryKey() != null) {
            constraints.add("    PRIMARY KEY (" + renderIndexColumnList(table.primaryKey().columns()) + ")");
        }
        StringBuilder s = new StringBuilder("CREATE TABLE ").append(tableName(table)).append(" (\n");
        s.append(String.join(",\n", lines));
        if (!constraints.isEmpty()) {
            s.append(",\n\n").append(String.join(",\n", constraints));
        }
        s.append("\n)").append(TABLE_OPTIONS);
        return List.of(s.toString());
    }

    private static String indexKeyword(Index index) {
        return switch (index.kind()) {
            case UNIQUE -> "UNIQUE INDEX";
            case FULLTEXT -> "FULLTEXT INDEX";
            case NORMAL -> "INDEX";
        };
    }

    private String renderIndexColumns(Index index) {
        return "(" + renderIndexColumnList(index.columns()) + ")";
    }

    private String renderIndexColumnList(List<IndexColumn> columns) {
        return columns.stream().map(c -> quote(c.name()) + (c.length() != null ? "(" + c.length() + ")" : "")
                + (c.sortOrder() == IndexColumn.SortOrder.DESC ? " DESC" : "")).collect(Collectors.joining(", "));
    }

    @Override
    protected List<String> renderDropTable(Table table) {
        return List.of("DROP TABLE " + tableName(table));
    }

    @Override
    protected List<String> renderAlterTable(AlterTable step, SqlSchema previous, SqlSchema next) {
        List<String> clauses = new ArrayList<>();
        for (TableChange change : step.changes()) {
            if (change instanceof DropPrimaryKey) {
                clauses.add("DROP PRIMARY KEY");
            } else if (change instanceof DropColumn d) {
                clauses.add("DROP COLUMN " + quote(d.column().name()));
            } else if (change instanceof AddColumn a) {
                clauses.add("ADD COLUMN " + renderColumn(a.column(), next));
            } else if (change instanceof AlterColumn a) {
                clauses.add("MODIFY " + renderColumn(a.next(), next));
            } else if (change instanceof DropAndRecreateColumn r) {
                clauses.add("DROP COLUMN " + quote(r.previous().name()));
                clauses.add("ADD COLUMN " + renderColumn(r.next(), next));
            } else if (change instanceof AddPrimaryKey a) {
                clauses.add("ADD PRIMARY KEY (" + renderIndexColumnList(a.primaryKey().columns()) + ")");
            }
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        return List.of("ALTER TABLE " + tableName(step.next()) + " " + String.join(",\n    ", clauses));
    }

    @Override
    protected List<String> renderCreateIndex(Table table, Index index) {
        String kind = switch (index.kind()) {
            case UNIQUE -> "UNIQUE ";
            case FULLTEXT -> "FULLTEXT ";
            case NORMAL -> "";
        };
        return List.of("CREATE " + kind + "INDEX " + quote(index.name()) + " ON " + tableName(table)
                + renderIndexColumns(index));
    }

    @Override
    protected List<String> renderDropIndex(Table table, Index index) {
        return List.of("DROP INDEX " + quote(index.name()) + " ON " + tableName(table));
    }

    @Override
    protected List<String> renderRenameIndex(Table table, Index previous, Index next) {
        return List.of("ALTER TABLE " + tableName(table) + " RENAME INDEX " + quote(previous.name()) + " TO "
                + quote(next.name()));
    }

    @Override
    protected List<String> renderAddForeignKey(Table table, ForeignKey fk) {
        return List.of("ALTER TABLE " + tableName(table) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                + quoteAll(fk.columns(), ", ") + ") REFERENCES " + quote(fk.referencedTable()) + "("
                + quoteAll(fk.referencedColumns(), ", ") + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE "
                + fk.onUpdate().sql());
    }

    @Override
    protected List<String> renderDropForeignKey(Table table, ForeignKey fk) {
        return List.of("ALTER TABLE " + tableName(table) + " DROP FOREIGN KEY " + quote(fk.name()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Introspection and errors

    @Override
    public SqlSchema introspect(Connection connection) throws SQLException {
        return new MySqlCatalog(this).read(connection);
    }

    private static final Pattern FK = Pattern.compile("CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY \\(([^)]*)\\)");
    private static final Pattern DUPLICATE = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'");
    private static final Pattern CASCADED_DUPLICATE = Pattern.compile("duplicate entry in table '[^']+', key '([^']+)'");
    private static final Pattern NULL_COLUMN = Pattern.compile("Column '([^']+)' cannot be null");
    private static final Pattern NO_DEFAULT = Pattern.compile("Field '([^']+)' doesn't have a default value");
    private static final Pattern TOO_LONG = Pattern.compile("Data too long for column '((?:[^']|'')+)'");
    /** The server's own words in a MariaDB Connector/J message ("(conn=5) Out of range value for column ..."). */
    private static final Pattern SERVER_MESSAGE = Pattern.compile("^(?:\\(conn=\\d+\\) )?(.*)$", Pattern.DOTALL);

    @Override
    public Optional<ConstraintViolation> constraintViolation(SQLException error) {
        String message = String.valueOf(error.getMessage());
        int code = error.getErrorCode();
        if (code == 1451 || code == 1452 || code == 1216 || code == 1217) {
            Matcher m = FK.matcher(message);
            if (m.find()) {
                List<String> columns = new ArrayList<>();
                for (String c : m.group(2).split(",")) {
                    String t = c.trim();
                    columns.add(t.startsWith("`") ? t.substring(1, t.length() - 1) : t);
                }
                return Optional.of(new ConstraintViolation.ForeignKeyViolation(m.group(1), columns));
            }
            return Optional.of(new ConstraintViolation.ForeignKeyViolation(null, List.of()));
        }
        if (code == 1062) {
            Matcher m = DUPLICATE.matcher(message);
            return Optional.of(new ConstraintViolation.UniqueViolation(m.find() ? m.group(1) : null, List.of()));
        }
        if (code == 1761 || code == 1762 || code == 1557) {
            // A key change whose ON UPDATE CASCADE would duplicate a unique key of the child table: InnoDB reports
            // it before the parent's own duplicate key, naming the child's key when it can (1761).
            Matcher m = CASCADED_DUPLICATE.matcher(message);
            return Optional.of(new ConstraintViolation.UniqueViolation(m.find() ? m.group(1) : null, List.of()));
        }
        if (code == 1048 || code == 1364) {
            Matcher m = (code == 1048 ? NULL_COLUMN : NO_DEFAULT).matcher(message);
            return Optional.of(new ConstraintViolation.NullViolation(m.find() ? m.group(1) : null));
        }
        if (code == 1406) {
            Matcher m = TOO_LONG.matcher(message);
            return Optional.of(new ConstraintViolation.ValueTooLong(m.find() ? m.group(1) : null));
        }
        if (code == 1264) {
            Matcher m = SERVER_MESSAGE.matcher(message);
            return Optional.of(new ConstraintViolation.ValueOutOfRange(m.find() ? m.group(1) : message));
        }
        return Optional.empty();
    }
    // ---------------------------------------------------------------------------------------------------------------
    // Client

    /** MariaDB 10.5 and later know {@code INSERT ... RETURNING}; MySQL does not. Read from the first connection. */
    private volatile boolean returning;

    @Override
    public boolean supportsClient() {
        return true;
    }

    @Override
    public java.util.Properties clientConnectionProperties() {
        java.util.Properties properties = new java.util.Properties();
        // The client sends a write's planned statements in one round trip (see supportsMultipleStatements).
        properties.setProperty("allowMultiQueries", "true");
        return properties;
    }

    @Override
    public void initializeConnection(Connection connection) throws SQLException {
        java.sql.DatabaseMetaData metaData = connection.getMetaData();
        String version = metaData.getDatabaseProductVersion();
        boolean mariadb = version.contains("MariaDB") || metaData.getDatabaseProductName().contains("MariaDB");
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.replaceFirst("^5\\.5\\.5-", ""));
        returning = mariadb && m.find() && (Integer.parseInt(m.group(1)) > 10
                || Integer.parseInt(m.group(1)) == 10 && Integer.parseInt(m.group(2)) >= 5);
    }

    @Override
    public int maxBindParameters() {
        return 65535;
    }

    /**
     * Far fewer values than the parameters allow: above 32,000 values MariaDB's range optimizer gives
     * up on a list ({@code optimizer_max_sel_arg_weight}), as MySQL's does above 8 MB of ranges
     * ({@code range_optimizer_max_mem_size}, some 36,000 values). An UPDATE or DELETE then scans its whole table and,
     * at REPEATABLE READ, keeps every row of it locked until the commit.
     */
    @Override
    public int keyListRows(int width) {
        return Math.max(1, Math.min(super.keyListRows(width), KEY_LIST_VALUES / Math.max(1, width)));
    }

    @Override
    public String enumSortKeySuffix() {
        // ORDER BY sorts an ENUM column by the value's index, but a comparison compares it as text: + 0 is the index
        return " + 0";
    }

    @Override
    public String writeTransactionBegin() {
        // Connector/J's commit() and rollback() act on the server's in-transaction flag, which this sets.
        return "START TRANSACTION";
    }

    @Override
    public boolean supportsMultipleStatements() {
        return true; // with allowMultiQueries, which clientConnectionProperties sets
    }

    @Override
    public String shareLockClause() {
        // InnoDB's own foreign key checks take this shared lock; MariaDB knows only this spelling.
        return " LOCK IN SHARE MODE";
    }

    @Override
    public String lockRowsStatement(String table, String alias, String predicate, boolean shared) {
        return "SELECT COUNT(*) FROM " + table + " AS " + alias + " WHERE " + predicate
                + (shared ? shareLockClause() : updateLockClause());
    }

    @Override
    public String restrictCheckLockClause() {
        // At REPEATABLE READ a plain SELECT reads the transaction's snapshot; a locking read sees the latest rows.
        return shareLockClause();
    }

    @Override
    public String limitOffset(Integer limit, Integer offset) {
        if (limit == null && offset == null) {
            return "";
        }
        // MySQL has no OFFSET without LIMIT; its manual gives the largest unsigned BIGINT for "all rows".
        String out = " LIMIT " + (limit == null ? "18446744073709551615" : limit.toString());
        return offset == null ? out : out + " OFFSET " + offset;
    }

    @Override
    public boolean insertReturning() {
        return returning;
    }

    /** Its default collations ignore case, and trailing spaces: 'ABC ' is the key 'abc' there. */
    @Override
    public boolean comparesTextExactly() {
        return false;
    }

    /**
     * {@code INSERT IGNORE} would also turn a foreign key violation, a NULL or a value too long into a warning and
     * store the row cut short or not at all; an update of nothing on a duplicate key skips only the duplicates.
     */
    @Override
    public String skipDuplicates(String column) {
        return " ON DUPLICATE KEY UPDATE " + column + " = " + column;
    }

    /**
     * MariaDB Connector/J asks for the rows found, not changed, so that an UPDATE counts the rows it matched (as
     * Prisma's counts do); a duplicate that the insert skipped is then counted as found too. A session variable
     * counts the skipped rows instead.
     */
    @Override
    public Optional<SkippedRowsCounter> skippedRowsCounter(String column) {
        return Optional.of(new SkippedRowsCounter("SET @sinew_skipped = 0", " ON DUPLICATE KEY UPDATE " + column
                + " = IF((@sinew_skipped := @sinew_skipped + 1) > 0, " + column + ", " + column + ")",
                "SELECT @sinew_skipped"));
    }

    @Override
    public String emptyInsertValues() {
        return " () VALUES ()";
    }

    @Override
    public String distinctFrom(String a, String b) {
        return "NOT (" + a + " <=> " + b + ")";
    }

    @Override
    public String likeEscape() {
        return ""; // the backslash is MySQL's default LIKE escape
    }

    @Override
    public String orderItem(String expression, boolean descending, String nulls) {
        String item = expression + (descending ? " DESC" : " ASC");
        if (nulls == null) {
            return item;
        }
        return expression + " IS NULL" + (nulls.equals("first") ? " DESC" : " ASC") + ", " + item;
    }

    @Override
    public boolean nullsFirstInAscendingOrder() {
        return true;
    }

    @Override
    public String divide(String a, String b, boolean integer) {
        return integer ? "(" + a + " DIV " + b + ")" : "(" + a + " / " + b + ")";
    }

    @Override
    public boolean dmlCannotReadTargetTable() {
        return true;
    }

    @Override
    public Object bindValue(dev.sinew.schema.model.ScalarField field, Object value) {
        if (value instanceof java.time.Instant instant) {
            String name = field.nativeType() == null ? "" : field.nativeType().name();
            return switch (name) {
                case "Date" -> java.time.LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
                case "Time" -> java.time.LocalTime.ofInstant(instant, java.time.ZoneOffset.UTC);
                default -> java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
            };
        }
        return value;
    }

    @Override
    public Object readValue(java.sql.ResultSet rs, int index, dev.sinew.schema.model.ScalarField field)
            throws SQLException {
        return readTyped(rs, index, field);
    }

    @Override
    public boolean isRetryable(SQLException error) {
        int code = error.getErrorCode();
        // deadlock, lock wait timeout, "record has changed since last read" (snapshot isolation)
        return code == 1213 || code == 1205 || code == 1020 || "40001".equals(error.getSQLState());
    }
}
