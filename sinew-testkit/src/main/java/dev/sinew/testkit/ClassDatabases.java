package dev.sinew.testkit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The databases of one test class, injected by {@link TestDatabaseExtension} into a parameter of this type. The
 * extension drops them all when the class's tests are done.
 *
 * <p>Matrix tests use it to get a database per kind from a parameter:
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(DatabaseKind.class)
 * void pushes(DatabaseKind kind, ClassDatabases databases) {
 *     TestDatabase db = databases.shared(kind);
 * }
 * }</pre>
 */
public final class ClassDatabases {
    private final String className;
    private final Map<DatabaseKind, TestDatabase> shared = new EnumMap<>(DatabaseKind.class);
    private final List<TestDatabase> all = new ArrayList<>();

    ClassDatabases(String className) {
        this.className = className;
    }

    /** The class's database of that kind, created on first use; every test of the class sees the same one. */
    public synchronized TestDatabase shared(DatabaseKind kind) {
        TestDatabase database = shared.get(kind);
        if (database == null) {
            database = fresh(kind);
            shared.put(kind, database);
        }
        return database;
    }

    /** A new, empty database of that kind on each call, for a test that needs one of its own. */
    public synchronized TestDatabase fresh(DatabaseKind kind) {
        TestDatabase database = TestDatabases.create(kind, className);
        all.add(database);
        return database;
    }

    /** Drops every database made for the class; the first failure is thrown after all were tried. */
    synchronized void dropAll() {
        RuntimeException first = null;
        for (TestDatabase database : all) {
            try {
                database.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        all.clear();
        shared.clear();
        if (first != null) {
            throw first;
        }
    }
}
