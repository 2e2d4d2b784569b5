package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.connect.ConnectionSettingsException;
import dev.sinew.sql.connect.DatabaseUrl;
import dev.sinew.sql.connect.DatasourceUrls;
import dev.sinew.sql.connect.ProjectVariables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client for the database a Prisma schema describes, with Prisma Client's operations and relation modes.
 *
 * <pre>{@code
 * try (Sinew db = Sinew.connect(Path.of("prisma/schema.prisma"))) {
 *     db.model("User").create(Map.of("data", Map.of("email", "ada@example.com")));
 * }
 * }</pre>
 *
 * <p>With {@code relationMode = "prisma"} the client emulates every referential action itself, set-based and
 * race-free, in the transaction of the write; it also checks on create that referenced records exist (which Prisma
 * does not; {@link Builder#checkOnCreate(boolean) checkOnCreate(false)} turns that off). With
 * {@code relationMode = "foreignKeys"} (the default) the database's foreign keys do the work.
 *
 * <p>Thread-safe; holds a connection pool, so close it.
 */
public final class Sinew implements AutoCloseable {
    private final Engine engine;
    private final TransactionOptions defaultTransactionOptions;

    private Sinew(Engine engine, TransactionOptions defaultTransactionOptions) {
        this.engine = engine;
        this.defaultTransactionOptions = defaultTransactionOptions;
    }

    /** A client for the schema file, connecting to its datasource's URL. */
    public static Sinew connect(Path schema) {
        return builder().schema(schema).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The operations of a model; a validation error (P2009) when the schema has no such model. */
    public ModelClient model(String name) {
        return new ModelClient(engine.schema.model(name), engine);
    }

    /** The schema this client runs on. */
    public Datamodel datamodel() {
        return engine.schema.datamodel;
    }

    /**
     * Runs {@code body} in one interactive transaction, with the client's {@link Builder#transactionOptions
     * transaction options}: it commits when the body returns and rolls back when it throws (the exception is
     * rethrown).
     */
    public <T> T transaction(Function<Transaction, T> body) {
        return transaction(defaultTransactionOptions, body);
    }

    /**
     * {@link #transaction(TransactionOptions, Function)} at the isolation {@code level} (Prisma's
     * {@code isolationLevel}; null: the database's default), with the client's other transaction options.
     */
    public <T> T transaction(IsolationLevel level, Function<Transaction, T> body) {
        return transaction(defaultTransactionOptions.withIsolationLevel(level), body);
    }

    /**
     * Runs {@code body} in one interactive transaction with the {@code options} (Prisma's {@code $transaction}
     * options): it commits when the body returns and rolls back when it throws (the exception is rethrown). Once it
     * has run for the options' timeout it is rolled back, and its later calls and its commit fail with
     * {@code P2028}.
     *
     * <p>SQLite accepts only the isolation level {@link IsolationLevel#SERIALIZABLE} and refuses the others with
     * {@code P2023}. With {@code relationMode = "prisma"} on PostgreSQL, no level means READ COMMITTED whatever the
     * database's default, and above READ COMMITTED the writes that must find the records referencing the ones they
     * delete or re-key (an emulated cascade, SetNull or Restrict check, many-to-many join rows) fail with
     * {@code P2026}: their statements would read the transaction's snapshot and miss the records other transactions
     * add meanwhile. Every other call runs at the level asked for.
     */
    public <T> T transaction(TransactionOptions options, Function<Transaction, T> body) {
        IsolationLevel level = options.isolationLevel();
        if (level != null && !engine.dialect.choosesIsolationLevel() && level != IsolationLevel.SERIALIZABLE) {
            throw Errors.isolationLevelRefused(level);
        }
        // Begun and ended as the writes of single calls are (Engine.write): by statements where the dialect asks.
        String begin = engine.dialect.writeTransactionBegin();
        Connection connection = engine.connection();
        try {
            if (level != null && engine.dialect.choosesIsolationLevel()) {
                // for the next transaction of this connection; the pool sets the default back when it returns
                connection.setTransactionIsolation(level.jdbc());
            }
            if (begin == null) {
                connection.setAutoCommit(false);
            } else {
                Engine.execute(connection, begin);
            }
        } catch (SQLException e) {
            close(connection);
            throw engine.translate(e, null);
        }
        Transaction transaction = new Transaction(engine, connection, begin != null, options);
        try {
            T result = body.apply(transaction);
            transaction.commit();
            return result;
        } catch (SQLException e) {
            throw engine.translate(e, null);
        } finally {
            // after a failure, before its exception leaves; after a commit nothing is left, and later calls fail
            transaction.rollBack();
            close(connection);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returned to the pool, or already broken
        }
    }

    /** Runs a statement that is not emulated (as Prisma's {@code $executeRaw}), with {@code ?} parameters. */
    public int executeRaw(String sql, Object... params) {
        return engine.write(null, s -> Raw.execute(s, sql, params));
    }

    /** Runs a query that is not emulated (as Prisma's {@code $queryRaw}); column label to value per row. */
    public List<Map<String, Object>> queryRaw(String sql, Object... params) {
        return engine.read(null, s -> Raw.query(s, sql, params));
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Settings of a client. */
    public static final class Builder {
        /** HikariCP's least wait for a connection. */
        private static final long MIN_POOL_TIMEOUT_MILLIS = 250;
        private Path schema;
        private Datamodel datamodel;
        private String url;
        private boolean checkOnCreate = true;
        private int maxRetries = 4;
        private Integer poolSize;
        private TransactionOptions transactionOptions = TransactionOptions.defaults();
        private Duration poolTimeout;
        private Consumer<String> statementListener;
        private Map<String, String> environment;

        private Builder() {
        }

        /** The schema file; the datasource URL is read from it, and a {@code .env} beside it is read too. */
        public Builder schema(Path schema) {
            this.schema = Objects.requireNonNull(schema);
            return this;
        }

        /**
         * An already validated schema (for generated clients and tests); relative SQLite paths are then relative to
         * the working directory. When {@link #schema(Path)} is given too, the file is read and its datasource
         * (provider, URL, relation mode) is used, provided its models and enums are the ones of this schema; else
         * {@code build()} fails with P1012.
         */
        public Builder datamodel(Datamodel datamodel) {
            this.datamodel = Objects.requireNonNull(datamodel);
            return this;
        }

        /** The connection URL, instead of the datasource's: Prisma's form or a {@code jdbc:} URL. */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url);
            return this;
        }

        /**
         * With {@code relationMode = "prisma"}: whether creates check that the records their foreign keys reference
         * exist (default true). False gives Prisma's behaviour, which lets dangling references in.
         */
        public Builder checkOnCreate(boolean checkOnCreate) {
            this.checkOnCreate = checkOnCreate;
            return this;
        }

        /** How often a write is run again after a deadlock or serialization failure before P2034 (default 4). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The most connections the pool opens; default: the URL's {@code connection_limit} (Prisma's setting), else
         * 10.
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1");
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * How long a call waits for a connection when all of the pool's are in use before it fails with
         * {@code P2024}; {@link Duration#ZERO}: as long as it takes. Default: the URL's {@code pool_timeout} in
         * seconds (Prisma's setting), else 10 seconds, Prisma's default.
         */
        public Builder poolTimeout(Duration poolTimeout) {
            boolean tooShort = !poolTimeout.isZero() && poolTimeout.toMillis() < MIN_POOL_TIMEOUT_MILLIS;
            if (poolTimeout.isNegative() || tooShort) {
                throw new IllegalArgumentException("poolTimeout must be zero (no limit) or at least "
                        + MIN_POOL_TIMEOUT_MILLIS + " ms");
            }
            this.poolTimeout = poolTimeout;
            return this;
        }

        /**
         * The options of every interactive transaction that does not give its own (Prisma's
         * {@code transactionOptions}); default: {@link TransactionOptions#defaults()}, no timeout.
         */
        public Builder transactionOptions(TransactionOptions options) {
            this.transactionOptions = Objects.requireNonNull(options);
            return this;
        }

        /** Called with the SQL of every statement the client sends (Prisma's {@code log: ['query']}). */
        public Builder onStatement(Consumer<String> listener) {
            this.statementListener = listener;
            return this;
        }

        /** Environment variables for {@code env("...")} in the datasource, instead of the process's. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Sinew build() {
            if (datamodel == null && schema == null) {
                throw new IllegalStateException("Sinew.builder() needs schema(path) or datamodel(datamodel)");
            }
            Datamodel model = schema != null ? SchemaFile.load(schema) : datamodel;
            if (datamodel != null && schema != null) {
                // A generated client passes the schema it was generated from; the file the user names wins for the
                // datasource (its relationMode above all), as long as the models the code was written for are the
                // same.
                SchemaShape.firstDifference(datamodel, model).ifPresent(difference -> {
                    throw new SinewException("P1012", "The schema " + schema + " does not match the schema this"
                            + " client was generated from: " + difference + " differs. Run `sinew generate` again.",
                            Map.of());
                });
            }
            Datasource datasource = model.datasource().orElseThrow(() -> new SinewException("P1012",
                    "The schema has no datasource block.", Map.of()));
            Dialect dialect = datasource.provider().isRelational()
                    ? Dialect.forProvider(datasource.provider().schemaName()) : null;
            if (dialect == null || !dialect.supportsClient()) {
                throw new SinewException(null, "The Sinew client does not support the "
                        + datasource.provider().displayName() + " provider yet.", Map.of());
            }
            Path workingDirectory = Path.of("").toAbsolutePath();
            Path schemaDirectory = schema == null ? workingDirectory : schema.toAbsolutePath().getParent();
            DatabaseUrl databaseUrl = databaseUrl(datasource, workingDirectory, schemaDirectory);
            if (!databaseUrl.suits(datasource.provider())) {
                throw new SinewException("P1012", "Error validating datasource `db`: the URL must start with the"
                        + " protocol " + DatabaseUrl.expectedProtocols(datasource.provider()) + ".", Map.of());
            }
            java.util.Properties properties = databaseUrl.connectionProperties();
            properties.putAll(dialect.clientConnectionProperties());
            DatabaseUrl.Pool urlPool = databaseUrl.pool();
            Engine.Pool pool = new Engine.Pool(
                    poolSize != null ? poolSize : urlPool.connectionLimit() != null ? urlPool.connectionLimit() : 10,
                    poolTimeout != null ? poolTimeout : urlPool.timeoutSeconds() != null
                            ? Duration.ofSeconds(urlPool.timeoutSeconds()) : Duration.ofSeconds(10));
            return new Sinew(new Engine(model, dialect, databaseUrl, properties, checkOnCreate, maxRetries, pool,
                    statementListener), transactionOptions);
        }

        /**
         * The datasource's URL as the CLI reads it ({@code env()} from the process, then from {@code .env} in the
         * working directory and beside the schema), or the one given to {@link #url(String)}.
         */
        private DatabaseUrl databaseUrl(Datasource datasource, Path workingDirectory, Path schemaDirectory) {
            try {
                if (url != null) {
                    return DatabaseUrl.parse(url, schemaDirectory);
                }
                ProjectVariables variables = ProjectVariables.load(environment != null ? environment
                        : System.getenv(), workingDirectory, schemaDirectory);
                return DatasourceUrls.resolve("url", datasource.url(), variables, schemaDirectory)
                        .orElseThrow(() -> new SinewException("P1012", "The datasource `" + datasource.name()
                                + "` has no `url`; give one in the schema (a literal or env(\"DATABASE_URL\")) or with"
                                + " Sinew.builder().url(...).", Map.of()));
            } catch (ConnectionSettingsException e) {
                Map<String, Object> meta = new java.util.LinkedHashMap<>();
                meta.put("hint", e.hint());
                throw new SinewException(e.code(), e.getMessage(), meta, e);
            }
        }
    }
}
