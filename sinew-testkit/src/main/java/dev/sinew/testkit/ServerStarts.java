package dev.sinew.testkit;

import java.util.ArrayList;
import java.util.List;

/** What the embedded servers of this JVM are and how long each took to start; also printed to stderr. */
final class ServerStarts {
    record Start(DatabaseKind kind, String server, String host, int port, long millis) {}

    private static final List<Start> STARTS = new ArrayList<>();

    private ServerStarts() {}

    static synchronized void record(DatabaseKind kind, String server, String host, int port, long millis) {
        STARTS.add(new Start(kind, server, host, port, millis));
        System.err.printf("sinew-testkit: started %s on %s:%d in %d ms%n", server, host, port, millis);
    }

    static synchronized List<Start> all() {
        return List.copyOf(STARTS);
    }
}
