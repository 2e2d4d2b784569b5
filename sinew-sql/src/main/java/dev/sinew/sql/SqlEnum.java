package dev.sinew.sql;

import java.util.List;

/**
 * An enum type. On PostgreSQL and CockroachDB it is a named type; on MySQL each enum column has its own inline enum,
 * named {@code <table>_<column>} here as Prisma names it.
 */
public record SqlEnum(String namespace, String name, List<String> values) {
    public SqlEnum {
        values = List.copyOf(values);
    }
}
