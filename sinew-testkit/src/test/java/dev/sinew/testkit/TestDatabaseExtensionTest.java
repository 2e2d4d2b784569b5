package dev.sinew.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

class TestDatabaseExtensionTest {
    private static final List<TestDatabase> SEEN = new ArrayList<>();

    @Test
    void givesEachClassItsOwnDatabasesAndDropsThemAfterwards() throws SQLException {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ExampleCase.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(SEEN).hasSize(6);
        TestDatabase outerSqlite = SEEN.get(0);
        TestDatabase outerPostgres = SEEN.get(1);
        // Both tests of the outer class see the same databases...
        assertThat(SEEN.get(2)).isSameAs(outerSqlite);
        assertThat(SEEN.get(3)).isSameAs(outerPostgres);
        // ...and the nested class gets its own.
        assertThat(SEEN.get(4).name()).isNotEqualTo(outerSqlite.name());
        assertThat(SEEN.get(5).name()).isNotEqualTo(outerPostgres.name());

        for (TestDatabase sqlite : List.of(SEEN.get(0), SEEN.get(4))) {
            assertThat(Path.of(sqlite.prismaUrl().substring("file:".length())).getParent()).doesNotExist();
        }
        try (TestDatabase probe = TestDatabases.create(DatabaseKind.POSTGRESQL, "probe")) {
            assertThat(PostgresDatabaseTest.databaseExists(probe, outerPostgres.name())).isFalse();
            assertThat(PostgresDatabaseTest.databaseExists(probe, SEEN.get(5).name())).isFalse();
        }
    }

    @ExtendWith(TestDatabaseExtension.class)
    static class ExampleCase {
        @Test
        void first(@Database(DatabaseKind.SQLITE) TestDatabase sqlite,
                @Database(DatabaseKind.POSTGRESQL) TestDatabase postgres) {
            record(sqlite, postgres);
        }

        @Test
        void second(@Database(DatabaseKind.SQLITE) TestDatabase sqlite, ClassDatabases databases) {
            record(sqlite, databases.shared(DatabaseKind.POSTGRESQL));
        }

        @Nested
        class Inner {
            @Test
            void third(@Database(DatabaseKind.SQLITE) TestDatabase sqlite,
                    @Database(DatabaseKind.POSTGRESQL) TestDatabase postgres) {
                record(sqlite, postgres);
            }
        }

        private static void record(TestDatabase sqlite, TestDatabase postgres) {
            assertThat(Path.of(sqlite.prismaUrl().substring("file:".length())).getParent()).exists();
            SEEN.add(sqlite);
            SEEN.add(postgres);
        }
    }
}
