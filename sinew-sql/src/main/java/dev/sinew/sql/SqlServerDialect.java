package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.MigrationStep.AddColumn;
import dev.sinew.sql.MigrationStep.AddPrimaryKey;
import dev.sinew.sql.MigrationStep.AlterColumn;
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
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQL Server: bracketed names qualified with the {@code dbo} schema, named default constraints, clustered primary
 * keys, unique constraints inside CREATE TABLE, and the whole script inside one TRY/TRANSACTION block.
 */
public class SqlServerDialect extends Dialect {

    @Override
    public String provider() {
        return "sqlserver";
    }

    @Override
    public String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    @Override
    public int maxIdentifierLength() {
        return 128;
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
        return "dbo";
    }

    @Override
    public boolean indexInCreateTable(Index index) {
        return index.isUnique();
    }

    @Override
    public boolean canRenameForeignKeys() {
        return false;
    }

    /** SQL Server refuses two cascading paths into one table, which a self-relation's join table would have. */
    @Override
    public ForeignKeyAction implicitManyToManyAction(boolean selfRelation) {
        return selfRelation ? ForeignKeyAction.NO_ACTION : ForeignKeyAction.CASCADE;
    }

    @Override
    protected String scriptPrologue() {
        return "BEGIN TRY\n\nBEGIN TRAN;\n";
    }

    @Override
    protected String scriptEpilogue() {
        return "\nCOMMIT TRAN;\n\nEND TRY\nBEGIN CATCH\n\nIF @@TRANCOUNT > 0\nBEGIN\n    ROLLBACK TRAN;\nEND;\nTHROW\n\n"
                + "END CATCH\n";
    }

