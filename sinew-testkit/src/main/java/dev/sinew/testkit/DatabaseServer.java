package dev.sinew.testkit;

/** A place where test databases are made: a running server, or a temporary directory for SQLite files. */
interface DatabaseServer {
    /** Creates a new, empty database of that name; closing the result drops it. */
    TestDatabase createDatabase(String name);
}
