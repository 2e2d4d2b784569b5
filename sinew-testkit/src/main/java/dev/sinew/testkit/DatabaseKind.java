package dev.sinew.testkit;

/**
 * The kinds of database a test can ask for, named after the Prisma provider whose connector they exercise.
 */
public enum DatabaseKind {
    /** SQLite in process: a fresh file in a temporary directory. */
    SQLITE("sqlite"),
    /** PostgreSQL: an embedded server started by the test run, or the server named by {@code SINEW_TEST_POSTGRES_URL}. */
    POSTGRESQL("postgresql"),
    /**
     * The MySQL connector's server: an embedded MariaDB started by the test run, or the server named by
     * {@code SINEW_TEST_MYSQL_URL} (MySQL, MariaDB, TiDB, Vitess...).
     */
    MYSQL("mysql");

    private final String provider;

    DatabaseKind(String provider) {
        this.provider = provider;
    }

    /** The value of a schema's {@code datasource provider} for this kind. */
    public String provider() {
        return provider;
    }
}
