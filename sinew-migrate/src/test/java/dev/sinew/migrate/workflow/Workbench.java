package dev.sinew.migrate.workflow;

import static dev.sinew.migrate.TestSchemas.resource;
import static dev.sinew.migrate.TestSchemas.valid;

import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.connect.DatabaseUrl;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/** A test database with a schema and a migrations folder, and the small things the workflow tests do with them. */
final class Workbench {

    final TestDatabase testDatabase;
    final Path directory;
    final StringWriter output = new StringWriter();
    final PrintWriter out = new PrintWriter(output, true);

    Workbench(TestDatabase testDatabase, Path directory) {
        this.testDatabase = testDatabase;
        this.directory = directory;
    }

    /** The blog schema of the test resources on this database's provider, in a relation mode. */
    String blog(String mode) {
        return resource("workflow/blog.prisma").replace("PROVIDER", testDatabase.kind().provider())
                .replace("MODE", mode);
    }

    Project project(String schemaText) {
        Datamodel datamodel = valid(schemaText);
        Database database = Database.of(DatabaseUrl.parse(testDatabase.prismaUrl(), directory),
                datamodel.provider().orElseThrow());
        return new Project(datamodel, database, new MigrationsDirectory(directory.resolve("migrations")), null,
                Clock.systemUTC());
    }

    /** What the workflow printed so far, and forget it. */
    String printed() {
        String text = output.toString();
        output.getBuffer().setLength(0);
        return text;
    }

    SqlSchema introspect(Project project) {
        try (Connection c = project.database().connect()) {
            return project.database().introspect(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String... statements) {
        try (Connection c = testDatabase.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try (Connection c = testDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An identifier quoted for this database. */
    String q(String identifier) {
        return testDatabase.kind() == DatabaseKind.MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    boolean transactionalDdl() {
        return testDatabase.kind() != DatabaseKind.MYSQL;
    }
}
