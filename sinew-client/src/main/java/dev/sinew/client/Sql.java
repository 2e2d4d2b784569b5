package dev.sinew.client;

import dev.sinew.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL with its parameters, in order. Values are already converted for the driver ({@link Values});
 * the text holds one {@code ?} per parameter.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    /**
     * The tables read by sub-selects in the text (MySQL cannot read the table an UPDATE/DELETE writes in one); null
     * for none. Never changed once set, so that a bound copy can share it.
     */
    private java.util.Set<String> subqueryTables;

    Sql() {
    }

    Sql(String text) {
        this.text.append(text);
    }

    static Sql of(String text, Object... params) {
        Sql sql = new Sql(text);
        Collections.addAll(sql.params, params);
        return sql;
    }

    Sql append(String s) {
        text.append(s);
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        if (other.subqueryTables != null) {
            markSubquery(other.subqueryTables.toArray(String[]::new));
        }
        return this;
    }

    /** Appends one parameter placeholder. */
    Sql param(Object value) {
        text.append('?');
        params.add(value);
        return this;
    }

    /** Appends a placeholder with a cast or function around it ({@code template} holds one {@code ?}). */
    Sql param(String template, Object value) {
        text.append(template);
        params.add(value);
        return this;
    }

    /**
     * A parameter of a statement prepared once and run many times (the statements of a delete by identifier): the
     * value of {@code field} that each run gives as {@code values.get(index)} to {@link #bind}.
     */
    record Slot(int index, ScalarField field) {}

    /**
     * This statement with each {@link Slot} replaced by the run's value for it, converted as its field's values
     * are; this statement itself for a run without values (its statements were planned for it). Prepared
     * statements are shared between threads, so this one is never changed.
     */
    Sql bind(Session session, List<Object> values) {
        if (values.isEmpty()) {
            return this;
        }
        Sql out = new Sql();
        out.text.append(text);
        out.subqueryTables = subqueryTables;
        for (Object param : params) {
            out.params.add(param instanceof Slot slot ? session.param(slot.field(), values.get(slot.index())) : param);
        }
        return out;
    }

    /** Records that the text holds a sub-select reading these tables. */
    Sql markSubquery(String... tables) {
        java.util.Set<String> marked = subqueryTables == null ? new java.util.HashSet<>()
                : new java.util.HashSet<>(subqueryTables);
        java.util.Collections.addAll(marked, tables);
        subqueryTables = marked;
        return this;
    }

    /** Whether a sub-select of the text reads the table. */
    boolean readsTable(String table) {
        return subqueryTables != null && subqueryTables.contains(table);
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return params;
    }

    /** Joins fragments with a separator (for example {@code " AND "}). */
    static Sql join(List<Sql> parts, String separator) {
        Sql out = new Sql();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(parts.get(i));
        }
        return out;
    }

    /** Marks where {@link #template} puts a fragment into SQL text that a dialect built around it. */
    static final String HOLE = "\u0000";

    /**
     * The text with each {@link #HOLE} replaced by the next fragment (a copy of the last one when fewer are given),
     * parameters in order.
     */
    static Sql template(String text, Sql... fragments) {
        Sql out = new Sql();
        int next = 0;
        int start = 0;
        int hole = text.indexOf(HOLE);
        while (hole >= 0) {
            out.append(text.substring(start, hole)).append(fragments[Math.min(next++, fragments.length - 1)].copy());
            start = hole + 1;
            hole = text.indexOf(HOLE, start);
        }
        return out.append(text.substring(start));
    }

    /** {@code (a, b)} for several expressions, {@code a} alone for one. */
    static String tuple(List<String> items) {
        return items.size() == 1 ? items.get(0) : "(" + String.join(", ", items) + ")";
    }

    /** A copy, so that the same fragment can appear twice in a statement. */
    Sql copy() {
        return new Sql().append(this);
    }

    @Override
    public String toString() {
        return params.isEmpty() ? text.toString() : text + " -- " + params;
    }
}
