package dev.sinew.migrate;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.SqlSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kitchen-sink schemas of the live tests, from empty, against the scripts Prisma 7.10.1 wrote for them
 * ({@code live/<schema>.<mode>.expected.sql}, made with {@code migrate diff --from-empty --script}).
 */
class KitchenSinkScriptTest {

    @TestFactory
    Stream<DynamicTest> fromEmpty() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String provider : List.of("postgresql", "sqlite")) {
            for (String mode : List.of("foreignKeys", "prisma")) {
                String name = provider + "-kitchen-sink";
                tests.add(DynamicTest.dynamicTest(name + " " + mode, () -> {
                    Datamodel datamodel = TestSchemas.valid(TestSchemas.withMode(
                            TestSchemas.resource("live/" + name + ".prisma"), mode));
                    SqlSchema schema = SqlSchemaCalculator.calculate(datamodel);
                    String script = SqlSchemaCalculator.dialectOf(datamodel).renderScript(
                            new SchemaDiffer(SqlSchemaCalculator.dialectOf(datamodel)).diff(SqlSchema.empty(), schema));
                    assertThat(script + "\n\n").isEqualTo(
                            TestSchemas.resource("live/" + name + "." + mode + ".expected.sql"));
                }));
            }
        }
        return tests.stream();
    }
}
