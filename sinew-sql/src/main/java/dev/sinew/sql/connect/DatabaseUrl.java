package dev.sinew.sql.connect;

import dev.sinew.schema.model.Provider;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A database address as a Prisma schema or a command line writes it, mapped to JDBC: Prisma's URLs
 * ({@code postgresql://user:pw@host:5432/db?schema=public}, {@code postgres://…}, {@code mysql://…},
 * {@code file:./dev.db}, {@code sqlserver://host:1433;database=db;user=sa;password=…}) and JDBC URLs
 * ({@code jdbc:postgresql://…}, {@code jdbc:mysql://…}, {@code jdbc:mariadb://…}, {@code jdbc:sqlite:…},
 * {@code jdbc:sqlserver://…}). Credentials travel as connection properties, never in the JDBC URL.
 */
public final class DatabaseUrl {

    /** The database family a URL addresses, which decides its driver. */
    public enum Family {
        SQLITE("SQLite", "org.sqlite.JDBC"),
        POSTGRESQL("PostgreSQL", "org.postgresql.Driver"),
        MYSQL("MySQL", "org.mariadb.jdbc.Driver"),
        SQLSERVER("SQL Server", "com.microsoft.sqlserver.jdbc.SQLServerDriver");

        private final String displayName;
        private final String driverClass;

        Family(String displayName, String driverClass) {
            this.displayName = displayName;
            this.driverClass = driverClass;
        }

        /** The name Prisma's messages give the database: {@code PostgreSQL}, {@code SQLite}, … */
        public String displayName() {
            return displayName;
        }

        /** The JDBC driver class that serves this family. */
        public String driverClass() {
            return driverClass;
        }

        /** The family whose URLs a datasource provider takes (CockroachDB speaks PostgreSQL's protocol). */
        public static Family of(Provider provider) {
            return switch (provider) {
                case POSTGRESQL, COCKROACHDB -> POSTGRESQL;
                case MYSQL -> MYSQL;
                case SQLITE -> SQLITE;
                case SQLSERVER -> SQLSERVER;
                case MONGODB -> throw new ConnectionSettingsException("C310", "MongoDB has no SQL schema to migrate",
                        "use a relational provider (postgresql, mysql, sqlite, sqlserver, cockroachdb)");
            };
        }
    }

    private static final int POSTGRES_PORT = 5432;
    private static final int MYSQL_PORT = 3306;
    private static final int SQLSERVER_PORT = 1433;

    private final Family family;
    private final String given;
    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final String host;
    private final int port;
    private final String database;
    private final String schema;
    private final Path file;
    private final Pool pool;

    /**
     * Prisma's settings of its connection pool in a URL ({@code connection_limit}, {@code pool_timeout} in seconds,
     * 0: no limit), which the client gives its pool; each null where the URL has none.
     */
    public record Pool(Integer connectionLimit, Integer timeoutSeconds) {
        static final Pool NONE = new Pool(null, null);

        static Pool of(Map<String, String> query) {
            return new Pool(count(query.get("connection_limit"), "connection_limit", 1),
                    count(query.get("pool_timeout"), "pool_timeout", 0));
        }

        private static Integer count(String value, String name, int least) {
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= least) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid("`" + name + "=" + value + "` must be a whole number" + (least == 1 ? " of at least 1."
                    : " of seconds (0: no limit)."));
        }
    }

    private DatabaseUrl(Family family, String given, String jdbcUrl, Map<String, String> properties, String host,
                        int port, String database, String schema, Path file) {
        this(family, given, jdbcUrl, properties, host, port, database, schema, file, Pool.NONE);
    }

    private DatabaseUrl(Family family, String given, String jdbcUrl, Map<String, String> properties, String host,
                        int port, String database, String schema, Path file, Pool pool) {
        this.pool = pool;
        this.family = family;
        this.given = given;
        this.jdbcUrl = jdbcUrl;
        this.properties = Map.copyOf(properties);
        this.host = host;
        this.port = port;
        this.database = database;
        this.schema = schema;
        this.file = file;
    }

    /**
     * Parses a URL.
     *
     * @param url           a Prisma or JDBC URL
     * @param baseDirectory where a relative SQLite path starts (the schema file's directory for a URL from the
     *                      schema, as Prisma resolves it; the working directory for one from the command line)
     * @throws ConnectionSettingsException {@code P1013} when the URL cannot be read
     */
    public static DatabaseUrl parse(String url, Path baseDirectory) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("sqlite:")) {
            return sqlite(trimmed, trimmed.substring(trimmed.indexOf(':') + 1), baseDirectory);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqlite(trimmed, trimmed.substring("jdbc:sqlite:".length()), baseDirectory);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return server(Family.POSTGRESQL, trimmed, trimmed.substring(trimmed.indexOf("://") + 3), false);
        }
        if (lower.startsWith("jdbc:postgresql://")) {
            return server(Family.POSTGRESQL, trimmed, trimmed.substring("jdbc:postgresql://".length()), true);
        }
        if (lower.startsWith("mysql://") || lower.startsWith("mariadb://")) {
            return server(Family.MYSQL, trimmed, trimmed.substring(trimmed.indexOf("://") + 3), false);
        }
        if (lower.startsWith("jdbc:mysql://") || lower.startsWith("jdbc:mariadb://")) {
            return server(Family.MYSQL, trimmed, trimmed.substring(trimmed.indexOf("://") + 3), true);
        }
        if (lower.startsWith("sqlserver://") || lower.startsWith("jdbc:sqlserver://")) {
            return sqlServer(trimmed, trimmed.substring(trimmed.indexOf("://") + 3));
        }
        if (lower.startsWith("prisma://") || lower.startsWith("prisma+postgres://")) {
            throw invalid("Sinew connects to the database itself; a Prisma Accelerate URL (" + scheme(trimmed)
                    + "://) names a proxy, not a database.");
        }
        throw invalid("The URL must start with one of the protocols `postgresql://`, `postgres://`, `mysql://`, "
                + "`file:`, `sqlserver://` or `jdbc:`.");
    }

    private static String scheme(String url) {
        int i = url.indexOf("://");
        return i < 0 ? url : url.substring(0, i);
    }

    private static ConnectionSettingsException invalid(String details) {
        return new ConnectionSettingsException("P1013", "The provided database string is invalid. " + details,
                "check the datasource url (or --url); special characters in a user name or password must be "
                        + "percent-encoded");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static DatabaseUrl sqlite(String given, String rest, Path baseDirectory) {
        String path = rest;
        int query = path.indexOf('?');
        Pool pool = Pool.NONE;
        if (query >= 0) {
            pool = Pool.of(queryParameters(path.substring(query + 1))); // socket_timeout: nothing for JDBC
            path = path.substring(0, query);
        }
        if (path.startsWith("//")) {
            path = path.substring(2); // file:///absolute/path
        }
        path = decode(path);
        if (path.isEmpty()) {
            throw invalid("A SQLite URL names a file, like `file:./dev.db`.");
        }
        Path resolved = baseDirectory.resolve(path).toAbsolutePath().normalize();
        return new DatabaseUrl(Family.SQLITE, given, "jdbc:sqlite:" + resolved, Map.of(), null, 0,
                resolved.getFileName().toString(), null, resolved, pool);
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? decode(pair) : decode(pair.substring(0, eq)),
                    eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return parameters;
    }

    /** {@code user:pw@host:port/database?params} (Prisma) or {@code host:port/database?params} (JDBC). */
    private static DatabaseUrl server(Family family, String given, String rest, boolean jdbc) {
        int q = rest.indexOf('?');
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> query = q < 0 ? new LinkedHashMap<>() : queryParameters(rest.substring(q + 1));
        // a JDBC URL's parameters are the driver's
        Pool pool = jdbc ? Pool.NONE : Pool.of(query);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : decode(beforeQuery.substring(slash + 1));
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (jdbc) {
            user = query.containsKey("user") ? query.remove("user") : user;
            password = query.containsKey("password") ? query.remove("password") : password;
        }
        String host;
        int port = family == Family.POSTGRESQL ? POSTGRES_PORT : MYSQL_PORT;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid("The IPv6 address in `" + authority + "` has no closing bracket.");
            }
            host = authority.substring(0, close + 1);
            authority = authority.substring(close + 1);
            if (authority.startsWith(":")) {
                port = port(authority.substring(1));
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                port = port(authority.substring(colon + 1));
            }
        }
        if (host.isEmpty()) {
            host = query.containsKey("host") && !query.get("host").startsWith("/") ? query.get("host") : "localhost";
        }
        if (database.contains("/")) {
            throw invalid("The database name `" + database + "` contains a slash.");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (user != null && !user.isEmpty()) {
            properties.put("user", user);
        }
        if (password != null) {
            properties.put("password", password);
        }
        String schema = null;
        if (family == Family.POSTGRESQL) {
            if (database.isEmpty()) {
                database = "postgres";
            }
            schema = jdbc ? query.getOrDefault("currentSchema", "public") : query.getOrDefault("schema", "public");
            postgresParameters(query, properties, jdbc, schema);
        } else {
            if (database.isEmpty()) {
                throw invalid("A MySQL URL names its database, like `mysql://user:password@localhost:3306/mydb`.");
            }
            mysqlParameters(query, properties, jdbc);
        }
        String jdbcUrl = (family == Family.POSTGRESQL ? "jdbc:postgresql://" : "jdbc:mariadb://") + host + ":" + port
                + "/" + encodePath(database);
        return new DatabaseUrl(family, given, jdbcUrl, properties, host, port, database, schema, null, pool);
    }

    private static void postgresParameters(Map<String, String> query, Map<String, String> properties, boolean jdbc,
                                           String schema) {
        if (jdbc) {
            properties.putAll(query);
            properties.put("currentSchema", schema);
            return;
        }
        properties.put("currentSchema", schema);
        query.forEach((key, value) -> {
            switch (key) {
                case "sslmode" -> properties.put("sslmode", value);
                case "sslcert" -> properties.put("sslcert", value);
                case "sslrootcert" -> properties.put("sslrootcert", value);
                case "sslpassword" -> properties.put("sslpassword", value);
                case "connect_timeout" -> properties.put("connectTimeout", value);
                case "socket_timeout" -> properties.put("socketTimeout", value);
                case "application_name" -> properties.put("ApplicationName", value);
                case "options" -> properties.put("options", value);
                default -> {
                    // schema is read above, connection_limit and pool_timeout as the Pool; pgbouncer,
                    // statement_cache_size and sslidentity configure Prisma's own engine and TLS stack and mean
                    // nothing to JDBC.
                }
            }
        });
        properties.putIfAbsent("connectTimeout", "5");
    }

    private static void mysqlParameters(Map<String, String> query, Map<String, String> properties, boolean jdbc) {
        if (jdbc) {
            properties.putAll(query);
            properties.putIfAbsent("connectTimeout", "5000");
            return;
        }
        query.forEach((key, value) -> {
            switch (key) {
                case "sslaccept" -> properties.put("sslMode", "strict".equals(value) ? "verify-full" : "trust");
                case "sslcert" -> properties.put("serverSslCert", value);
                case "connect_timeout" -> properties.put("connectTimeout", seconds(value) * 1000 + "");
                case "socket_timeout" -> properties.put("socketTimeout", seconds(value) * 1000 + "");
                case "socket" -> properties.put("localSocket", value);
                default -> {
                    // connection_limit, pool_timeout: the Pool; sslidentity, sslpassword: Prisma's TLS settings.
                }
            }
        });
        properties.putIfAbsent("connectTimeout", "5000");
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("`" + value + "` is not a number of seconds.");
        }
    }

    /** {@code host:port;database=db;user=sa;password=…} (Prisma) or {@code host:port;databaseName=db;…} (JDBC). */
    private static DatabaseUrl sqlServer(String given, String rest) {
        String[] parts = rest.split(";");
        String authority = parts[0];
        String host = authority;
        int port = SQLSERVER_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = port(authority.substring(colon + 1));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        String database = "master";
        String schema = "dbo";
        StringBuilder jdbc = new StringBuilder("jdbc:sqlserver://").append(host).append(':').append(port);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (value.startsWith("{") && value.endsWith("}")) {
                value = value.substring(1, value.length() - 1);
            }
            switch (key.toLowerCase(Locale.ROOT)) {
                case "database", "initial catalog", "databasename" -> database = value;
                case "user", "username", "uid", "userid" -> properties.put("user", value);
                case "password", "pwd" -> properties.put("password", value);
                case "schema" -> schema = value;
                case "encrypt" -> properties.put("encrypt", value);
                case "trustservercertificate" -> properties.put("trustServerCertificate", value);
                case "connecttimeout", "logintimeout" -> properties.put("loginTimeout", value);
                default -> {
                    // Prisma's pool settings (connection_limit, pool_timeout, socketTimeout, isolationLevel).
                }
            }
        }
        jdbc.append(";databaseName=").append(database);
        return new DatabaseUrl(Family.SQLSERVER, given, jdbc.toString(), properties, host, port, database, schema,
                null);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port <= 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw invalid("`" + text + "` is not a port number.");
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("`" + text + "` has a malformed percent-encoding.");
        }
    }

    private static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------------------------------------------------------

    public Family family() {
        return family;
    }

    /** The URL as it was given. */
    public String given() {
        return given;
    }

    /** The JDBC URL, without the credentials (see {@link #connectionProperties()}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user, password and driver settings to connect with. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The user to connect as, or null (SQLite, or none given). */
    public String user() {
        return properties.get("user");
    }

    /** The server's host name; null for SQLite. */
    public String host() {
        return host;
    }

    /** The server's port; 0 for SQLite. */
    public int port() {
        return port;
    }

    /** The database: its name on the server, or the SQLite file's name. */
    public String database() {
        return database;
    }

    /** The PostgreSQL schema ({@code ?schema=}, else {@code public}); SQL Server's; null elsewhere. */
    public String schema() {
        return schema;
    }

    /** Prisma's pool settings given in the URL. */
    public Pool pool() {
        return pool;
    }

    /** The SQLite file, absolute; null for a server. */
    public Path file() {
        return file;
    }

    /**
     * Where the database is, as Prisma's messages say it: {@code localhost:5432} for a server, the URL as given
     * ({@code file:./dev.db}) for SQLite.
     */
    public String location() {
        return family == Family.SQLITE ? given : host + ":" + port;
    }

    /** The same server with another database (a shadow database, the server's maintenance database). */
    public DatabaseUrl withDatabase(String otherDatabase) {
        if (family == Family.SQLITE) {
            Path other = file.resolveSibling(otherDatabase);
            return new DatabaseUrl(family, "file:" + other, "jdbc:sqlite:" + other, properties, null, 0,
                    otherDatabase, null, other, pool);
        }
        String url = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + encodePath(otherDatabase);
        if (family == Family.SQLSERVER) {
            url = jdbcUrl.replaceAll(";databaseName=[^;]*", "") + ";databaseName=" + otherDatabase;
        }
        return new DatabaseUrl(family, given, url, properties, host, port, otherDatabase, schema, null, pool);
    }

    /** The same SQLite family at another file. */
    public static DatabaseUrl sqliteFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new DatabaseUrl(Family.SQLITE, "file:" + absolute, "jdbc:sqlite:" + absolute, Map.of(), null, 0,
                absolute.getFileName().toString(), null, absolute);
    }

    /** Whether a datasource with this provider can use this URL. */
    public boolean suits(Provider provider) {
        return provider.isRelational() && Family.of(provider) == family;
    }

    /** The protocols a provider's URL must start with, as Prisma's validation message lists them. */
    public static String expectedProtocols(Provider provider) {
        return switch (provider) {
            case POSTGRESQL, COCKROACHDB -> "`postgresql://` or `postgres://`";
            case MYSQL -> "`mysql://`";
            case SQLITE -> "`file:`";
            case SQLSERVER -> "`sqlserver://`";
            case MONGODB -> "`mongodb://` or `mongodb+srv://`";
        };
    }

    @Override
    public String toString() {
        return jdbcUrl + (properties.isEmpty() ? "" : " " + properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + ("password".equals(e.getKey()) ? "***" : e.getValue()))
                .collect(Collectors.joining(",", "{", "}")));
    }
}
