package dev.sinew.migrate.database;

import dev.sinew.migrate.MigrateException;
import dev.sinew.sql.connect.DatabaseUrl;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;

/** Prisma's connection errors, worded as Prisma words them, with the driver's message as the detail. */
final class ConnectionErrors {
    private ConnectionErrors() {}

    /** P1000: the server refused the user name or password. */
    static MigrateException authentication(DatabaseUrl url, SQLException cause) {
        String user = url.user() == null ? "" : url.user();
        return new MigrateException("P1000", "Authentication failed against database server at `" + url.host()
                + "`, the provided database credentials for `" + user + "` are not valid.",
                "Please make sure to provide valid database credentials for the database server at `" + url.host()
                        + "`.", List.of(), cause);
    }

    /** P1001: nothing answers at the host and port. */
    static MigrateException unreachable(DatabaseUrl url, Throwable cause) {
        String where = "`" + url.host() + "`:`" + url.port() + "`";
        return new MigrateException("P1001", "Can't reach database server at " + where,
                "Please make sure your database server is running at " + where + ".", List.of(), cause);
    }

    /** P1003: the server is there, the database is not. */
    static MigrateException missingDatabase(DatabaseUrl url, Throwable cause) {
        if (url.family() == DatabaseUrl.Family.SQLITE) {
            return new MigrateException("P1003", "Database " + url.database() + " does not exist at " + url.file(),
                    "check the path of the datasource url (a relative `file:` path starts at the schema file's "
                            + "directory), or run `sinew db push` or `sinew migrate dev` to create it",
                    List.of(), cause);
        }
        return new MigrateException("P1003", "Database `" + url.database() + "` does not exist on the database "
                + "server at `" + url.host() + ":" + url.port() + "`.",
                "check the database name in the URL, or run `sinew db push` or `sinew migrate dev` to create it",
                List.of(), cause);
    }

    /** P1010: the user may not use the database. */
    static MigrateException accessDenied(DatabaseUrl url, SQLException cause) {
        return new MigrateException("P1010", "User `" + url.user() + "` was denied access on the database `"
                + url.database() + "`", "grant the user access to the database, or connect as another user",
                List.of(), cause);
    }

    /** Any other failure to connect, with the driver's own words. */
    static MigrateException other(DatabaseUrl url, SQLException cause) {
        return new MigrateException("C313", "Could not connect to the " + url.family().displayName()
                + " database `" + url.database() + "`" + (url.host() == null ? "" : " at `" + url.location() + "`")
                + ": " + Database.oneLine(cause.getMessage()),
                "check the URL, the server and the network", List.of(), cause);
    }

    /** Whether the failure is the network's: refused, unknown host, no route, timed out. */
    static boolean isNetworkFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
