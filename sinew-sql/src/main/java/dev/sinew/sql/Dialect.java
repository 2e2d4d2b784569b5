package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.MigrationStep.AddForeignKey;
import dev.sinew.sql.MigrationStep.AlterEnum;
import dev.sinew.sql.MigrationStep.AlterTable;
import dev.sinew.sql.MigrationStep.CreateEnum;
import dev.sinew.sql.MigrationStep.CreateExtension;
import dev.sinew.sql.MigrationStep.CreateIndex;
import dev.sinew.sql.MigrationStep.CreateSchema;
import dev.sinew.sql.MigrationStep.CreateTable;
import dev.sinew.sql.MigrationStep.DropEnum;
import dev.sinew.sql.MigrationStep.DropExtension;
import dev.sinew.sql.MigrationStep.DropForeignKey;
import dev.sinew.sql.MigrationStep.DropIndex;
import dev.sinew.sql.MigrationStep.DropTable;
import dev.sinew.sql.MigrationStep.RedefineIndex;
import dev.sinew.sql.MigrationStep.RedefineTables;
import dev.sinew.sql.MigrationStep.RenameForeignKey;
import dev.sinew.sql.MigrationStep.RenameIndex;
import dev.sinew.sql.MigrationStep.TypeChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything that differs between databases, one subclass per database with the same members in each: identifier
 * quoting and limits, the capabilities that shape a schema and a migration, column types, the SQL of every
 * migration step (byte for byte Prisma's), reading a live schema from the catalog, and reading constraint violations
 * from driver errors.
 */
public abstract class Dialect {

    /** The dialect for a Prisma datasource provider ({@code postgresql}, {@code postgres}, {@code mysql}, …). */
    public static Dialect forProvider(String provider) {
        return switch (provider) {
            case "postgresql", "postgres" -> new PostgresDialect();
            case "cockroachdb" -> new CockroachDialect();
            case "mysql" -> new MySqlDialect();
            case "sqlite" -> new SqliteDialect();
            case "sqlserver" -> new SqlServerDialect();
            default -> throw new IllegalArgumentException("No SQL dialect for provider \"" + provider + "\"");
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Identity, identifiers, capabilities

    /** The Prisma provider name of this database. */
    public abstract String provider();

    /** The identifier quoted for this database. */
    public abstract String quote(String identifier);

    /** The longest identifier the database accepts, in bytes; Prisma truncates generated names to it. */
    public abstract int maxIdentifierLength();

    /** Whether primary keys carry a constraint name ({@code <table>_pkey}). */
    public abstract boolean namedPrimaryKeys();

    /** Whether foreign keys can be given a name with {@code @relation(map:)}. */
    public abstract boolean namedForeignKeys();

    /** The schema tables live in when the Prisma schema names none; null where the database has no schemas. */
    public abstract String defaultNamespace();

    /**
     * Whether an implicit many-to-many table gets a primary key {@code _AB_pkey} (PostgreSQL) rather than a unique
     * index {@code _AB_unique}.
     */
    public boolean implicitManyToManyPrimaryKey() {
        return false;
    }

    /**
     * Whether foreign keys can be added and dropped with ALTER TABLE; when not (SQLite), every foreign-key change
     * rebuilds the table.
     */
    public boolean canAlterForeignKeys() {
        return true;
    }

    /**
     * Whether this index of a new table is written inside its CREATE TABLE (every index on MySQL, unique constraints
     * on SQL Server) rather than as a CreateIndex step.
     */
    public boolean indexInCreateTable(Index index) {
        return false;
    }

    /**
     * Whether ALTER TABLE can make this change; when a table has a change it cannot make, the table is rebuilt
     * (SQLite). Every change can be made in place elsewhere.
     */
    public boolean canAlterInPlace(MigrationStep.TableChange change) {
        return true;
    }

    /**
     * Whether making a column required fills its NULLs with the new default (SQLite copies rows with
     * {@code coalesce}), so that the change cannot fail on NULLs.
     */
    public boolean fillsNullsWhenMadeRequired() {
        return false;
    }

    /** A column type as destructive-change warnings name it: its native type, e.g. {@code VarChar(255)}. */
    public String typeNameInWarnings(ColumnType type) {
        if (type.nativeType() == null || type.family() == Family.ENUM) {
            return type.family() == Family.ENUM ? type.enumName() : type.family().prismaName();
        }
        return type.nativeType();
    }

    /**
     * Whether a foreign key needs an index that starts with its columns, so that such an index cannot be dropped
     * while the foreign key exists (MySQL).
     */
    public boolean foreignKeysNeedIndexes() {
        return false;
    }

    /** Whether an index can be renamed in place; when not, a rename drops and creates it. */
    public boolean canRenameIndexes() {
        return true;
    }

    /** Whether a foreign key can be renamed in place; when not, a rename drops and adds it. */
    public boolean canRenameForeignKeys() {
        return false;
    }

    /**
     * Whether migrations create the default namespace ({@code CREATE SCHEMA IF NOT EXISTS "public"}), so that a
     * calculated schema lists it.
     */
    public boolean createsDefaultNamespace() {
        return false;
    }

    /**
     * The default an auto-incrementing column gets where the database has no auto-increment column attribute
     * (CockroachDB's {@code unique_rowid()}); null where {@link Column#autoIncrement()} says it all.
     */
    public ColumnDefault autoIncrementDefault() {
        return null;
    }

    /** Whether a single integer primary key column always auto-increments (SQLite's rowid alias). */
    public boolean integerPrimaryKeyAutoIncrements() {
        return false;
    }

    /** The referential action of an implicit many-to-many join table's two foreign keys. */
    public ForeignKeyAction implicitManyToManyAction(boolean selfRelation) {
        return ForeignKeyAction.CASCADE;
    }

    /** Whether enums are named types created with their own statement (PostgreSQL, CockroachDB). */
    public boolean enumsAreTypes() {
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Types

    /**
     * The column type of a Prisma scalar field.
     *
     * @param family     the field's scalar type
     * @param nativeType the native type attribute as written without {@code @db.} (e.g. {@code VarChar(255)}), or
     *                   null for the provider's default type of the scalar
     */
    public abstract ColumnType columnType(Family family, String nativeType);

    /**
     * The column type of an enum field.
     *
     * @param enumType the enum with its values (MySQL writes them into the column type)
     * @param table    the table of the column (MySQL names its inline enums after table and column)
     * @param column   the column
     */
    public abstract ColumnType enumColumnType(SqlEnum enumType, String table, String column);

    /** The SQL of a column type (without array brackets). */
    public abstract String renderType(ColumnType type, SqlSchema schema);

    /**
     * How the database converts values when a column's type changes; null when the types are the same for this
     * database.
     */
    public abstract TypeChange typeChange(Column previous, Column next);

    /** Whether two defaults of the same column are the same for this database. */
    public boolean sameDefault(Column previous, Column next) {
        ColumnDefault a = previous.defaultValue();
        ColumnDefault b = next.defaultValue();
        if (b instanceof ColumnDefault.DbGenerated g && g.expression() == null) {
            return true;
        }
        if (a == null || b == null) {
            return a == b || (a instanceof ColumnDefault.Sequence || b instanceof ColumnDefault.Sequence);
        }
        if (a instanceof ColumnDefault.Sequence || b instanceof ColumnDefault.Sequence) {
            return true; // sequence defaults are compared through autoIncrement
        }
        if (b instanceof ColumnDefault.DbGenerated g && g.expression() == null) {
            return true; // dbgenerated() without an expression: the schema leaves the default to the database
        }
        if (a instanceof ColumnDefault.DbGenerated x && b instanceof ColumnDefault.DbGenerated y) {
            return x.expression() != null && sameExpression(x.expression(), y.expression());
        }
        if (a instanceof ColumnDefault.Now && b instanceof ColumnDefault.Now) {
            return true; // MySQL prints the precision of CURRENT_TIMESTAMP(3) or not, as the column has it
        }
        if (a instanceof ColumnDefault.Value x && b instanceof ColumnDefault.Value y
                && isNumeric(next.type().family())) {
            // Catalogs print numbers at the column's scale (2.25 comes back as 2.250000…).
            try {
                return new java.math.BigDecimal(x.text()).compareTo(new java.math.BigDecimal(y.text())) == 0;
            } catch (NumberFormatException e) {
                return x.text().equals(y.text());
            }
        }
        return java.util.Objects.equals(renderDefault(previous, null), renderDefault(next, null));
    }

    /**
     * The action a foreign key really has once the database stored it; MySQL and MariaDB accept SET DEFAULT but keep
     * RESTRICT. Foreign keys are compared by these.
     */
    public ForeignKeyAction effectiveAction(ForeignKeyAction declared) {
        return declared;
    }

    /**
     * Whether two SQL expressions are the same up to what catalogs change when they store one: enclosing
     * parentheses and whitespace.
     */
    protected static boolean sameExpression(String a, String b) {
        return stripParentheses(a).equals(stripParentheses(b));
    }

    private static String stripParentheses(String expression) {
        String e = expression.replaceAll("\\s+", " ").trim();
        while (e.startsWith("(") && e.endsWith(")") && enclosed(e)) {
            e = e.substring(1, e.length() - 1).trim();
        }
        return e;
    }

    /** Whether the first parenthesis of the expression closes at its end. */
    private static boolean enclosed(String e) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < e.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rendering

    /** The statements of one step, without the trailing semicolons. */
    public final List<String> render(MigrationStep step, SqlSchema previous, SqlSchema next) {
        if (step instanceof CreateSchema s) {
            return renderCreateSchema(s.namespace());
        } else if (step instanceof CreateExtension s) {
            return renderCreateExtension(s.extension());
        } else if (step instanceof DropExtension s) {
            return renderDropExtension(s.extension());
        } else if (step instanceof CreateEnum s) {
            return renderCreateEnum(s.enumType());
        } else if (step instanceof AlterEnum s) {
            return renderAlterEnum(s, previous, next);
        } else if (step instanceof DropEnum s) {
            return renderDropEnum(s.enumType());
        } else if (step instanceof DropForeignKey s) {
            return renderDropForeignKey(s.table(), s.foreignKey());
        } else if (step instanceof DropIndex s) {
            return renderDropIndex(s.table(), s.index());
        } else if (step instanceof AlterTable s) {
            return renderAlterTable(s, previous, next);
        } else if (step instanceof DropTable s) {
            return renderDropTable(s.table());
        } else if (step instanceof CreateTable s) {
            return renderCreateTable(s.table(), next);
        } else if (step instanceof RedefineTables s) {
            return renderRedefineTables(s, previous, next);
        } else if (step instanceof CreateIndex s) {
            return renderCreateIndex(s.table(), s.index());
        } else if (step instanceof RenameForeignKey s) {
            return renderRenameForeignKey(s.table(), s.previous(), s.next());
        } else if (step instanceof AddForeignKey s) {
            return renderAddForeignKey(s.table(), s.foreignKey());
        } else if (step instanceof RenameIndex s) {
            return renderRenameIndex(s.table(), s.previous(), s.next());
        } else if (step instanceof RedefineIndex s) {
            List<String> out = new ArrayList<>(renderDropIndex(s.table(), s.previous()));
            out.addAll(renderCreateIndex(s.table(), s.next()));
            return out;
        }
        throw new IllegalStateException("Unhandled migration step " + step.kind());
    }

    /**
     * The migration script as Prisma writes it into {@code migration.sql}: an optional warnings comment, then each
     * step under its {@code -- Header}, steps separated by a blank line; {@code -- This is an empty migration.} when
     * there is nothing to do.
     */
    public String renderScript(Migration migration) {
        StringBuilder out = new StringBuilder();
        if (!migration.warnings().isEmpty()) {
            out.append("/*\n  Warnings:\n\n");
            for (String warning : migration.warnings()) {
                out.append("  - ").append(warning).append('\n');
            }
            out.append("\n*/\n");
        }
        StringBuilder body = new StringBuilder();
        String prologue = scriptPrologue();
        if (prologue != null) {
            body.append(prologue);
        }
        boolean any = false;
        for (MigrationStep step : migration.steps()) {
            List<String> statements = render(step, migration.previous(), migration.next());
            if (statements.isEmpty()) {
                continue;
            }
            any = true;
            if (body.length() > 0) {
                body.append('\n');
            }
            body.append("-- ").append(step.kind().description()).append('\n');
            for (String statement : statements) {
                body.append(statement).append(";\n");
            }
        }
        if (!any) {
            return out.append("-- This is an empty migration.").toString();
        }
        String epilogue = scriptEpilogue();
        if (epilogue != null) {
            body.append(epilogue);
        }
        return out.append(body).toString();
    }

    /** Text before the first step (SQL Server opens a transaction); null for none. */
    protected String scriptPrologue() {
        return null;
    }

    /** Text after the last step; null for none. */
    protected String scriptEpilogue() {
        return null;
    }

    protected List<String> renderCreateSchema(String namespace) {
        throw unsupported("CREATE SCHEMA");
    }

    protected List<String> renderCreateExtension(Extension extension) {
        throw unsupported("extensions");
    }

    protected List<String> renderDropExtension(Extension extension) {
        throw unsupported("extensions");
    }

    protected List<String> renderCreateEnum(SqlEnum enumType) {
        return List.of();
    }

    protected List<String> renderAlterEnum(AlterEnum step, SqlSchema previous, SqlSchema next) {
        return List.of();
    }

    protected List<String> renderDropEnum(SqlEnum enumType) {
        return List.of();
    }

    protected abstract List<String> renderCreateTable(Table table, SqlSchema schema);

    protected abstract List<String> renderDropTable(Table table);

    protected abstract List<String> renderAlterTable(AlterTable step, SqlSchema previous, SqlSchema next);

    protected List<String> renderRedefineTables(RedefineTables step, SqlSchema previous, SqlSchema next) {
        throw unsupported("table redefinition");
    }

    protected abstract List<String> renderCreateIndex(Table table, Index index);

    protected abstract List<String> renderDropIndex(Table table, Index index);

    protected abstract List<String> renderRenameIndex(Table table, Index previous, Index next);

    protected abstract List<String> renderAddForeignKey(Table table, ForeignKey foreignKey);

    protected abstract List<String> renderDropForeignKey(Table table, ForeignKey foreignKey);

    protected List<String> renderRenameForeignKey(Table table, ForeignKey previous, ForeignKey next) {
        throw unsupported("renaming foreign keys");
    }

    /** The SQL of a column's default value (without the DEFAULT keyword), or null when it renders none. */
    protected abstract String renderDefault(Column column, SqlSchema schema);

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(provider() + " does not support " + what);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers shared by the dialects

    /** The table's name as SQL statements refer to it: quoted, and qualified with its schema where it has one. */
    public final String tableReference(Table table) {
        return tableName(table);
    }

    /** A table name, qualified with its schema when it has one. */
    protected String tableName(Table table) {
        return qualified(table.namespace(), table.name());
    }

    protected String qualified(String namespace, String name) {
        return namespace == null ? quote(name) : quote(namespace) + "." + quote(name);
    }

    protected String quoteAll(List<String> names, String separator) {
        return names.stream().map(this::quote).collect(Collectors.joining(separator));
    }

    /** A string literal in single quotes, quotes doubled. */
    protected static String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    protected static String doubleQuoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * A date-time default as Prisma writes it into SQL: {@code 2020-01-01 10:11:12.345 +02:00}, the fraction in groups
     * of three digits and left out when zero; text that is no ISO-8601 date-time comes back as it is. Introspection
     * reads SQLite's date-time defaults back into this form.
     */
    public static String formatDateTime(String iso) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(iso);
        } catch (RuntimeException e) {
            return iso;
        }
        return localDateTime(t) + ' ' + (t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId());
    }

    /**
     * The date and time of {@code t} without its offset, as Prisma writes them: {@code 2020-01-01 10:11:12.345}, the
     * fraction in groups of three digits and left out when zero.
     */
    public static String localDateTime(OffsetDateTime t) {
        StringBuilder s = new StringBuilder(t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        int nanos = t.getNano();
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            if (nanos % 1_000_000 == 0) {
                digits = digits.substring(0, 3);
            } else if (nanos % 1_000 == 0) {
                digits = digits.substring(0, 6);
            }
            s.append('.').append(digits);
        }
        return s.toString();
    }

    /** The hexadecimal digits of a base64 literal ({@code @default("aGVsbG8=")}). */
    protected static String base64ToHex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    /** The literal text of a default value as the column's family reads it; shared by the dialects' renderers. */
    protected static boolean isNumeric(Family family) {
        return family == Family.INT || family == Family.BIGINT || family == Family.FLOAT || family == Family.DECIMAL;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Introspection and errors

    /**
     * Reads the schema of the database behind the connection (the connection's current schema on PostgreSQL and
     * MySQL) from its catalog, leaving out Prisma's {@code _prisma_migrations} table.
     */
    public abstract SqlSchema introspect(Connection connection) throws SQLException;

    /** The constraint a driver error reports as violated, if it is one. */
    public abstract Optional<ConstraintViolation> constraintViolation(SQLException error);

    // ---------------------------------------------------------------------------------------------------------------
    // Client: connections, the SQL shapes of Sinew's runtime, and values

    /** Whether Sinew's client runs on this database. */
    public boolean supportsClient() {
        return false;
    }

    /**
     * The driver settings the client adds to a connection's (which {@link dev.sinew.sql.connect.DatabaseUrl} reads
     * from the datasource URL): what its SQL relies on.
     */
    public java.util.Properties clientConnectionProperties() {
        return new java.util.Properties();
    }

    /** Called once on a client's first connection (to learn the server's version, say). */
    public void initializeConnection(Connection connection) throws SQLException {
    }

    /**
     * Whether one JDBC statement may hold several SQL statements separated by semicolons, sent in one round trip
     * and run in order (the client sends a write's planned statements that way).
     */
    public boolean supportsMultipleStatements() {
        return false;
    }

    /**
     * Whether the writes of a transaction at the JDBC isolation {@code level} act on the transaction's snapshot, so
     * that a delete or update misses, without an error, rows that other transactions committed after it began
     * (PostgreSQL above READ COMMITTED: its SERIALIZABLE fails such a transaction only when the other one is
     * serializable too). InnoDB's writes read the latest committed rows at every level; SQLite has one writer.
     */
    public boolean writesMissRowsCommittedMeanwhile(int level) {
        return false;
    }

    /**
     * Whether a transaction's isolation level can be chosen (on the connection, before it begins); false where
     * every transaction runs serializable.
     */
    public boolean choosesIsolationLevel() {
        return true;
    }

    /**
     * The statement that begins a write transaction, sent in the same round trip as the transaction's first
     * statements on a connection left in auto-commit mode; or null, and the client turns auto-commit off, where the
     * driver costs no round trip for it (pgJDBC sends its BEGIN with the first statement; MariaDB Connector/J
     * would send {@code set autocommit=0} on its own, and {@code set autocommit=1} again when the pool takes the
     * connection back). A transaction begun by this statement ends with a COMMIT or ROLLBACK statement, and its
     * savepoints are statements too.
     */
    public String writeTransactionBegin() {
        return null;
    }

    /**
     * What the client appends to an enum column's (parenthesized) expression so that comparisons with it follow
     * the order the database sorts the enum by; empty where comparisons already do (PostgreSQL compares enums in
     * their declared order, SQLite stores them as text and sorts them so).
     */
    public String enumSortKeySuffix() {
        return "";
    }

    /**
     * How many prepared statements the client keeps open per connection, for a driver that keeps none itself; 0
     * where the driver has its own cache (pgJDBC keeps server-side prepared statements per connection by SQL text).
     */
    public int clientStatementCacheSize() {
        return 0;
    }

    /** The most bind parameters one statement may carry. */
    public int maxBindParameters() {
        return 32767;
    }

    /**
     * How many rows of {@code width} values one key list ({@code IN (...)}) may hold: as many as one statement's
     * parameters allow, less room for the statement's other parameters.
     */
    public int keyListRows(int width) {
        return Math.max(1, (maxBindParameters() - 1000) / Math.max(1, width));
    }

    /** Whether the database has row locks (SQLite has one writer per database instead). */
    public boolean hasRowLocks() {
        return true;
    }

    /** Appended to a SELECT of a row about to be referenced, so that nobody deletes it or changes its key. */
    public String shareLockClause() {
        return " FOR SHARE";
    }

    /** Appended to a SELECT of rows about to be deleted or to have their key changed. */
    public String updateLockClause() {
        return " FOR UPDATE";
    }

    /**
     * A statement that locks the rows of {@code table} (quoted) named {@code alias} that match {@code predicate}
     * (SQL over the alias, written into the result once), without sending them to the client.
     */
    public String lockRowsStatement(String table, String alias, String predicate, boolean shared) {
        return "SELECT count(*) FROM (SELECT 1 FROM " + table + " AS " + alias + " WHERE " + predicate
                + (shared ? shareLockClause() : updateLockClause()) + ") AS locked";
    }

    /** Appended to the SELECT of a Restrict check so that it reads the latest committed rows. */
    public String restrictCheckLockClause() {
        return "";
    }

    /** {@code LIMIT}/{@code OFFSET} with literal numbers; either may be null. */
    public String limitOffset(Integer limit, Integer offset) {
        String out = limit == null ? "" : " LIMIT " + limit;
        return offset == null ? out : out + " OFFSET " + offset;
    }

    /**
     * Whether the database compares text keys as Java compares strings. Where it does not, a key read back may be
     * equal to the one given only as the database compares them (a case-insensitive collation).
     */
    public boolean comparesTextExactly() {
        return true;
    }

    /** Whether {@code INSERT ... RETURNING} is available. */
    public boolean insertReturning() {
        return true;
    }

    /**
     * What follows an INSERT's VALUES so that a row that would duplicate a unique key, or an earlier row of the same
     * INSERT, is skipped, while every other error (a foreign key, a NULL, a value too long) still fails the whole
     * statement. {@code column} is one of the inserted columns, quoted.
     */
    public String skipDuplicates(String column) {
        return " ON CONFLICT DO NOTHING";
    }

    /**
     * Where the update count of an insert that skips duplicates is not the number of rows it inserted, the
     * statements that count the rows it skipped instead; empty where it is.
     */
    public Optional<SkippedRowsCounter> skippedRowsCounter(String column) {
        return Optional.empty();
    }

    /**
     * Counts the rows an insert skips: {@code reset} runs before it, {@code clause} replaces
     * {@link #skipDuplicates}, and {@code read} returns the count afterwards, as one row of one number.
     */
    public record SkippedRowsCounter(String reset, String clause, String read) {
    }

    /** What follows {@code INSERT INTO t} for a row of defaults only. */
    public String emptyInsertValues() {
        return " DEFAULT VALUES";
    }

    /** A predicate true when two values differ, NULL counting as a value. */
    public String distinctFrom(String a, String b) {
        return a + " IS DISTINCT FROM " + b;
    }

    /** The ESCAPE clause of a LIKE whose pattern escapes with a backslash. */
    public String likeEscape() {
        return " ESCAPE '\\'";
    }

    /** A case-insensitive LIKE of a column and a pattern. */
    public String insensitiveLike(String column, String pattern) {
        return "LOWER(" + column + ") LIKE LOWER(" + pattern + ")" + likeEscape();
    }

    /**
     * The most values an {@code in} or {@code notIn} filter sends as parameters of their own; a longer list goes as
     * one array parameter ({@link #anyOfArray}), so that no list meets the driver's limit on parameters. Unlimited
     * where the database has no arrays (SQLite's and MariaDB's drivers take far more parameters than PostgreSQL's
     * 65,535).
     */
    public int maxInListParameters() {
        return Integer.MAX_VALUE;
    }

    /**
     * True where {@code expression} equals an element of the array bound to the one {@code ?} this returns, folded
     * for a case-insensitive comparison where asked; for dialects with a {@link #maxInListParameters} bound.
     */
    public String anyOfArray(String expression, boolean insensitive) {
        throw new UnsupportedOperationException(provider() + " has no arrays");
    }

    /** An expression folded for a case-insensitive comparison. */
    public String insensitive(String expression) {
        return "LOWER(" + expression + ")";
    }

    /** An ORDER BY item; {@code nulls} is "first", "last" or null for the database's default. */
    public String orderItem(String expression, boolean descending, String nulls) {
        String item = expression + (descending ? " DESC" : " ASC");
        if (nulls != null) {
            item += nulls.equals("first") ? " NULLS FIRST" : " NULLS LAST";
        }
        return item;
    }

    /** Whether NULL sorts before every value in ascending order when no {@code nulls} is given. */
    public boolean nullsFirstInAscendingOrder() {
        return false;
    }

    /** Division as the column's type divides; integers truncate. */
    public String divide(String a, String b, boolean integer) {
        return "(" + a + " / " + b + ")";
    }

    /**
     * Whether an UPDATE or DELETE cannot read its own table in a sub-select (MySQL error 1093), so that such
     * sub-selects must become derived tables.
     */
    public boolean dmlCannotReadTargetTable() {
        return false;
    }

    /**
     * {@code lhs IN (subquery)}, where {@code lhs} is one column or a tuple of {@code width} columns: the rows whose key
     * is one the sub-select returns.
     */
    public String inSubquery(String lhs, int width, String subquery) {
        return lhs + " IN (" + subquery + ")";
    }

    /**
     * {@code lhs IN (...)} with {@code rows} rows of {@code width} placeholders: {@code a IN (?, ?)} for one column,
     * {@code (a, b) IN ((?, ?), (?, ?))} for several.
     */
    public String inList(String lhs, int width, int rows) {
        StringBuilder out = new StringBuilder(lhs).append(" IN (");
        String row = width == 1 ? "?" : "(" + "?, ".repeat(width - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ", ").append(row);
        }
        return out.append(')').toString();
    }

    /**
     * The value to bind for a client value of the field: Integer, Long, Double, BigDecimal, Boolean, String,
     * java.time.Instant (DateTime), byte[].
     */
    public Object bindValue(dev.sinew.schema.model.ScalarField field, Object value) {
        return value;
    }

    /** The SQL type name of a scalar list's element, for {@code Connection.createArrayOf}. */
    public String arrayElementType(dev.sinew.schema.model.ScalarField field) {
        throw new UnsupportedOperationException(provider() + " has no scalar lists");
    }

    /** Reads a column as the client value of the field (see {@link #bindValue}); null for SQL NULL. */
    public Object readValue(java.sql.ResultSet rs, int index, dev.sinew.schema.model.ScalarField field)
            throws SQLException {
        throw new UnsupportedOperationException("Sinew's client does not support " + provider());
    }

    /**
     * A column read through the driver's typed getters, as the server drivers (pgJDBC, MariaDB Connector/J) return
     * each scalar kind; date-times through {@link #readInstant}. For the dialects' {@link #readValue}.
     */
    protected final Object readTyped(java.sql.ResultSet rs, int index, dev.sinew.schema.model.ScalarField field)
            throws SQLException {
        dev.sinew.schema.model.ScalarKind kind = field.scalarKind();
        if (kind == null) {
            return rs.getString(index);
        }
        Object out = switch (kind) {
            case INT -> rs.getInt(index);
            case BIG_INT -> rs.getLong(index);
            case FLOAT -> rs.getDouble(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE_TIME -> readInstant(rs, index, field);
            case BYTES -> rs.getBytes(index);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : out;
    }

    /**
     * A date-time column as an Instant: a date at midnight UTC, a time on 1970-01-01 UTC, a timestamp without a
     * zone as UTC (how Prisma writes them); null for SQL NULL.
     */
    protected java.time.Instant readInstant(java.sql.ResultSet rs, int index,
                                            dev.sinew.schema.model.ScalarField field) throws SQLException {
        java.time.ZoneOffset utc = java.time.ZoneOffset.UTC;
        switch (nativeTypeName(field)) {
            case "Date": {
                java.time.LocalDate d = rs.getObject(index, java.time.LocalDate.class);
                return d == null ? null : d.atStartOfDay().toInstant(utc);
            }
            case "Time": {
                java.time.LocalTime t = rs.getObject(index, java.time.LocalTime.class);
                return t == null ? null : t.atDate(java.time.LocalDate.EPOCH).toInstant(utc);
            }
            default: {
                java.time.LocalDateTime t = rs.getObject(index, java.time.LocalDateTime.class);
                return t == null ? null : t.toInstant(utc);
            }
        }
    }

    /** The name of the field's native type ({@code "Timestamptz"}), or "" when it has none. */
    protected static String nativeTypeName(dev.sinew.schema.model.ScalarField field) {
        return field.nativeType() == null ? "" : field.nativeType().name();
    }

    /** Whether running the whole transaction again may succeed: deadlock, serialization failure, busy database. */
    public boolean isRetryable(SQLException error) {
        String state = error.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** An Instant from a database's text of a date-time: ISO-8601, or {@code YYYY-MM-DD HH:MM:SS[.fff]} as UTC. */
    protected static java.time.Instant parseInstant(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            // the forms without an offset follow
        }
        try {
            return java.time.LocalDateTime.parse(s.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDate.parse(s).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
