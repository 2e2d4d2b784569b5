package dev.sinew.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sinew.migrate.MigrateException;
import dev.sinew.schema.model.Provider;
import dev.sinew.sql.connect.DatabaseUrl;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final Path BASE = Path.of("/project/prisma");

    @Test
    void aUrlOfAnotherDatabaseThanTheProviderIsRefusedWithPrismasMessage() {
        MigrateException e = catchThrowableOfType(() -> Database.of(DatabaseUrl.parse("file:dev.db", BASE),
                Provider.POSTGRESQL), MigrateException.class);

        assertThat(e.code()).isEqualTo("P1012");
        assertThat(e.getMessage()).isEqualTo("Error validating datasource `db`: the URL must start with the protocol "
                + "`postgresql://` or `postgres://`.");
    }
}
