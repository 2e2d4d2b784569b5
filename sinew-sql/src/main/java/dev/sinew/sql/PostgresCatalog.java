package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the current schema of a PostgreSQL database from pg_catalog. */
final class PostgresCatalog {

    private static final Pattern FORMATTED_TYPE = Pattern.compile("^([a-z ]+?)(?:\\(([^)]*)\\))?( [a-z ]+)?$");
    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.+)'::regclass\\)$");
    private static final Pattern CAST_SUFFIX = Pattern.compile("::(?:\"(?:[^\"]|\"\")+\"|[a-zA-Z_ ]+)(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?$");

    private final PostgresDialect dialect;

    PostgresCatalog(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    SqlSchema read(Connection connection) throws SQLException {
        String schema;
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_schema()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            schema = rs.getString(1);
        }
        List<SqlEnum> enums = readEnums(connection, schema);
        Map<String, TableBuilder> tables = readTables(connection, schema);
        readColumns(connection, schema, tables);
        readPrimaryKeys(connection, schema, tables);
        readIndexes(connection, schema, tables);
        readForeignKeys(connection, schema, tables);
        List<Extension> extensions = readExtensions(connection);
        List<Table> result = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            if (!t.name.equals("_prisma_migrations")) {
                result.add(t.build());
            }
        }
        return new SqlSchema(List.of(schema), extensions, enums, result);
    }

    private List<SqlEnum> readEnums(Connection c, String schema) throws SQLException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String sql = "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON t.oid = e.enumtypid "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? ORDER BY t.typname, e.enumsortorder";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<SqlEnum> out = new ArrayList<>();
        values.forEach((name, vs) -> out.add(new SqlEnum(null, name, vs)));
        return out;
    }

    private Map<String, TableBuilder> readTables(Connection c, String schema) throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        String sql = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    tables.put(name, new TableBuilder(name));
                }
            }
        }
        return tables;
    }

    private void readColumns(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT cl.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory, "
                + "et.typname, et.typtype, a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity "
                + "FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = cl.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
                + "JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE n.nspname = ? AND cl.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY cl.relname, a.attnum";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableBuilder table = tables.get(rs.getString(1));
                    if (table == null) {
                        continue;
                    }
                    String name = rs.getString(2);
                    String formatted = rs.getString(3);
                    boolean array = "A".equals(rs.getString(4));
                    String elementName = rs.getString(5);
                    boolean isEnum = "e".equals(rs.getString(6));
                    boolean notNull = rs.getBoolean(7);
                    String defaultExpr = rs.getString(8);
                    String identity = rs.getString(9);
                    ColumnType type = isEnum ? ColumnType.enumType(elementName)
                            : columnType(array ? formatted.substring(0, formatted.length() - 2) : formatted);
                    Arity arity = array ? Arity.LIST : notNull ? Arity.REQUIRED : Arity.NULLABLE;
                    Column column = Column.of(name, type, arity);
                    if (identity != null && !identity.isEmpty()) {
                        column = column.withAutoIncrement(true);
                    } else if (defaultExpr != null) {
                        ColumnDefault dflt = parseDefault(defaultExpr, type, array);
                        column = column.withDefault(dflt).withAutoIncrement(dflt instanceof ColumnDefault.Sequence);
                    }
                    table.columns.add(column);
                }
            }
        }
    }

    /** A type as {@code format_type} prints it, e.g. {@code timestamp(3) without time zone}, in Prisma's notation. */
    static ColumnType columnType(String formatted) {
        Matcher m = FORMATTED_TYPE.matcher(formatted);
        if (m.matches()) {
            String base = m.group(1) + (m.group(3) == null ? "" : m.group(3));
            String name = PostgresDialect.CATALOG_TYPES.get(base);
            if (name != null) {
                String args = m.group(2);
                String nativeType = args == null ? name : name + "(" + args.replace(" ", "") + ")";
                return ColumnType.of(familyOf(name), nativeType);
            }
        }
        return ColumnType.of(Family.UNSUPPORTED, formatted);
    }

    static Family familyOf(String nativeName) {
        return switch (nativeName) {
            case "Integer", "SmallInt", "Oid" -> Family.INT;
            case "BigInt" -> Family.BIGINT;
            case "DoublePrecision", "Real" -> Family.FLOAT;
            case "Decimal", "Money" -> Family.DECIMAL;
            case "Boolean" -> Family.BOOLEAN;
            case "Timestamp", "Timestamptz", "Date", "Time", "Timetz" -> Family.DATETIME;
            case "Json", "JsonB" -> Family.JSON;
            case "ByteA" -> Family.BYTES;
            default -> Family.STRING;
        };
    }

    /** A default expression as {@code pg_get_expr} prints it, read back into the form the calculation produces. */
    static ColumnDefault parseDefault(String expr, ColumnType type, boolean array) {
        String e = expr.trim();
        Matcher seq = NEXTVAL.matcher(e);
        if (seq.matches()) {
            String name = seq.group(1);
            if (name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            return new ColumnDefault.Sequence(name);
        }
        if (e.equalsIgnoreCase("CURRENT_TIMESTAMP") || e.equalsIgnoreCase("now()")) {
            return new ColumnDefault.Now();
        }
        if (array) {
            List<String> items = parseArray(e);
            return items == null ? new ColumnDefault.DbGenerated(expr) : new ColumnDefault.ListValue(items);
        }
        String literal = literal(e);
        if (literal == null) {
            return new ColumnDefault.DbGenerated(expr);
        }
        return switch (type.family()) {
            case BYTES -> literal.startsWith("\\x") ? new ColumnDefault.Value(literal.substring(2))
                    : new ColumnDefault.DbGenerated(expr);
            case DATETIME -> new ColumnDefault.Value(isoDateTime(literal));
            case INT, BIGINT, FLOAT, DECIMAL -> NUMBER.matcher(literal).matches() ? new ColumnDefault.Value(literal)
                    : new ColumnDefault.DbGenerated(expr);
            case BOOLEAN -> literal.equals("true") || literal.equals("false") ? new ColumnDefault.Value(literal)
                    : new ColumnDefault.DbGenerated(expr);
            default -> new ColumnDefault.Value(literal);
        };
    }

    /** The value of a literal expression ({@code 'a''b'::text}, {@code 42}, {@code (-1)}, {@code true}); null if not one. */
    private static String literal(String expr) {
        String e = expr;
        while (e.startsWith("(") && e.endsWith(")")) {
            e = e.substring(1, e.length() - 1).trim();
        }
        Matcher cast;
        while ((cast = CAST_SUFFIX.matcher(e)).find()) {
            e = e.substring(0, cast.start()).trim();
            while (e.startsWith("(") && e.endsWith(")")) {
                e = e.substring(1, e.length() - 1).trim();
            }
        }
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
            return e.substring(1, e.length() - 1).replace("''", "'");
        }
        if (NUMBER.matcher(e).matches() || e.equals("true") || e.equals("false")) {
            return e;
        }
        return null;
    }

    /** {@code ARRAY['a'::text, 'b'::text]} or {@code '{a,b}'::text[]} into its items; null if neither. */
    private static List<String> parseArray(String expr) {
        String e = expr.trim();
        Matcher cast = CAST_SUFFIX.matcher(e);
        if (e.startsWith("ARRAY[")) {
            int end = e.lastIndexOf(']');
            String inner = e.substring(6, end).trim();
            List<String> items = new ArrayList<>();
            if (inner.isEmpty()) {
                return items;
            }
            for (String part : splitTopLevel(inner)) {
                String v = literal(part.trim());
                if (v == null) {
                    return null;
                }
                items.add(v);
            }
            return items;
        }
        if (cast.find()) {
            String lit = e.substring(0, cast.start());
            if (lit.startsWith("'{") && lit.endsWith("}'")) {
                String inner = lit.substring(2, lit.length() - 2);
                List<String> items = new ArrayList<>();
                if (!inner.isEmpty()) {
                    for (String part : inner.split(",")) {
                        String p = part;
                        if (p.startsWith("\"") && p.endsWith("\"")) {
                            p = p.substring(1, p.length() - 1).replace("\\\"", "\"");
                        }
                        items.add(p);
                    }
                }
                return items;
            }
        }
        return null;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** PostgreSQL's {@code 2020-01-01 10:11:12.345+02} as ISO-8601, UTC when it carries no offset. */
    static String isoDateTime(String text) {
        String t = text.trim().replace(' ', 'T');
        Matcher m = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)T?([+-]\\d{2}(?::?\\d{2})?)?$")
                .matcher(t);
        if (!m.matches()) {
            return text;
        }
        String offset = m.group(2);
        if (offset == null || offset.equals("+00") || offset.equals("+00:00")) {
            return m.group(1) + "Z";
        }
        if (offset.length() == 3) {
            offset = offset + ":00";
        }
        return m.group(1) + offset;
    }

    private void readPrimaryKeys(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT t.relname, con.conname, a.attname FROM pg_constraint con "
                + "JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                + "WHERE con.contype = 'p' AND n.nspname = ? ORDER BY t.relname, k.ord";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableBuilder table = tables.get(rs.getString(1));
                    if (table != null) {
                        table.pkName = rs.getString(2);
                        table.pkColumns.add(IndexColumn.of(rs.getString(3)));
                    }
                }
            }
        }
    }

    private void readIndexes(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT t.relname, i.relname, ix.indisunique, am.amname, a.attname, "
                + "(ix.indoption[k.ord - 1] & 1) = 1, opc.opcname, opc.opcdefault "
                + "FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam "
                + "CROSS JOIN LATERAL unnest(ix.indkey::int2[], ix.indclass::oid[]) WITH ORDINALITY AS k(attnum, opclass, ord) "
                + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
                + "LEFT JOIN pg_opclass opc ON opc.oid = k.opclass "
                + "WHERE n.nspname = ? AND NOT ix.indisprimary AND ix.indexprs IS NULL "
                + "ORDER BY t.relname, i.relname, k.ord";
        Map<String, Map<String, Object[]>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableBuilder table = tables.get(rs.getString(1));
                    if (table == null) {
                        continue;
                    }
                    String indexName = rs.getString(2);
                    Object[] entry = found.computeIfAbsent(table.name, k -> new LinkedHashMap<>())
                            .computeIfAbsent(indexName, k -> new Object[] {null, null, new ArrayList<IndexColumn>()});
                    entry[0] = rs.getBoolean(3);
                    entry[1] = algorithm(rs.getString(4));
                    String opclass = rs.getBoolean(8) ? null : rs.getString(7);
                    IndexColumn.SortOrder sort = rs.getBoolean(6) ? IndexColumn.SortOrder.DESC : null;
                    @SuppressWarnings("unchecked")
                    List<IndexColumn> cols = (List<IndexColumn>) entry[2];
                    cols.add(new IndexColumn(rs.getString(5), sort, null, opclass));
                }
            }
        }
        found.forEach((tableName, indexes) -> indexes.forEach((name, entry) -> {
            @SuppressWarnings("unchecked")
            List<IndexColumn> cols = (List<IndexColumn>) entry[2];
            Index.Kind kind = (Boolean) entry[0] ? Index.Kind.UNIQUE : Index.Kind.NORMAL;
            tables.get(tableName).indexes.add(new Index(name, kind, cols, (String) entry[1], null));
        }));
    }

    private static String algorithm(String amname) {
        return switch (amname) {
            case "hash" -> "Hash";
            case "gist" -> "Gist";
            case "gin" -> "Gin";
            case "spgist" -> "SpGist";
            case "brin" -> "Brin";
            default -> null;
        };
    }

    private void readForeignKeys(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT t.relname, con.conname, rt.relname, rn.nspname, con.confdeltype, con.confupdtype, "
                + "a.attname, ra.attname FROM pg_constraint con "
                + "JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "JOIN pg_class rt ON rt.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rt.relnamespace "
                + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                + "JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refattnum "
                + "WHERE con.contype = 'f' AND n.nspname = ? ORDER BY t.relname, con.conname, k.ord";
        Map<String, Map<String, Object[]>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!tables.containsKey(rs.getString(1))) {
                        continue;
                    }
                    Object[] e = found.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new Object[6]);
                    e[0] = rs.getString(3);
                    e[1] = schema.equals(rs.getString(4)) ? null : rs.getString(4);
                    e[2] = action(rs.getString(5));
                    e[3] = action(rs.getString(6));
                    if (e[4] == null) {
                        e[4] = new ArrayList<String>();
                        e[5] = new ArrayList<String>();
                    }
                    @SuppressWarnings("unchecked")
                    List<String> cols = (List<String>) e[4];
                    @SuppressWarnings("unchecked")
                    List<String> refs = (List<String>) e[5];
                    cols.add(rs.getString(7));
                    refs.add(rs.getString(8));
                }
            }
        }
        found.forEach((tableName, fks) -> fks.forEach((name, e) -> {
            @SuppressWarnings("unchecked")
            List<String> cols = (List<String>) e[4];
            @SuppressWarnings("unchecked")
            List<String> refs = (List<String>) e[5];
            tables.get(tableName).foreignKeys.add(new ForeignKey(name, cols, (String) e[1], (String) e[0], refs,
                    (ForeignKeyAction) e[2], (ForeignKeyAction) e[3]));
        }));
    }

    private static ForeignKeyAction action(String code) {
        return switch (code) {
            case "r" -> ForeignKeyAction.RESTRICT;
            case "c" -> ForeignKeyAction.CASCADE;
            case "n" -> ForeignKeyAction.SET_NULL;
            case "d" -> ForeignKeyAction.SET_DEFAULT;
            default -> ForeignKeyAction.NO_ACTION;
        };
    }

    private List<Extension> readExtensions(Connection c) throws SQLException {
        List<Extension> out = new ArrayList<>();
        String sql = "SELECT e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql' ORDER BY e.extname";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Extension(rs.getString(1), null, null));
            }
        }
        return out;
    }
}
