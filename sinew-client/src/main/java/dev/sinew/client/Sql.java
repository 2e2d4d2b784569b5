package dev.sinew.client;

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
    /** The tables read by sub-selects in the text (MySQL cannot read the table an UPDATE/DELETE writes in one). */
    private final java.util.Set<String> subqueryTables = new java.util.HashSet<>();

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
        subqueryTables.addAll(other.subqueryTables);
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

    /** Records that the text holds a sub-select reading these tables. */
    Sql markSubquery(String... tables) {
        java.util.Collections.addAll(subqueryTables, tables);
        return this;
    }

    /** Whether a sub-select of the text reads the table. */
    boolean readsTable(String table) {
        return subqueryTables.contains(table);
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
