package dev.sinew.bench;

import dev.sinew.testkit.DatabaseKind;
import java.util.Locale;

/**
 * The comparison of {@link FindUniqueBenchmark} with the two sides interleaved: rounds of 5,000 calls of Sinew's
 * {@code findUnique}, then 5,000 of the hand-written JDBC, 40 times (the first 10 rounds are warm-up). On a shared
 * machine the load moves during a JMH run, which measures one side after the other; interleaving gives both the
 * same load, so the ratio holds even when the absolute numbers do not.
 *
 * <p>Arguments: any of {@code sqlite}, {@code postgresql} and {@code mysql} (default: all three).
 */
public final class FindUniqueInterleaved {
    private static final int ROUND = 5000;

    private FindUniqueInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        try {
            for (String name : args.length == 0 ? new String[] {"sqlite", "postgresql", "mysql"} : args) {
                run(FindUniqueFixture.kindNamed(name));
            }
        } finally {
            System.exit(0);
        }
    }

    private static void run(DatabaseKind kind) throws Exception {
        try (FindUniqueFixture fixture = FindUniqueFixture.open(kind)) {
            long sinewNanos = 0;
            long jdbcNanos = 0;
            for (int round = 0; round < 40; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < ROUND; i++) {
                    fixture.sinew(1 + i % FindUniqueFixture.USERS);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < ROUND; i++) {
                    fixture.handWritten(1 + i % FindUniqueFixture.USERS);
                }
                long t2 = System.nanoTime();
                if (round >= 10) {
                    sinewNanos += t1 - t0;
                    jdbcNanos += t2 - t1;
                }
            }
            double calls = 30.0 * ROUND;
            System.out.printf(Locale.ROOT, "%s: sinew %.0f ops/s, hand-written JDBC %.0f ops/s, sinew/JDBC %.2f%n",
                    kind.provider(), calls / (sinewNanos / 1e9), calls / (jdbcNanos / 1e9),
                    (double) jdbcNanos / sinewNanos);
        }
    }
}
