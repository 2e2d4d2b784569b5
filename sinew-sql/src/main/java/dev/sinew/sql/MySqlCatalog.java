package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the current database of a MySQL or MariaDB server from information_schema. */
final class MySqlCatalog {

    private static final Pattern COLUMN_TYPE = Pattern.compile("^([a-z]+)(?:\\(([^)]*)\\))?( unsigned)?( zerofill)?$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?$");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("^(?i)(current_timestamp|now)(\\((\\d*)\\))?$");

    private final MySqlDialect dialect;

    MySqlCatalog(MySqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlSchema read(Connection c) throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.equals("_prisma_migrations")) {
                    tables.put(name, new TableBuilder(name));
                }
            }
        }
        Set<String> jsonColumns = mariaDbJsonColumns(c);
        readColumns(c, tables, jsonColumns);
        readIndexes(c, tables);
        readForeignKeys(c, tables);
        List<Table> result = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            Table table = t.build();
            // MySQL creates an index for every foreign key that has none; it carries the constraint's name. It is
            // the database's, not the schema's, so it is left out like Prisma leaves it out.
            List<Index> indexes = new ArrayList<>();
            for (Index index : table.indexes()) {
                boolean implicit = table.foreignKeys().stream().anyMatch(fk -> fk.name().equals(index.name())
                        && fk.columns().equals(index.columnNames()) && index.kind() == Index.Kind.NORMAL);
                if (!implicit) {
                    indexes.add(index);
                }
            }
            result.add(table.withIndexes(indexes));
        }
        return new SqlSchema(List.of(), List.of(), List.of(), result);
    }

    /** MariaDB stores JSON as LONGTEXT with a json_valid() check; those columns are JSON. */
    private Set<String> mariaDbJsonColumns(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        String sql = "SELECT table_name, check_clause FROM information_schema.check_constraints "
                + "WHERE constraint_schema = DATABASE()";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            Pattern json = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)");
            while (rs.next()) {
                Matcher m = json.matcher(String.valueOf(rs.getString(2)));
                if (m.find()) {
                    out.add(rs.getString(1) + "." + m.group(1));
                }
            }
        } catch (SQLException e) {
            // Servers before MySQL 8.0.16 have no check_constraints view, and no such columns either.
        }
        return out;
    }

    private void readColumns(Connection c, Map<String, TableBuilder> tables, Set<String> jsonColumns)
            throws SQLException {
        String sql = "SELECT table_name, column_name, column_type, is_nullable, column_default, extra "
                + "FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "ORDER BY table_name, ordinal_position";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getString(1));
                if (table == null) {
                    continue;
                }
                String name = rs.getString(2);
                String columnType = rs.getString(3).toLowerCase(Locale.ROOT);
                boolean nullable = "YES".equals(rs.getString(4));
                String dflt = rs.getString(5);
                String extra = String.valueOf(rs.getString(6)).toLowerCase(Locale.ROOT);
                ColumnType type = jsonColumns.contains(table.name + "." + name) ? ColumnType.of(Family.JSON, "Json")
                        : columnType(rs.getString(3), table.name, name);
                Column column = Column.of(name, type, nullable ? Arity.NULLABLE : Arity.REQUIRED)
                        .withAutoIncrement(extra.contains("auto_increment"));
                if (dflt != null && !(nullable && dflt.equalsIgnoreCase("NULL"))) {
                    column = column.withDefault(parseDefault(dflt, type, extra.contains("default_generated")));
                }
                table.columns.add(column);
            }
        }
    }

    /** A column type as information_schema spells it ({@code varchar(191)}, {@code int unsigned}) in Prisma's notation. */
    static ColumnType columnType(String raw, String table, String column) {
        String t = raw.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("enum(")) {
            List<String> values = parseEnumValues(t.substring(5, t.length() - 1));
            return new MySqlDialect().enumColumnType(new SqlEnum(null, table + "_" + column, values), table, column);
        }
        Matcher m = COLUMN_TYPE.matcher(lower);
        if (!m.matches()) {
            return ColumnType.of(Family.UNSUPPORTED, t);
        }
        String base = m.group(1);
        String args = m.group(2);
        boolean unsigned = m.group(3) != null;
        String u = unsigned ? "Unsigned" : "";
        return switch (base) {
            case "tinyint" -> "1".equals(args) && !unsigned ? ColumnType.of(Family.BOOLEAN, "TinyInt(1)")
                    : ColumnType.of(Family.INT, u + "TinyInt");
            case "smallint" -> ColumnType.of(Family.INT, u + "SmallInt");
            case "mediumint" -> ColumnType.of(Family.INT, u + "MediumInt");
            case "int", "integer" -> ColumnType.of(Family.INT, u + "Int");
            case "bigint" -> ColumnType.of(Family.BIGINT, u + "BigInt");
            case "decimal", "numeric" -> ColumnType.of(Family.DECIMAL, "Decimal(" + args.replace(" ", "") + ")");
            case "float" -> ColumnType.of(Family.FLOAT, "Float");
            case "double" -> ColumnType.of(Family.FLOAT, "Double");
            case "bit" -> ColumnType.of("1".equals(args) ? Family.BOOLEAN : Family.BYTES, "Bit(" + args + ")");
            case "char" -> ColumnType.of(Family.STRING, "Char(" + args + ")");
            case "varchar" -> ColumnType.of(Family.STRING, "VarChar(" + args + ")");
            case "tinytext" -> ColumnType.of(Family.STRING, "TinyText");
            case "text" -> ColumnType.of(Family.STRING, "Text");
            case "mediumtext" -> ColumnType.of(Family.STRING, "MediumText");
            case "longtext" -> ColumnType.of(Family.STRING, "LongText");
            case "binary" -> ColumnType.of(Family.BYTES, "Binary(" + args + ")");
            case "varbinary" -> ColumnType.of(Family.BYTES, "VarBinary(" + args + ")");
            case "tinyblob" -> ColumnType.of(Family.BYTES, "TinyBlob");
            case "blob" -> ColumnType.of(Family.BYTES, "Blob");
            case "mediumblob" -> ColumnType.of(Family.BYTES, "MediumBlob");
            case "longblob" -> ColumnType.of(Family.BYTES, "LongBlob");
            case "date" -> ColumnType.of(Family.DATETIME, "Date");
            case "time" -> ColumnType.of(Family.DATETIME, args == null ? "Time" : "Time(" + args + ")");
            case "datetime" -> ColumnType.of(Family.DATETIME, args == null ? "DateTime" : "DateTime(" + args + ")");
            case "timestamp" -> ColumnType.of(Family.DATETIME, args == null ? "Timestamp" : "Timestamp(" + args + ")");
            case "year" -> ColumnType.of(Family.INT, "Year");
            case "json" -> ColumnType.of(Family.JSON, "Json");
            default -> ColumnType.of(Family.UNSUPPORTED, t);
        };
    }

    static List<String> parseEnumValues(String list) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            if (list.charAt(i) == '\'') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < list.length()) {
                    char ch = list.charAt(i);
                    if (ch == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                        v.append('\'');
                        i += 2;
                    } else if (ch == '\'') {
                        i++;
                        break;
                    } else {
                        v.append(ch);
                        i++;
                    }
                }
                values.add(v.toString());
            } else {
                i++;
            }
        }
        return values;
    }

    /**
     * A default as information_schema reports it: MariaDB quotes string literals and writes expressions as is;
     * MySQL writes string literals bare and marks expressions DEFAULT_GENERATED.
     */
    static ColumnDefault parseDefault(String raw, ColumnType type, boolean generated) {
        String t = raw.trim();
        Matcher now = CURRENT_TIMESTAMP.matcher(t);
        if (now.matches()) {
            return new ColumnDefault.Now();
        }
        String literal;
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            literal = t.substring(1, t.length() - 1).replace("''", "'").replace("\\\\", "\\");
        } else if (generated) {
            return new ColumnDefault.DbGenerated(t.startsWith("(") ? t : "(" + t + ")");
        } else {
            literal = t;
        }
        return switch (type.family()) {
            case INT, BIGINT, FLOAT, DECIMAL -> NUMBER.matcher(literal).matches() ? new ColumnDefault.Value(literal)
                    : new ColumnDefault.DbGenerated(t);
            case BOOLEAN -> new ColumnDefault.Value(literal.equals("1") || literal.equalsIgnoreCase("true")
                    ? "true" : "false");
            case DATETIME -> new ColumnDefault.Value(PostgresCatalog.isoDateTime(literal));
            default -> new ColumnDefault.Value(literal);
        };
    }

    private void readIndexes(Connection c, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT table_name, index_name, non_unique, column_name, collation, sub_part, index_type "
                + "FROM information_schema.statistics WHERE table_schema = DATABASE() "
                + "ORDER BY table_name, index_name, seq_in_index";
        Map<String, Map<String, List<Object>>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getString(1));
                if (table == null || rs.getString(4) == null) {
                    continue;
                }
                String index = rs.getString(2);
                IndexColumn.SortOrder sort = "D".equals(rs.getString(5)) ? IndexColumn.SortOrder.DESC : null;
                int subPart = rs.getInt(6);
                Integer length = rs.wasNull() ? null : subPart;
                IndexColumn col = new IndexColumn(rs.getString(4), sort, length, null);
                if (index.equals("PRIMARY")) {
                    table.pkColumns.add(col);
                    continue;
                }
                List<Object> entry = found.computeIfAbsent(table.name, k -> new LinkedHashMap<>())
                        .computeIfAbsent(index, k -> new ArrayList<>());
                if (entry.isEmpty()) {
                    Index.Kind kind = "FULLTEXT".equalsIgnoreCase(rs.getString(7)) ? Index.Kind.FULLTEXT
                            : rs.getInt(3) == 0 ? Index.Kind.UNIQUE : Index.Kind.NORMAL;
                    entry.add(kind);
                }
                entry.add(col);
            }
        }
        found.forEach((table, indexes) -> indexes.forEach((name, entry) -> {
            List<IndexColumn> cols = new ArrayList<>();
            for (int i = 1; i < entry.size(); i++) {
                cols.add((IndexColumn) entry.get(i));
            }
            tables.get(table).indexes.add(Index.of(name, (Index.Kind) entry.get(0), cols));
        }));
    }

    private void readForeignKeys(Connection c, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT kcu.table_name, kcu.constraint_name, kcu.column_name, kcu.referenced_table_name, "
                + "kcu.referenced_column_name, rc.delete_rule, rc.update_rule "
                + "FROM information_schema.key_column_usage kcu JOIN information_schema.referential_constraints rc "
                + "ON rc.constraint_schema = kcu.constraint_schema AND rc.constraint_name = kcu.constraint_name "
                + "AND rc.table_name = kcu.table_name "
                + "WHERE kcu.table_schema = DATABASE() AND kcu.referenced_table_name IS NOT NULL "
                + "ORDER BY kcu.table_name, kcu.constraint_name, kcu.ordinal_position";
        Map<String, Map<String, Object[]>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!tables.containsKey(rs.getString(1))) {
                    continue;
                }
                Object[] e = found.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new Object[] {new ArrayList<String>(),
                                new ArrayList<String>(), null, null, null});
                @SuppressWarnings("unchecked")
                List<String> cols = (List<String>) e[0];
                @SuppressWarnings("unchecked")
                List<String> refs = (List<String>) e[1];
                cols.add(rs.getString(3));
                refs.add(rs.getString(5));
                e[2] = rs.getString(4);
                e[3] = ForeignKeyAction.ofSql(rs.getString(6));
                e[4] = ForeignKeyAction.ofSql(rs.getString(7));
            }
        }
        found.forEach((table, fks) -> fks.forEach((name, e) -> {
            @SuppressWarnings("unchecked")
            List<String> cols = (List<String>) e[0];
            @SuppressWarnings("unchecked")
            List<String> refs = (List<String>) e[1];
            tables.get(table).foreignKeys.add(new ForeignKey(name, cols, null, (String) e[2], refs,
                    (ForeignKeyAction) e[3], (ForeignKeyAction) e[4]));
        }));
    }
}
