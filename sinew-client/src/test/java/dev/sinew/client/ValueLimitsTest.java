package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Values that do not fit their column's native type fail with Prisma's codes, on the servers that check them:
 * {@code P2000} for text too long (with the column where the database names it), {@code P2020} for a number out of
 * range; and nothing of the call remains.
 */
class ValueLimitsTest {
    private static final String MODELS = """
            model Item {
              id    Int     @id
              code  String  @db.VarChar(5)
              price Decimal @db.Decimal(4, 2)
            }
            """;

    @TestFactory
    Stream<DynamicTest> valuesThatDoNotFitTheirColumn() {
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE).map(kind ->
                DynamicTest.dynamicTest(kind.provider(), () -> {
                    Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "foreignKeys",
                            MODELS));
                    try (TestDb database = TestDb.create(kind, "limits")) {
                        database.push(datamodel);
                        try (Sinew db = database.client(datamodel)) {
                            ModelClient items = db.model("Item");
                            items.create(Map.of("data", Map.of("id", 1, "code", "abcde", "price", new BigDecimal("99.99"))));
                            SinewException tooLong = CrudCases.catchSinew(() -> items.create(Map.of("data", Map.of(
                                    "id", 2, "code", "abcdef", "price", BigDecimal.ONE))));
                            assertThat(tooLong.code()).isEqualTo("P2000");
                            assertThat(tooLong.getMessage()).isEqualTo("The provided value for the column is too long"
                                    + " for the column's type. Column: " + (kind == DatabaseKind.MYSQL ? "code"
                                    : "(not available)"));
                            SinewException outOfRange = CrudCases.catchSinew(() -> items.update(Map.of(
                                    "where", Map.of("id", 1), "data", Map.of("price", new BigDecimal("100")))));
                            assertThat(outOfRange.code()).isEqualTo("P2020");
                            assertThat(outOfRange.getMessage()).startsWith("Value out of range for the type: ")
                                    .contains(kind == DatabaseKind.MYSQL ? "Out of range value for column 'price'"
                                            : "numeric field overflow");
                            assertThat(items.findMany(Map.of())).hasSize(1)
                                    .allSatisfy(item -> assertThat(item).containsEntry("code", "abcde"));
                        }
                    }
                }));
    }
}
