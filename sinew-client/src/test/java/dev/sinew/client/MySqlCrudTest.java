package dev.sinew.client;

import dev.sinew.testkit.DatabaseKind;

/** {@link CrudCases} on MariaDB. */
class MySqlCrudTest extends CrudCases {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.MYSQL;
    }
}
