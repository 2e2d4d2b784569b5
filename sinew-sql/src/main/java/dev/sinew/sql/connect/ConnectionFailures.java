package dev.sinew.sql.connect;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;

/**
 * A connection that could not be made, as Prisma's error for it ({@code P1000}, {@code P1001}, {@code P1003},
 * {@code P1010}; {@code C313} for the rest, with the driver's own words), worded as Prisma words it. The CLI and the
 * client report connection failures through this one class, so that both say the same.
 */
public final class ConnectionFailures {
    private static final int MYSQL_ACCESS_DENIED_FOR_USER = 1045;
    private static final int MYSQL_ACCESS_DENIED_TO_DATABASE = 1044;
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    private ConnectionFailures() {}

    /** The driver's failure to connect to {@code url} as Prisma's error for it. */
    public static ConnectionSettingsException of(DatabaseUrl url, SQLException error) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        switch (url.family()) {
            case POSTGRESQL -> {
                if (state.equals("28P01") || state.equals("28000")) {
                    return authentication(url, error);
                }
                if (state.equals("3D000")) {
                    return missingDatabase(url, error);
                }
                if (state.equals("42501")) {
                    return accessDenied(url, error);
                }
            }
            case MYSQL -> {
                int code = error.getErrorCode();
                if (code == MYSQL_ACCESS_DENIED_FOR_USER) {
                    return authentication(url, error);
                }
                if (code == MYSQL_UNKNOWN_DATABASE) {
                    return missingDatabase(url, error);
                }
                if (code == MYSQL_ACCESS_DENIED_TO_DATABASE) {
                    return accessDenied(url, error);
                }
            }
            case SQLITE -> {
                return other(url, error);
            }
            default -> {
            }
        }
        if (state.startsWith("08") || isNetworkFailure(error)) {
            return unreachable(url, error);
        }
        return other(url, error);
    }

    /** P1000: the server refused the user name or password. */
    public static ConnectionSettingsException authentication(DatabaseUrl url, Throwable cause) {
        String user = url.user() == null ? "" : url.user();
        return new ConnectionSettingsException("P1000", "Authentication failed against database server at `"
                + url.host() + "`, the provided database credentials for `" + user + "` are not valid.",
                "Please make sure to provide valid database credentials for the database server at `" + url.host()
                        + "`.", List.of(), cause);
    }

    /** P1001: nothing answers at the host and port. */
    public static ConnectionSettingsException unreachable(DatabaseUrl url, Throwable cause) {
        String where = "`" + url.host() + "`:`" + url.port() + "`";
        return new ConnectionSettingsException("P1001", "Can't reach database server at " + where,
                "Please make sure your database server is running at " + where + ".", List.of(), cause);
    }

    /** P1003: the server is there, the database is not (for SQLite: the file is not). */
    public static ConnectionSettingsException missingDatabase(DatabaseUrl url, Throwable cause) {
        if (url.family() == DatabaseUrl.Family.SQLITE) {
            return new ConnectionSettingsException("P1003", "Database " + url.database() + " does not exist at "
                    + url.file(), "check the path of the datasource url (a relative `file:` path starts at the schema"
                    + " file's directory), or run `sinew db push` or `sinew migrate dev` to create it", List.of(),
                    cause);
        }
        return new ConnectionSettingsException("P1003", "Database `" + url.database() + "` does not exist on the"
                + " database server at `" + url.host() + ":" + url.port() + "`.",
                "check the database name in the URL, or run `sinew db push` or `sinew migrate dev` to create it",
                List.of(), cause);
    }

    /** P1010: the user may not use the database. */
    public static ConnectionSettingsException accessDenied(DatabaseUrl url, Throwable cause) {
        return new ConnectionSettingsException("P1010", "User `" + url.user() + "` was denied access on the database `"
                + url.database() + "`", "grant the user access to the database, or connect as another user",
                List.of(), cause);
    }

    /** Any other failure to connect, with the driver's own words. */
    private static ConnectionSettingsException other(DatabaseUrl url, SQLException cause) {
        return new ConnectionSettingsException("C313", "Could not connect to the " + url.family().displayName()
                + " database `" + url.database() + "`" + (url.host() == null ? "" : " at `" + url.location() + "`")
                + ": " + oneLine(cause.getMessage()), "check the URL, the server and the network", List.of(),
                cause);
    }

    /** Whether the failure is the network's: refused, unknown host, no route, timed out. */
    public static boolean isNetworkFailure(Throwable error) {
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

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
