package dev.sinew.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests real databases. Parameters of type {@link TestDatabase} annotated with {@link Database} receive the
 * test class's database of that kind; parameters of type {@link ClassDatabases} receive all of the class's
 * databases. Each test class (each {@code @Nested} class too) gets its own databases, made on first use and
 * dropped after its last test; the servers behind them start once per JVM (see {@link TestDatabases}).
 *
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class PushTest {
 *     @Test
 *     void createsTables(@Database(DatabaseKind.POSTGRESQL) TestDatabase db) throws SQLException {
 *         try (Connection connection = db.connect()) { ... }
 *     }
 * }
 * }</pre>
 */
public final class TestDatabaseExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ClassDatabases.class || (type == TestDatabase.class && parameter.isAnnotated(Database.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassDatabases databases = classDatabases(context);
        if (parameter.getParameter().getType() == ClassDatabases.class) {
            return databases;
        }
        DatabaseKind kind = parameter.findAnnotation(Database.class).orElseThrow().value();
        try {
            return databases.shared(kind);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("no " + kind.provider() + " database for "
                    + parameter.getParameter() + ": " + e.getMessage(), e);
        }
    }

    private static ClassDatabases classDatabases(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (!isClass(classContext.getElement())) {
            classContext = classContext.getParent().orElseThrow();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        // Keyed by the class: a store lookup also sees the enclosing classes' values, and a @Nested class must
        // not get its outer class's databases.
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(testClass, key -> new ClassScope(new ClassDatabases(testClass.getSimpleName())),
                        ClassScope.class)
                .databases();
    }

    private static boolean isClass(Optional<AnnotatedElement> element) {
        return element.isPresent() && element.get() instanceof Class;
    }

    /** Stored in the class's context, which closes it (and so drops the databases) when the class is done. */
    private record ClassScope(ClassDatabases databases) implements AutoCloseable {
        @Override
        public void close() {
            databases.dropAll();
        }
    }
}
