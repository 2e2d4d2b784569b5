package dev.sinew.client;

import dev.sinew.testkit.DatabaseKind;

/** {@link CrudCases} on SQLite. */
class SqliteCrudTest extends CrudCases {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }
}
