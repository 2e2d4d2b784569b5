package dev.sinew.migrate.database;

import dev.sinew.migrate.MigrateException;

import java.sql.SQLException;
import java.util.List;

/** The error of a server that will not create a shadow database. */
final class ShadowDatabases {
    private ShadowDatabases() {}

    static MigrateException creationFailed(SQLException cause) {
        return new MigrateException("P3014", "Prisma Migrate could not create the shadow database. Please make sure "
                + "the database user has permission to create databases. Read more about the shadow database (and "
                + "workarounds) at https://pris.ly/d/migrate-shadow",
                "let the user create databases, or set shadowDatabaseUrl in the datasource to a database that "
                        + "may be emptied",
                List.of("Original error: " + Database.oneLine(cause.getMessage())), cause);
    }
}
