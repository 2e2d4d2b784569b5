package dev.sinew.testkit;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fresh databases for tests and benchmarks, outside JUnit too.
 *
 * <p>Each server is started at most once per JVM, when a database of its kind is first asked for, and stopped at
 * JVM exit. {@value #POSTGRES_URL_VARIABLE} and {@value #MYSQL_URL_VARIABLE} name servers to use instead of the
 * embedded ones (Prisma or JDBC URL form, with a user allowed to create databases); databases made there are
 * dropped again when closed.
 *
 * <p>A program that is not a test should end with {@code System.exit}: the MariaDB server's process watchers keep
 * the JVM alive otherwise.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "SINEW_TEST_POSTGRES_URL";
    public static final String MYSQL_URL_VARIABLE = "SINEW_TEST_MYSQL_URL";

    private static final Map<DatabaseKind, StartOnce> SERVERS = new EnumMap<>(DatabaseKind.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        SERVERS.put(DatabaseKind.SQLITE, new StartOnce(SqliteFiles::new));
        SERVERS.put(DatabaseKind.POSTGRESQL, new StartOnce(() -> overrideOr(DatabaseKind.POSTGRESQL,
                POSTGRES_URL_VARIABLE, () -> new PostgresServer(EmbeddedPostgresServer.start()))));
        SERVERS.put(DatabaseKind.MYSQL, new StartOnce(() -> overrideOr(DatabaseKind.MYSQL,
                MYSQL_URL_VARIABLE, () -> new MySqlServer(EmbeddedMariaDbServer.start()))));
    }

    private TestDatabases() {}

    /**
     * Creates a new, empty database; the caller closes it to drop it.
     *
     * @param nameHint a word for the database's name (a test class's name, say); a random suffix makes it unique
     * @throws IllegalStateException when the server cannot be started or reached, saying why
     */
    public static TestDatabase create(DatabaseKind kind, String nameHint) {
        return SERVERS.get(kind).get().createDatabase(databaseName(nameHint));
    }

    /** {@code sinew_<hint>_<8 hex digits>}: lower case, within every server's identifier limit. */
    static String databaseName(String hint) {
        String word = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (word.length() > 40) {
            word = word.substring(0, 40);
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return "sinew_" + (word.isEmpty() ? "" : word + "_") + HexFormat.of().formatHex(suffix);
    }

    private static DatabaseServer overrideOr(DatabaseKind kind, String variable, Supplier<DatabaseServer> embedded) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            return embedded.get();
        }
        ServerAddress address;
        try {
            address = ServerAddress.parse(url, kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not a usable " + kind.provider() + " server URL: "
                    + e.getMessage(), e);
        }
        System.err.printf("sinew-testkit: using the %s server at %s:%d named by %s%n", kind.provider(),
                address.host(), address.port(), variable);
        return kind == DatabaseKind.POSTGRESQL ? new PostgresServer(address) : new MySqlServer(address);
    }

    /**
     * A server started on first use. A failed start is remembered and reported to every later caller, so that a
     * broken server costs one start attempt per run rather than one per test class.
     */
    private static final class StartOnce {
        private final Supplier<DatabaseServer> starter;
        private DatabaseServer server;
        private RuntimeException failure;

        StartOnce(Supplier<DatabaseServer> starter) {
            this.starter = starter;
        }

        synchronized DatabaseServer get() {
            if (server == null && failure == null) {
                try {
                    server = starter.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return server;
        }
    }
}
