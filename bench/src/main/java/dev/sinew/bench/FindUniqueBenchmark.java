package dev.sinew.bench;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code findUnique} by id through Sinew against the same query written with JDBC by hand (a pooled connection,
 * a prepared statement, the row read into a map), on the same pool settings and database. The target is at least
 * 80% of the hand-written throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class FindUniqueBenchmark {
    @Param({"sqlite", "postgresql", "mysql"})
    String database;

    FindUniqueFixture fixture;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        fixture = FindUniqueFixture.open(FindUniqueFixture.kindNamed(database));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Map<String, Object> sinew() {
        return fixture.sinew(ThreadLocalRandom.current().nextInt(1, FindUniqueFixture.USERS + 1));
    }

    @Benchmark
    public Map<String, Object> handWrittenJdbc() throws SQLException {
        return fixture.handWritten(ThreadLocalRandom.current().nextInt(1, FindUniqueFixture.USERS + 1));
    }
}
