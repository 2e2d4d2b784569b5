package dev.sinew.migrate.history;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.database.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Prisma's {@code _prisma_migrations} table: Prisma's columns and DDL on each database, and Prisma's semantics, so
 * that a history Prisma wrote is read and continued, and Prisma can continue one Sinew wrote.
 */
public final class MigrationsTable {

    private static final String TABLE = "_prisma_migrations";

    private final Database database;
    private final Connection connection;
    private final Clock clock;

    public MigrationsTable(Database database, Connection connection) {
        this(database, connection, Clock.systemUTC());
    }

    public MigrationsTable(Database database, Connection connection, Clock clock) {
        this.database = database;
        this.connection = connection;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean exists() {
        try {
            return database.hasMigrationsTable(connection);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Creates the table when it is missing. */
    public void createIfMissing() {
        if (exists()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute(database.migrationsTableDdl());
        } catch (SQLException e) {
            throw failure("create", e);
        }
    }

    /** Every row, in the order the migrations started; empty when there is no table. */
    public List<MigrationRecord> records() {
        if (!exists()) {
            return List.of();
        }
        List<MigrationRecord> out = new ArrayList<>();
        String sql = "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, "
                + "applied_steps_count FROM " + TABLE + " ORDER BY started_at ASC";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new MigrationRecord(rs.getString(1), rs.getString(2), database.timestamp(rs, 3),
                        rs.getString(4), rs.getString(5), database.timestamp(rs, 6), database.timestamp(rs, 7),
                        rs.getInt(8)));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        // SQLite orders a column holding both numbers and text (Prisma's engine and its driver adapters store times
        // differently) by type first, so the order is the times' own.
        out.sort(Comparator.comparing(MigrationRecord::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** Records that a migration starts; returns the row's id. */
    public String start(MigrationFolder migration) {
        String id = UUID.randomUUID().toString();
        insert(id, migration, now(), null, 0);
        return id;
    }

    /** Records that the migration of this row succeeded. */
    public void finish(String id) {
        update("UPDATE " + TABLE + " SET finished_at = ?, applied_steps_count = 1 WHERE id = ?", id, now(), null);
    }

    /** Records that the migration of this row failed, with the database's error. */
    public void fail(String id, String logs) {
        update("UPDATE " + TABLE + " SET logs = ? WHERE id = ?", id, null, logs);
    }

    /** {@code migrate resolve --rolled-back}: the row no longer counts. */
    public void markRolledBack(String id) {
        update("UPDATE " + TABLE + " SET rolled_back_at = ? WHERE id = ?", id, now(), null);
    }

    /** {@code migrate resolve --applied}: a row for a migration applied by hand, finished when it started. */
    public void insertApplied(MigrationFolder migration) {
        Instant now = now();
        insert(UUID.randomUUID().toString(), migration, now, now, 0);
    }

    private void insert(String id, MigrationFolder migration, Instant startedAt, Instant finishedAt, int steps) {
        String sql = "INSERT INTO " + TABLE + " (id, checksum, finished_at, migration_name, logs, rolled_back_at, "
                + "started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, migration.checksum());
            database.setTimestamp(ps, 3, finishedAt);
            ps.setString(4, migration.name());
            database.setTimestamp(ps, 5, startedAt);
            ps.setInt(6, steps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private void update(String sql, String id, Instant time, String text) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (time != null) {
                database.setTimestamp(ps, 1, time);
            } else {
                ps.setString(1, text);
            }
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private MigrateException failure(String what, SQLException e) {
        return new MigrateException("C319", "Could not " + what + " the " + TABLE + " table: "
                + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "),
                "check that the user may " + what + " tables in the database", List.of(), e);
    }
}
