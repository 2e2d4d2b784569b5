package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.client.Schema.RelationLink;
import dev.sinew.client.Schema.UniqueCriterion;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compiles Prisma's {@code where} arguments into SQL predicates. */
final class Filters {
    static final String TRUE = "1=1";
    static final String FALSE = "1=0";

    private static final List<String> SCALAR_FILTER_KEYS = List.of("equals", "not", "in", "notIn", "lt", "lte", "gt",
            "gte", "contains", "startsWith", "endsWith", "mode");
    private static final List<String> LIST_FILTER_KEYS = List.of("equals", "has", "hasEvery", "hasSome", "isEmpty");
    private static final List<String> TO_MANY_KEYS = List.of("some", "every", "none");
    private static final List<String> TO_ONE_KEYS = List.of("is", "isNot");

    private final Session session;

    Filters(Session session) {
        this.session = session;
    }

    /** The predicate of a {@code where} over the rows of {@code model} named by {@code q}; TRUE for null. */
    Sql where(ModelMeta model, Map<String, Object> where, String q) {
        if (where == null || where.isEmpty()) {
            return new Sql(TRUE);
        }
        List<Sql> parts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : where.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "AND" -> parts.add(combine(model, value, q, " AND ", TRUE, false, key));
                case "OR" -> {
                    List<Object> items = Args.list(value, "OR", model.name + "WhereInput[]", false);
                    List<Sql> ors = new ArrayList<>();
                    for (Object item : items) {
                        ors.add(where(model, Args.map(item, "OR", model.name + "WhereInput"), q));
                    }
                    parts.add(ors.isEmpty() ? new Sql(FALSE) : paren(Sql.join(ors, " OR ")));
                }
                case "NOT" -> parts.add(combine(model, value, q, " AND ", TRUE, true, key));
                default -> parts.add(field(model, key, value, q));
            }
        }
        return parts.size() == 1 ? parts.get(0) : Sql.join(parts, " AND ");
    }

    private Sql combine(ModelMeta model, Object value, String q, String separator, String empty, boolean negate,
                        String argument) {
        List<Object> items = Args.list(value, argument, model.name + "WhereInput", true);
        List<Sql> parts = new ArrayList<>();
        for (Object item : items) {
            Sql part = where(model, Args.map(item, argument, model.name + "WhereInput"), q);
            parts.add(negate ? new Sql("NOT ").append(paren(part)) : paren(part));
        }
        return parts.isEmpty() ? new Sql(empty) : paren(Sql.join(parts, separator));
    }

    private Sql field(ModelMeta model, String name, Object value, String q) {
        ScalarField scalar = model.scalar(name);
        if (scalar != null) {
            return scalar(scalar, value, session.column(q, scalar.columnName()), name);
        }
        RelationLink link = model.relations.get(name);
        if (link != null) {
            return relation(link, value, q, name);
        }
        for (UniqueCriterion unique : model.uniques) {
            if (unique.isCompound() && unique.name().equals(name)) {
                return compound(model, unique, value, q);
            }
        }
        List<String> options = new ArrayList<>(List.of("AND", "OR", "NOT"));
        options.addAll(model.whereFieldNames());
        throw Errors.invalid("Unknown argument `" + name + "` in where of model `" + model.name + "`."
                + Hints.didYouMean(name, options) + " Available options: " + String.join(", ", options) + ".");
    }

    private Sql compound(ModelMeta model, UniqueCriterion unique, Object value, String q) {
        Map<String, Object> values = Args.map(value, unique.name(), model.name + unique.name() + "CompoundUniqueInput");
        Args.allowOnly(values, unique.fields(), unique.name());
        List<Sql> parts = new ArrayList<>();
        for (String fieldName : unique.fields()) {
            if (!values.containsKey(fieldName)) {
                throw Args.missing(fieldName, unique.name());
            }
            ScalarField field = model.scalar(fieldName);
            parts.add(equals(field, values.get(fieldName), session.column(q, field.columnName()), false,
                    unique.name() + "." + fieldName));
        }
        return Sql.join(parts, " AND ");
    }

    // --------------------------------------------------------------------------------------------------------------
    // scalars

    Sql scalar(ScalarField field, Object value, String column, String argument) {
        if (!(value instanceof Map<?, ?>)) {
            return equals(field, value, column, false, argument);
        }
        Map<String, Object> filter = Args.map(value, argument, field.type().schemaName() + "Filter");
        if (field.arity().isList()) {
            return listFilter(field, filter, column, argument);
        }
        Args.allowOnly(filter, SCALAR_FILTER_KEYS, argument);
        boolean insensitive = false;
        if (filter.containsKey("mode")) {
            Object mode = filter.get("mode");
            if (!"insensitive".equals(mode) && !"default".equals(mode)) {
                throw Args.invalidValue(argument + ".mode", "QueryMode (default or insensitive)", mode);
            }
            insensitive = "insensitive".equals(mode);
        }
        List<Sql> parts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String op = entry.getKey();
            Object operand = entry.getValue();
            String path = argument + "." + op;
            switch (op) {
                case "mode" -> {
                }
                case "equals" -> parts.add(equals(field, operand, column, insensitive, path));
                case "not" -> {
                    if (operand instanceof Map<?, ?>) {
                        parts.add(new Sql("NOT ").append(paren(scalar(field, operand, column, path))));
                    } else if (operand == null) {
                        parts.add(new Sql(column + " IS NOT NULL"));
                    } else {
                        parts.add(compare(field, operand, column, "<>", insensitive, path));
                    }
                }
                case "in", "notIn" -> parts.add(in(field, operand, column, op.equals("notIn"), insensitive, path));
                case "lt" -> parts.add(compare(field, operand, column, "<", insensitive, path));
                case "lte" -> parts.add(compare(field, operand, column, "<=", insensitive, path));
                case "gt" -> parts.add(compare(field, operand, column, ">", insensitive, path));
                case "gte" -> parts.add(compare(field, operand, column, ">=", insensitive, path));
                case "contains" -> parts.add(like(field, operand, column, "%", "%", insensitive, path));
                case "startsWith" -> parts.add(like(field, operand, column, "", "%", insensitive, path));
                case "endsWith" -> parts.add(like(field, operand, column, "%", "", insensitive, path));
                default -> throw new IllegalStateException(op);
            }
        }
        return parts.isEmpty() ? new Sql(TRUE) : parts.size() == 1 ? parts.get(0) : paren(Sql.join(parts, " AND "));
    }

    private Sql equals(ScalarField field, Object value, String column, boolean insensitive, String argument) {
        if (value == null) {
            return new Sql(column + " IS NULL");
        }
        return compare(field, value, column, "=", insensitive, argument);
    }

    private Sql compare(ScalarField field, Object value, String column, String op, boolean insensitive,
                        String argument) {
        if (value == null) {
            throw Args.invalidValue(argument, field.type().schemaName(), null);
        }
        Object canonical = session.values.coerceOne(field, value, argument);
        Object param = session.param(field, canonical);
        if (insensitive && isText(field)) {
            return new Sql(session.dialect.insensitive(column) + " " + op + " ")
                    .param(session.dialect.insensitive("?"), param);
        }
        return new Sql(column + " " + op + " ").param(param);
    }

    private Sql in(ScalarField field, Object value, String column, boolean negate, boolean insensitive,
                   String argument) {
        List<Object> items = Args.list(value, argument, field.type().schemaName() + "[]", true);
        List<Object> canonical = new ArrayList<>();
        for (Object item : items) {
            if (item != null) {
                canonical.add(session.values.coerceOne(field, item, argument));
            }
        }
        if (canonical.isEmpty()) {
            return new Sql(negate ? TRUE : FALSE);
        }
        boolean folded = insensitive && isText(field);
        if (canonical.size() > session.dialect.maxInListParameters()) {
            Sql any = new Sql().param(session.dialect.anyOfArray(column, folded), session.param(field, canonical));
            return negate ? new Sql("NOT (").append(any).append(")") : any;
        }
        String target = folded ? session.dialect.insensitive(column) : column;
        String placeholder = folded ? session.dialect.insensitive("?") : "?";
        Sql sql = new Sql(target + (negate ? " NOT IN (" : " IN ("));
        for (int i = 0; i < canonical.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.param(placeholder, session.param(field, canonical.get(i)));
        }
        return sql.append(")");
    }

    private Sql like(ScalarField field, Object value, String column, String prefix, String suffix,
                     boolean insensitive, String argument) {
        if (!isText(field) || !(value instanceof String text)) {
            throw Args.invalidValue(argument, "String", value);
        }
        String pattern = prefix + escapeLike(text) + suffix;
        if (insensitive) {
            return new Sql().param(session.dialect.insensitiveLike(column, "?"), pattern);
        }
        return new Sql(column + " LIKE ").param(pattern).append(session.dialect.likeEscape());
    }

    private Sql listFilter(ScalarField field, Map<String, Object> filter, String column, String argument) {
        Args.allowOnly(filter, LIST_FILTER_KEYS, argument);
        List<Sql> parts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String path = argument + "." + entry.getKey();
            Object operand = entry.getValue();
            switch (entry.getKey()) {
                case "equals" -> parts.add(operand == null ? new Sql(column + " IS NULL")
                        : new Sql(column + " = ").param(session.param(field,
                        session.values.coerce(field, operand, path))));
                case "has" -> parts.add(new Sql("").param(session.param(field,
                        List.of(session.values.coerceOne(field, operand, path))))
                        .append(" <@ " + column));
                case "hasEvery" -> parts.add(new Sql(column + " @> ").param(session.param(field,
                        session.values.coerce(field, operand, path))));
                case "hasSome" -> parts.add(new Sql(column + " && ").param(session.param(field,
                        session.values.coerce(field, operand, path))));
                case "isEmpty" -> parts.add(new Sql(Args.bool(operand, path)
                        ? "coalesce(cardinality(" + column + "), 0) = 0" : "cardinality(" + column + ") > 0"));
                default -> throw new IllegalStateException(entry.getKey());
            }
        }
        return parts.isEmpty() ? new Sql(TRUE) : paren(Sql.join(parts, " AND "));
    }

    private static boolean isText(ScalarField field) {
        return field.scalarKind() == ScalarKind.STRING || field.isEnum();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // --------------------------------------------------------------------------------------------------------------
    // relations

    private Sql relation(RelationLink link, Object value, String q, String argument) {
        if (link.list) {
            Map<String, Object> filter = Args.map(value, argument, link.other.name + "ListRelationFilter");
            Args.allowOnly(filter, TO_MANY_KEYS, argument);
            List<Sql> parts = new ArrayList<>();
            for (Map.Entry<String, Object> entry : filter.entrySet()) {
                Map<String, Object> inner = entry.getValue() == null ? Map.of()
                        : Args.map(entry.getValue(), argument + "." + entry.getKey(), link.other.name + "WhereInput");
                switch (entry.getKey()) {
                    case "some" -> parts.add(exists(link, q, inner, false));
                    case "none" -> parts.add(new Sql("NOT ").append(exists(link, q, inner, false)));
                    case "every" -> parts.add(inner.isEmpty() ? new Sql(TRUE)
                            : new Sql("NOT ").append(exists(link, q, inner, true)));
                    default -> throw new IllegalStateException(entry.getKey());
                }
            }
            return parts.isEmpty() ? new Sql(TRUE) : paren(Sql.join(parts, " AND "));
        }
        if (value == null) {
            return new Sql("NOT ").append(exists(link, q, Map.of(), false));
        }
        Map<String, Object> filter = Args.map(value, argument, link.other.name + "RelationFilter");
        boolean relationFilter = !filter.isEmpty() && TO_ONE_KEYS.containsAll(filter.keySet());
        if (!relationFilter) {
            return exists(link, q, filter, false);
        }
        List<Sql> parts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            Object inner = entry.getValue();
            boolean is = entry.getKey().equals("is");
            if (inner == null) {
                Sql exists = exists(link, q, Map.of(), false);
                parts.add(is ? new Sql("NOT ").append(exists) : exists);
            } else {
                Sql exists = exists(link, q, Args.map(inner, argument + "." + entry.getKey(),
                        link.other.name + "WhereInput"), false);
                parts.add(is ? exists : new Sql("NOT ").append(exists));
            }
        }
        return paren(Sql.join(parts, " AND "));
    }

    /**
     * {@code EXISTS (SELECT 1 FROM other WHERE linked to q AND filter)}; with {@code negateFilter}, the filter is
     * negated inside (for {@code every}).
     */
    Sql exists(RelationLink link, String q, Map<String, Object> filter, boolean negateFilter) {
        String a = session.alias();
        Sql inner = filter.isEmpty() ? null : where(link.other, filter, a);
        if (inner != null && negateFilter) {
            inner = new Sql("NOT ").append(paren(inner));
        }
        Sql sql;
        if (link.isManyToMany()) {
            String j = session.alias();
            sql = new Sql("EXISTS (SELECT 1 FROM " + session.quote(link.joinTable) + " AS " + j);
            if (inner != null) {
                sql.append(" INNER JOIN " + session.table(link.other) + " AS " + a + " ON "
                        + session.column(a, link.otherFields.get(0).columnName()) + " = "
                        + session.column(j, link.otherJoinColumn));
            }
            sql.append(" WHERE " + session.column(j, link.selfJoinColumn) + " = "
                    + session.column(q, link.selfFields.get(0).columnName()));
        } else {
            sql = new Sql("EXISTS (SELECT 1 FROM " + session.table(link.other) + " AS " + a + " WHERE "
                    + linkCondition(link, q, a));
        }
        if (inner != null) {
            sql.append(" AND ").append(paren(inner));
        }
        return sql.append(")").markSubquery(link.other.table, link.isManyToMany() ? link.joinTable : link.other.table);
    }

    /** The join condition of an inline relation: the other side's columns equal this side's. */
    String linkCondition(RelationLink link, String selfQ, String otherQ) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < link.selfFields.size(); i++) {
            parts.add(session.column(otherQ, link.otherFields.get(i).columnName()) + " = "
                    + session.column(selfQ, link.selfFields.get(i).columnName()));
        }
        return String.join(" AND ", parts);
    }

    // --------------------------------------------------------------------------------------------------------------
    // unique where

    /**
     * The predicate of a {@code WhereUniqueInput}: at least one unique criterion with its values, and any further
     * filters.
     */
    Sql whereUnique(ModelMeta model, Map<String, Object> where, String q, String argument) {
        if (where == null) {
            throw Args.missing(argument, null);
        }
        requireUnique(model, where, argument);
        return where(model, where, q);
    }

    /** Refuses a unique where that names no complete unique criterion, as Prisma's validation does. */
    static void requireUnique(ModelMeta model, Map<String, Object> where, String argument) {
        for (UniqueCriterion unique : model.uniques) {
            if (unique.isCompound()) {
                if (where.get(unique.name()) instanceof Map<?, ?>) {
                    return;
                }
            } else {
                Object value = where.get(unique.fields().get(0));
                if (value != null && !(value instanceof Map<?, ?>)) {
                    return;
                }
                if (value instanceof Map<?, ?> filter && filter.get("equals") != null) {
                    return;
                }
            }
        }
        String names = model.uniques.stream().map(u -> "`" + u.name() + "`").collect(Collectors.joining(" or "));
        throw Errors.invalid("Argument `" + argument + "` of type " + model.name + "WhereUniqueInput needs at least"
                + " one of " + names + " arguments.");
    }

    static Sql paren(Sql sql) {
        return new Sql("(").append(sql).append(")");
    }
}
