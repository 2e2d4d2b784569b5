package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the schema of a SQLite database from sqlite_master and the table pragmas. */
final class SqliteCatalog {

    private static final Pattern NAMED_FK = Pattern.compile(
            "CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\w+)\\s+FOREIGN\\s+KEY\\s*\\(([^)]*)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?$");
    private static final Pattern SQLITE_DATETIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?) ?([+-]\\d{2}:\\d{2})?$");

    SqlSchema read(Connection connection) throws SQLException {
        Map<String, String> tableSql = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")) {
            while (rs.next()) {
                tableSql.put(rs.getString(1), rs.getString(2));
            }
        }
        List<Table> tables = new ArrayList<>();
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        for (var entry : tableSql.entrySet()) {
            tables.add(readTable(connection, entry.getKey(), entry.getValue(), primaryKeys));
        }
        // A foreign key that names no referenced columns points at the referenced table's primary key.
        List<Table> resolved = new ArrayList<>();
        for (Table t : tables) {
            List<ForeignKey> fks = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedColumns().stream().anyMatch(c -> c == null)) {
                    List<String> pk = primaryKeys.getOrDefault(fk.referencedTable(), List.of());
                    fks.add(new ForeignKey(fk.name(), fk.columns(), null, fk.referencedTable(), pk, fk.onDelete(),
                            fk.onUpdate()));
                } else {
                    fks.add(fk);
                }
            }
            resolved.add(t.withForeignKeys(fks));
        }
        return new SqlSchema(List.of(), List.of(), List.of(), resolved);
    }

    private Table readTable(Connection c, String name, String sql, Map<String, List<String>> primaryKeys)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> pkByPosition = new java.util.TreeMap<>();
        Map<String, String> declaredTypes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, \"notnull\", dflt_value, pk "
                + "FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    String declared = rs.getString(2) == null ? "" : rs.getString(2);
                    boolean notNull = rs.getBoolean(3);
                    String dflt = rs.getString(4);
                    int pk = rs.getInt(5);
                    if (pk > 0) {
                        pkByPosition.put(pk, column);
                    }
                    declaredTypes.put(column, declared);
                    Family family = SqliteDialect.familyOf(declared);
                    ColumnType type = ColumnType.of(family, family == Family.UNSUPPORTED ? declared
                            : declared.toUpperCase(Locale.ROOT));
                    // A single-column primary key is NOT NULL even when SQLite's pragma does not say so.
                    Column col = Column.of(column, type, notNull || pk > 0 ? Arity.REQUIRED : Arity.NULLABLE);
                    if (dflt != null) {
                        col = col.withDefault(parseDefault(dflt, family));
                    }
                    columns.add(col);
                }
            }
        }
        PrimaryKey pk = null;
        if (!pkByPosition.isEmpty()) {
            List<IndexColumn> pkColumns = pkByPosition.values().stream().map(IndexColumn::of).toList();
            pk = new PrimaryKey(null, pkColumns, null);
            primaryKeys.put(name, pk.columnNames());
            if (pkColumns.size() == 1 && sql != null && sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT")
                    && declaredTypes.get(pkColumns.get(0).name()).equalsIgnoreCase("INTEGER")) {
                String pkName = pkColumns.get(0).name();
                columns.replaceAll(col -> col.name().equals(pkName) ? col.withAutoIncrement(true) : col);
            }
        }
        return new Table(null, name, columns, pk, readIndexes(c, name), readForeignKeys(c, name, sql));
    }

    private List<Index> readIndexes(Connection c, String table) throws SQLException {
        List<Index> out = new ArrayList<>();
        List<String[]> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, \"unique\", origin FROM pragma_index_list(?) "
                + "ORDER BY seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        for (String[] entry : list) {
            if ("pk".equals(entry[2])) {
                continue;
            }
            List<IndexColumn> cols = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, \"desc\" FROM pragma_index_xinfo(?) "
                    + "WHERE key = 1 ORDER BY seqno")) {
                ps.setString(1, entry[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String colName = rs.getString(1);
                        if (colName == null) {
                            cols = null; // an expression index: not something a Prisma schema describes
                            break;
                        }
                        cols.add(new IndexColumn(colName, rs.getBoolean(2) ? IndexColumn.SortOrder.DESC : null, null,
                                null));
                    }
                }
            }
            if (cols != null) {
                out.add(Index.of(entry[0], "1".equals(entry[1]) ? Index.Kind.UNIQUE : Index.Kind.NORMAL, cols));
            }
        }
        // pragma_index_list's order (newest index first) is the order Prisma's describer keeps; introspection
        // writes the @@index attributes in it.
        return out;
    }

    private List<ForeignKey> readForeignKeys(Connection c, String table, String sql) throws SQLException {
        Map<Integer, Object[]> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] e = byId.computeIfAbsent(rs.getInt(1), k -> new Object[] {null, new ArrayList<String>(),
                            new ArrayList<String>(), null, null});
                    e[0] = rs.getString(2);
                    @SuppressWarnings("unchecked")
                    List<String> from = (List<String>) e[1];
                    @SuppressWarnings("unchecked")
                    List<String> to = (List<String>) e[2];
                    from.add(rs.getString(3));
                    to.add(rs.getString(4));
                    e[3] = ForeignKeyAction.ofSql(rs.getString(5));
                    e[4] = ForeignKeyAction.ofSql(rs.getString(6));
                }
            }
        }
        // The pragma lists foreign keys last-declared first and without names: names and order come from the SQL.
        List<String[]> declared = new ArrayList<>();
        if (sql != null) {
            Matcher m = NAMED_FK.matcher(sql);
            while (m.find()) {
                declared.add(new String[] {unquote(m.group(1)), normalizeColumnList(m.group(2))});
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>(byId.values());
        java.util.Collections.reverse(entries);
        for (Object[] e : entries) {
            @SuppressWarnings("unchecked")
            List<String> from = (List<String>) e[1];
            @SuppressWarnings("unchecked")
            List<String> to = (List<String>) e[2];
            String key = String.join(",", from);
            String name = null;
            for (String[] d : declared) {
                if (d[1].equals(key)) {
                    name = d[0];
                    d[1] = "\u0000"; // each declaration names one foreign key
                    break;
                }
            }
            out.add(new ForeignKey(name, from, null, (String) e[0], to, (ForeignKeyAction) e[4],
                    (ForeignKeyAction) e[3]));
        }
        return out;
    }

    private static String normalizeColumnList(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            names.add(unquote(part.trim()));
        }
        return String.join(",", names);
    }

    private static String unquote(String identifier) {
        String s = identifier.trim();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`")
                || s.startsWith("[") && s.endsWith("]"))) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    /** A default as SQLite keeps its text, read back into the form the calculation produces. */
    static ColumnDefault parseDefault(String text, Family family) {
        String t = text.trim();
        if (t.equalsIgnoreCase("CURRENT_TIMESTAMP")) {
            return new ColumnDefault.Now();
        }
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            String value = t.substring(1, t.length() - 1).replace("''", "'");
            if (family == Family.DATETIME) {
                Matcher m = SQLITE_DATETIME.matcher(value);
                if (m.matches()) {
                    return new ColumnDefault.Value(m.group(1) + "T" + m.group(2)
                            + (m.group(3) == null ? "Z" : m.group(3)));
                }
            }
            if (family == Family.BYTES || family == Family.STRING || family == Family.DATETIME
                    || family == Family.JSON) {
                return new ColumnDefault.Value(value);
            }
            if (isNumeric(family) && NUMBER.matcher(value).matches()) {
                return new ColumnDefault.Value(value);
            }
            return new ColumnDefault.DbGenerated(t);
        }
        if (isNumeric(family) && NUMBER.matcher(t).matches()) {
            return new ColumnDefault.Value(t);
        }
        if (family == Family.BOOLEAN && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
            return new ColumnDefault.Value(t.toLowerCase(Locale.ROOT));
        }
        if (family == Family.JSON) {
            return new ColumnDefault.Value(t);
        }
        return new ColumnDefault.DbGenerated(t);
    }

    private static boolean isNumeric(Family family) {
        return family == Family.INT || family == Family.BIGINT || family == Family.FLOAT || family == Family.DECIMAL;
    }
}
