package dev.sinew.client;

import java.time.Duration;

/**
 * Options of an interactive transaction ({@link Sinew#transaction(TransactionOptions, java.util.function.Function)}),
 * Prisma's {@code $transaction} options, for one transaction or, through
 * {@link Sinew.Builder#transactionOptions(TransactionOptions)}, for every transaction of a client.
 *
 * <pre>{@code
 * db.transaction(TransactionOptions.defaults().withTimeout(Duration.ofSeconds(5)), tx -> ...);
 * }</pre>
 *
 * @param isolationLevel the transaction's isolation level; null: the database's default
 * @param timeout        how long the transaction may run: when it has run that long, it is rolled back (once a call
 *                       running then has ended), its locks go, and its later calls and its commit fail with
 *                       {@code P2028}. Null: no limit. Prisma's default is 5 seconds; Sinew sets none unless asked,
 *                       as Java's transaction managers do.
 */
public record TransactionOptions(IsolationLevel isolationLevel, Duration timeout) {

    public TransactionOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, or null for no limit");
        }
    }

    /** No isolation level of its own, no timeout. */
    public static TransactionOptions defaults() {
        return new TransactionOptions(null, null);
    }

    /** These options at the isolation {@code level} (null: the database's default). */
    public TransactionOptions withIsolationLevel(IsolationLevel level) {
        return new TransactionOptions(level, timeout);
    }

    /** These options with the {@code timeout} (null: no limit). */
    public TransactionOptions withTimeout(Duration timeout) {
        return new TransactionOptions(isolationLevel, timeout);
    }
}
