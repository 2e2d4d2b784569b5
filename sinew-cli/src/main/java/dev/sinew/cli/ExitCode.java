package dev.sinew.cli;

/** The exit statuses of every {@code sinew} command. */
final class ExitCode {
    /** Done; warnings may have been printed. */
    static final int OK = 0;
    /** The schema (or, for a check, the state it describes) is not what it must be: invalid, not formatted. */
    static final int FAILED = 1;
    /** The command could not run: a bad argument, a missing or unreadable file. */
    static final int USAGE = 2;
    /** A bug in Sinew. */
    static final int INTERNAL = 3;

    private ExitCode() {}
}