    /** Every name is qualified with its schema, {@code dbo} when the Prisma schema names none. */
    @Override
    protected String tableName(Table table) {
        return qualified(table.namespace() == null ? defaultNamespace() : table.namespace(), table.name());
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
            case FLOAT -> "Float(53)";
            case DECIMAL -> "Decimal(32,16)";
            case BOOLEAN -> "Bit";
            case STRING -> "NVarChar(1000)";
            case DATETIME -> "DateTime2";
            case BYTES -> "VarBinary(Max)";
            case JSON, ENUM, UNSUPPORTED -> throw new IllegalArgumentException(family + " is not supported on SQL Server");
        });
    }

    @Override
    public ColumnType enumColumnType(SqlEnum enumType, String table, String column) {
        throw new IllegalArgumentException("SQL Server has no enums");
    }

    @Override
    public String renderType(ColumnType type, SqlSchema schema) {
        if (type.family() == Family.UNSUPPORTED) {
            return type.nativeType();
        }
        String sql = type.nativeName().toUpperCase(Locale.ROOT);
        String args = type.nativeArguments();
        if (args == null) {
            return sql;
        }
        return sql + "(" + (args.equalsIgnoreCase("Max") ? "max" : args) + ")";
    }

    @Override
    public TypeChange typeChange(Column previous, Column next) {
        if (previous.type().family() == next.type().family()
                && Objects.equals(previous.type().nativeType(), next.type().nativeType())) {
            return null;
        }
        return NativeCasts.sqlServer(previous.type(), next.type());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Columns and defaults

    private String renderColumn(Table table, Column column, boolean withNullability) {
        StringBuilder s = new StringBuilder(quote(column.name())).append(' ').append(renderType(column.type(), null));
        if (column.isRequired()) {
            s.append(" NOT NULL");
        } else if (withNullability) {
            s.append(" NULL");
        }
        String dflt = renderDefault(column, null);
        if (dflt != null) {
            s.append(" CONSTRAINT ").append(quote(defaultConstraintName(table, column))).append(" DEFAULT ").append(dflt);
        }
        if (column.autoIncrement()) {
            s.append(" IDENTITY(1,1)");
        }
        return s.toString();
    }

    private static String defaultConstraintName(Table table, Column column) {
        return column.defaultConstraintName() != null ? column.defaultConstraintName()
                : table.name() + "_" + column.name() + "_df";
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
        } else if (d instanceof ColumnDefault.Value v) {
            return switch (column.type().family()) {
                case INT, BIGINT, FLOAT, DECIMAL, UNSUPPORTED -> v.text();
                case BOOLEAN -> v.text().equals("true") ? "1" : "0";
                case DATETIME -> stringLiteral(formatDateTime(v.text()));
                case BYTES -> "0x" + v.text();
                case STRING, ENUM, JSON -> stringLiteral(v.text());
            };
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Steps

    @Override
    protected List<String> renderCreateSchema(String namespace) {
        return List.of("EXEC sp_executesql N'CREATE SCHEMA " + quote(namespace).replace("'", "''") + ";'");
    }

    @Override
    protected List<String> renderCreateTable(Table table, SqlSchema schema) {
        List<String> lines = new ArrayList<>();
        for (Column c : table.columns()) {
            lines.add("    " + renderColumn(table, c, false));
        }
        if (table.primaryKey() != null) {
            lines.add("    " + primaryKeyConstraint(table.primaryKey(), true));
        }
        for (Index index : table.indexes()) {
            if (indexInCreateTable(index)) {
                lines.add("    CONSTRAINT " + quote(index.name()) + " UNIQUE " + clustering(index.clustered(), false)
                        + " (" + renderIndexColumns(index.columns(), ", ") + ")");
            }
        }
        return List.of("CREATE TABLE " + tableName(table) + " (\n" + String.join(",\n", lines) + "\n)");
    }

    private String primaryKeyConstraint(PrimaryKey pk, boolean quotedName) {
        String name = quotedName ? quote(pk.name()) : pk.name();
        return "CONSTRAINT " + name + " PRIMARY KEY " + clustering(pk.clustered(), true) + " ("
                + renderIndexColumns(pk.columns(), ",") + ")";
    }

    private static String clustering(Boolean clustered, boolean defaultClustered) {
        boolean c = clustered == null ? defaultClustered : clustered;
        return c ? "CLUSTERED" : "NONCLUSTERED";
    }

    private String renderIndexColumns(List<IndexColumn> columns, String separator) {
        return columns.stream().map(c -> quote(c.name()) + (c.sortOrder() == IndexColumn.SortOrder.DESC ? " DESC" : ""))
                .collect(Collectors.joining(separator));
    }

    @Override
    protected List<String> renderDropTable(Table table) {
        return List.of("DROP TABLE " + tableName(table));
    }

    @Override
    protected List<String> renderAlterTable(AlterTable step, SqlSchema previous, SqlSchema next) {
        Table table = step.next();
        String alter = "ALTER TABLE " + tableName(table) + " ";
        List<String> dropConstraints = new ArrayList<>();
        List<String> addConstraints = new ArrayList<>();
        List<String> addColumns = new ArrayList<>();
        List<String> dropColumns = new ArrayList<>();
        List<String> alterColumns = new ArrayList<>();
        for (TableChange change : step.changes()) {
            if (change instanceof DropPrimaryKey d) {
                dropConstraints.add(quote(d.primaryKey().name()));
            } else if (change instanceof AddPrimaryKey a) {
                // Prisma leaves this one name unquoted.
                addConstraints.add(alter + "ADD " + primaryKeyConstraint(a.primaryKey(), false));
            } else if (change instanceof RenamePrimaryKey r) {
                addConstraints.add("EXEC SP_RENAME N'" + tableName(table).replace("'", "''") + "." + r.previous().name()
                        + "', N'" + r.next().name() + "'");
            } else if (change instanceof AddColumn a) {
                addColumns.add(renderColumn(table, a.column(), false));
            } else if (change instanceof DropColumn d) {
                if (d.column().defaultValue() != null) {
                    dropConstraints.add(quote(defaultConstraintName(step.previous(), d.column())));
                }
                dropColumns.add(quote(d.column().name()));
            } else if (change instanceof DropAndRecreateColumn r) {
                if (r.previous().defaultValue() != null) {
                    dropConstraints.add(quote(defaultConstraintName(step.previous(), r.previous())));
                }
                dropColumns.add(quote(r.previous().name()));
                addColumns.add(renderColumn(table, r.next(), false));
            } else if (change instanceof AlterColumn a) {
                boolean defaultChanged = a.changes().contains(ColumnChange.DEFAULT);
                if (defaultChanged && a.previous().defaultValue() != null) {
                    dropConstraints.add(quote(defaultConstraintName(step.previous(), a.previous())));
                }
                if (a.changes().contains(ColumnChange.TYPE) || a.changes().contains(ColumnChange.ARITY)) {
                    Column c = a.next();
                    alterColumns.add(alter + "ALTER COLUMN " + quote(c.name()) + " " + renderType(c.type(), null)
                            + (c.isRequired() ? " NOT NULL" : " NULL"));
                }
                if (defaultChanged && a.next().defaultValue() != null) {
                    addConstraints.add(alter + "ADD CONSTRAINT " + quote(defaultConstraintName(table, a.next()))
                            + " DEFAULT " + renderDefault(a.next(), null) + " FOR " + quote(a.next().name()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (!dropConstraints.isEmpty()) {
            out.add(alter + "DROP CONSTRAINT " + String.join(",\n", dropConstraints));
        }
        out.addAll(addConstraints);
        if (!addColumns.isEmpty()) {
            out.add(alter + "ADD " + String.join(",\n", addColumns));
        }
        if (!dropColumns.isEmpty()) {
            out.add(alter + "DROP COLUMN " + String.join(",\n", dropColumns));
        }
        out.addAll(alterColumns);
        return out;
    }

    @Override
    protected List<String> renderCreateIndex(Table table, Index index) {
        if (index.isUnique()) {
            return List.of("ALTER TABLE " + tableName(table) + " ADD CONSTRAINT " + quote(index.name()) + " UNIQUE "
                    + clustering(index.clustered(), false) + " (" + renderIndexColumns(index.columns(), ", ") + ")");
        }
        return List.of("CREATE " + clustering(index.clustered(), false) + " INDEX " + quote(index.name()) + " ON "
                + tableName(table) + "(" + renderIndexColumns(index.columns(), ", ") + ")");
    }

    @Override
    protected List<String> renderDropIndex(Table table, Index index) {
        if (index.isUnique()) {
            return List.of("ALTER TABLE " + tableName(table) + " DROP CONSTRAINT " + quote(index.name()));
        }
        return List.of("DROP INDEX " + quote(index.name()) + " ON " + tableName(table));
    }

    @Override
    protected List<String> renderRenameIndex(Table table, Index previous, Index next) {
        return List.of("EXEC SP_RENAME N'" + tableName(table).replace("'", "''") + "." + previous.name() + "', N'"
                + next.name() + "', N'INDEX'");
    }

    @Override
    protected List<String> renderAddForeignKey(Table table, ForeignKey fk) {
        String referenced = qualified(fk.referencedNamespace() == null ? defaultNamespace() : fk.referencedNamespace(),
                fk.referencedTable());
        return List.of("ALTER TABLE " + tableName(table) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                + quoteAll(fk.columns(), ", ") + ") REFERENCES " + referenced + "("
                + quoteAll(fk.referencedColumns(), ", ") + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE "
                + fk.onUpdate().sql());
    }

    @Override
    protected List<String> renderDropForeignKey(Table table, ForeignKey fk) {
        return List.of("ALTER TABLE " + tableName(table) + " DROP CONSTRAINT " + quote(fk.name()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Introspection and errors

    /** No SQL Server can run where Sinew is tested, so reading its catalog is not offered rather than left untested. */
    @Override
    public SqlSchema introspect(Connection connection) throws SQLException {
        throw new SQLFeatureNotSupportedException("Reading the schema of a live SQL Server database is not supported");
    }

    private static final Pattern CONSTRAINT = Pattern.compile("constraint [\"']((?:[^\"']|\"\"|'')+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIQUE_INDEX = Pattern.compile("unique index '((?:[^']|'')+)'");
    private static final Pattern NULL_COLUMN = Pattern.compile("the value NULL into column '((?:[^']|'')+)'");

    @Override
    public Optional<ConstraintViolation> constraintViolation(SQLException error) {
        String message = String.valueOf(error.getMessage());
        switch (error.getErrorCode()) {
            case 547: {
                Matcher m = CONSTRAINT.matcher(message);
                return Optional.of(new ConstraintViolation.ForeignKeyViolation(m.find() ? m.group(1) : null, List.of()));
            }
            case 2627: {
                Matcher m = CONSTRAINT.matcher(message);
                return Optional.of(new ConstraintViolation.UniqueViolation(m.find() ? m.group(1) : null, List.of()));
            }
            case 2601: {
                Matcher m = UNIQUE_INDEX.matcher(message);
                return Optional.of(new ConstraintViolation.UniqueViolation(m.find() ? m.group(1) : null, List.of()));
            }
            case 515: {
                Matcher m = NULL_COLUMN.matcher(message);
                return Optional.of(new ConstraintViolation.NullViolation(m.find() ? m.group(1) : null));
            }
            default:
                return Optional.empty();
        }
    }
}
