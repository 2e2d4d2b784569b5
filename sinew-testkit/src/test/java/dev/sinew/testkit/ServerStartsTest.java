package dev.sinew.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ServerStartsTest {
    @Test
    void eachServerStartsAtMostOncePerJvm() {
        for (int round = 0; round < 2; round++) {
            for (DatabaseKind kind : EnumSet.of(DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL)) {
                try (TestDatabase db = TestDatabases.create(kind, "starts")) {
                    assertThat(db.kind()).isEqualTo(kind);
                }
            }
        }
        for (DatabaseKind kind : DatabaseKind.values()) {
            assertThat(ServerStarts.all()).filteredOn(start -> start.kind() == kind).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(ServerStarts.all()).allSatisfy(start -> assertThat(start.port()).isPositive());
    }
}
