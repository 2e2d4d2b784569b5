package dev.sinew.cli;

import dev.sinew.schema.model.ConfigValue;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.Provider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The database a command connects to: a URL written the way Prisma writes it ({@code file:./dev.db},
 * {@code postgresql://user:password@host:5432/db?schema=public}, {@code mysql://user:password@host:3306/db}) or a
 * JDBC URL, taken from {@code --url}, else from the datasource's {@code url} ({@code env("DATABASE_URL")} is read
 * from the environment, then from a {@code .env} file in the working directory or next to the schema), and turned
 * into a JDBC connection.
 *
 * <p>A relative SQLite path is relative to the schema file's directory, as in Prisma's schema-file URLs.
 */
final class DatabaseUrl {
    private final Provider provider;
    private final String jdbcUrl;
    private final Properties properties;
    private final String host;
    private final String port;
    private final String database;
    private final Path sqliteFile;

    private DatabaseUrl(Provider provider, String jdbcUrl, Properties properties, String host, String port,
                        String database, Path sqliteFile) {
        this.provider = provider;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.host = host;
        this.port = port;
        this.database = database;
        this.sqliteFile = sqliteFile;
    }

    /** The URL of the datasource, or {@code override} when given. */
    static DatabaseUrl resolve(Datasource datasource, String override, Path schemaDirectory, Path workingDirectory) {
        String url = override != null ? override : fromDatasource(datasource, schemaDirectory, workingDirectory);
        return parse(datasource.provider(), url.strip(), schemaDirectory);
    }

    private static String fromDatasource(Datasource datasource, Path schemaDirectory, Path workingDirectory) {
        ConfigValue value = datasource.url();
        if (value == null) {
            throw new CliException(CliError.DATABASE_URL_MISSING, "the datasource \"" + datasource.name()
                    + "\" has no url, and no --url was given",
                    "pass the database URL with --url, or add url = env(\"DATABASE_URL\") to the datasource");
        }
        if (value instanceof ConfigValue.Env env) {
            String fromEnvironment = System.getenv(env.variable());
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return fromEnvironment;
            }
            for (Path directory : List.of(workingDirectory, schemaDirectory)) {
                Optional<String> fromFile = DotEnv.read(directory.resolve(".env")).map(m -> m.get(env.variable()));
                if (fromFile.isPresent() && fromFile.get() != null && !fromFile.get().isBlank()) {
                    return fromFile.get();
                }
            }
            throw new CliException(CliError.DATABASE_URL_MISSING, "the environment variable " + env.variable()
                    + " that the datasource's url reads is not set",
                    "set " + env.variable() + " in the environment or in a .env file, or pass --url");
        }
        return value.resolve(Map.of()).orElseThrow(() -> new CliException(CliError.DATABASE_URL_INVALID,
                "the datasource's url is not a string", "write url = \"...\" or url = env(\"DATABASE_URL\")"));
    }

    static DatabaseUrl parse(Provider provider, String url, Path schemaDirectory) {
        if (url.startsWith("jdbc:")) {
            return new DatabaseUrl(provider, url, new Properties(), null, null, null, null);
        }
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        return switch (provider.schemaName()) {
            case "sqlite" -> sqlite(provider, url, scheme, schemaDirectory);
            case "postgresql", "cockroachdb" -> server(provider, url, scheme, List.of("postgresql", "postgres"),
                    "jdbc:postgresql://", "5432");
            case "mysql" -> server(provider, url, scheme, List.of("mysql", "mariadb"), "jdbc:mariadb://", "3306");
            default -> throw new CliException(CliError.DATASOURCE_UNSUPPORTED, "the " + provider.displayName()
                    + " provider has no SQL database to connect to", "use a sqlite, postgresql or mysql datasource");
        };
    }

    private static DatabaseUrl sqlite(Provider provider, String url, String scheme, Path schemaDirectory) {
        if (!scheme.equals("file")) {
            throw invalid(url, "a sqlite datasource's URL must start with the protocol `file:`",
                    "write it as file:./dev.db");
        }
        String path = url.substring("file:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        Path file = schemaDirectory.resolve(path).normalize();
        return new DatabaseUrl(provider, "jdbc:sqlite:" + file, new Properties(), null, null, file.getFileName()
                .toString(), file);
    }

    private static DatabaseUrl server(Provider provider, String url, String scheme, List<String> schemes,
                                      String jdbcPrefix, String defaultPort) {
        if (!schemes.contains(scheme)) {
            throw invalid(url, "a " + provider.schemaName() + " datasource's URL must start with the protocol `"
                    + String.join("://` or `", schemes) + "://`", "check the URL given to --url or in the datasource");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "the URL cannot be read: " + e.getReason(),
                    "percent-encode special characters of the user name and password (@ is %40)");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "the URL names no host", "write it as " + schemes.get(0) + "://user:password@host:"
                    + defaultPort + "/database");
        }
        Properties properties = new Properties();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            properties.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                properties.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
        }
        Map<String, String> parameters = queryParameters(uri.getRawQuery());
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        String port = uri.getPort() < 0 ? defaultPort : String.valueOf(uri.getPort());
        if (jdbcPrefix.startsWith("jdbc:postgresql")) {
            properties.setProperty("currentSchema", parameters.getOrDefault("schema", "public"));
            properties.setProperty("connectTimeout", parameters.getOrDefault("connect_timeout", "5"));
            Optional.ofNullable(parameters.get("sslmode")).ifPresent(v -> properties.setProperty("sslmode", v));
        } else {
            long seconds = Long.parseLong(parameters.getOrDefault("connect_timeout", "5"));
            properties.setProperty("connectTimeout", String.valueOf(seconds * 1000));
        }
        String jdbc = jdbcPrefix + uri.getHost() + ":" + port + "/" + database;
        return new DatabaseUrl(provider, jdbc, properties, uri.getHost(), port, database, null);
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static CliException invalid(String url, String problem, String hint) {
        return new CliException(CliError.DATABASE_URL_INVALID, "invalid database URL " + redacted(url) + ": "
                + problem, hint);
    }

    /** The URL with its password hidden, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Opens a connection; the errors that mean "no such server", "wrong credentials" and "no such database" are
     * reported with Prisma's texts (P1001, P1000, P1003).
     */
    Connection connect() {
        if (sqliteFile != null && !Files.isRegularFile(sqliteFile)) {
            throw new CliException(CliError.DATABASE_NOT_FOUND, "P1003 Database `" + database + "` does not exist at `"
                    + sqliteFile + "`", "check the path of the file: URL (it is relative to the schema file)");
        }
        try {
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    private CliException connectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage());
        String at = "`" + host + "`:`" + port + "`";
        if (state.equals("28P01") || state.equals("28000") || e.getErrorCode() == 1045) {
            String user = properties.getProperty("user", "");
            return new CliException(CliError.DATABASE_AUTHENTICATION_FAILED, "P1000 Authentication failed against "
                    + "database server at `" + host + "`, the provided database credentials for `" + user
                    + "` are not valid", "make sure to provide valid database credentials for the database server at `"
                    + host + "`", e);
        }
        if (state.equals("3D000") || e.getErrorCode() == 1049) {
            return new CliException(CliError.DATABASE_NOT_FOUND, "P1003 Database `" + database + "` does not exist on "
                    + "the database server at `" + host + ":" + port + "`",
                    "create the database, or fix its name in the URL", e);
        }
        if (state.startsWith("08") || e instanceof java.sql.SQLNonTransientConnectionException) {
            return new CliException(CliError.DATABASE_UNREACHABLE, "P1001 Can't reach database server at " + at,
                    "make sure your database server is running at " + at, e);
        }
        return new CliException(CliError.DATABASE_ERROR, "the database refused the connection: " + oneLine(message),
                "check the URL " + redacted(jdbcUrl), e);
    }

    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    Provider provider() {
        return provider;
    }

    /** How Prisma names the database it talks to: {@code SQLite database "dev.db" at "file:./dev.db"}. */
    String describe(String datasourceName) {
        if (sqliteFile != null) {
            return "Datasource \"" + datasourceName + "\": SQLite database \"" + database + "\" at \"" + sqliteFile
                    + "\"";
        }
        if (host == null) {
            return "Datasource \"" + datasourceName + "\": " + provider.displayName() + " database at \""
                    + redacted(jdbcUrl) + "\"";
        }
        String schema = properties.getProperty("currentSchema");
        return "Datasource \"" + datasourceName + "\": " + provider.displayName() + " database \"" + database + "\""
                + (schema == null ? "" : ", schema \"" + schema + "\"") + " at \"" + host + ":" + port + "\"";
    }

    /** A {@code .env} file: {@code KEY=value} lines, {@code #} comments, optional quotes and {@code export}. */
    static final class DotEnv {
        private DotEnv() {
        }

        static Optional<Map<String, String>> read(Path file) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                Map<String, String> values = new LinkedHashMap<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    if (l.startsWith("export ")) {
                        l = l.substring(7).strip();
                    }
                    int eq = l.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String key = l.substring(0, eq).strip();
                    String value = l.substring(eq + 1).strip();
                    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    } else {
                        int comment = value.indexOf(" #");
                        if (comment >= 0) {
                            value = value.substring(0, comment).strip();
                        }
                    }
                    values.put(key, value);
                }
                return Optional.of(values);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
