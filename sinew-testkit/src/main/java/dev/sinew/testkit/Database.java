package dev.sinew.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link TestDatabase} parameter of a test, lifecycle method or constructor in a class extended with
 * {@link TestDatabaseExtension}: it receives the test class's own database of that kind, created on first use and
 * shared by every test of the class.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Database {
    DatabaseKind value();
}
