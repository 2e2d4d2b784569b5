package dev.sinew.client;

import dev.sinew.testkit.DatabaseKind;

/** {@link CrudCases} on PostgreSQL. */
class PostgresCrudTest extends CrudCases {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
