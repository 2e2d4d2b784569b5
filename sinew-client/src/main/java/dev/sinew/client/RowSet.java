package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.schema.model.ScalarField;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A set of rows of one model as a predicate the database evaluates: the rows a write affects, and, level by level,
 * the rows related to them. A set never holds the rows themselves; nested sets are sub-selects of their parent set,
 * so the emulation never ships child keys to the client.
 *
 * @param model       whose rows
 * @param predicate   the predicate over the rows named by a qualifier (an alias, or the quoted table in DML)
 * @param identifiers the identifier values of exactly the set's rows when the client has them (the locked roots of
 *                    a write), else null
 */
record RowSet(ModelMeta model, Function<String, Sql> predicate, List<Map<String, Object>> identifiers) {

    RowSet(ModelMeta model, Function<String, Sql> predicate) {
        this(model, predicate, null);
    }

    Sql at(String qualifier) {
        return predicate.apply(qualifier);
    }

    /** The rows whose identifier is one of {@code identifiers}. */
    static RowSet ofIdentifiers(Session session, ModelMeta model, List<Map<String, Object>> identifiers) {
        Reader reader = new Reader(session);
        return new RowSet(model, q -> reader.identifierIn(model, identifiers, q), List.copyOf(identifiers));
    }

    /**
     * The rows of {@code child} whose foreign key {@code fields} references, through {@code references}, a row of
     * {@code parents}. NULL foreign keys never match.
     */
    static RowSet children(Session session, ModelMeta child, List<ScalarField> fields, List<ScalarField> references,
                           RowSet parents) {
        return new RowSet(child, q -> parents.keyIn(session,
                fields.stream().map(f -> session.column(q, f.columnName())).toList(), references));
    }

    /**
     * {@code (columns) IN (fields of the set's rows)}: the values in a list where the client has them (the parents'
     * keys are then the values it already holds), else a sub-select of the set, as the dialect writes one
     * ({@link dev.sinew.sql.Dialect#inSubquery}). NULL never matches.
     */
    Sql keyIn(Session session, List<String> columns, List<ScalarField> fields) {
        List<List<Object>> known = valuesOf(fields);
        if (known != null) {
            return in(session, columns, fields, known);
        }
        String p = session.alias();
        List<String> selected = fields.stream().map(f -> session.column(p, f.columnName())).toList();
        Sql subquery = new Sql("SELECT " + String.join(", ", selected) + " FROM " + session.table(model) + " AS " + p
                + " WHERE ").append(at(p));
        return Sql.template(session.dialect.inSubquery(Sql.tuple(columns), columns.size(), Sql.HOLE), subquery)
                .markSubquery(model.table);
    }

    /**
     * The values of {@code fields} of the set's rows when the client has them without asking the database (the
     * fields are the identifier of a set made of identifier values), else null.
     */
    List<List<Object>> valuesOf(List<ScalarField> fields) {
        if (identifiers == null || !fields.equals(model.identifier)) {
            return null;
        }
        List<List<Object>> out = new java.util.ArrayList<>(identifiers.size());
        for (Map<String, Object> identifier : identifiers) {
            List<Object> row = new java.util.ArrayList<>(fields.size());
            for (ScalarField field : fields) {
                row.add(identifier.get(field.name()));
            }
            out.add(row);
        }
        return out;
    }

    /** {@code (columns) IN ((?, ?), ...)} of the values, bound as {@code types}. */
    private static Sql in(Session session, List<String> columns, List<ScalarField> types,
                          List<List<Object>> values) {
        List<Object> params = new java.util.ArrayList<>();
        for (List<Object> row : values) {
            for (int i = 0; i < types.size(); i++) {
                params.add(session.param(types.get(i), row.get(i)));
            }
        }
        return Reader.appendWithParams(new Sql(), session.dialect.inList(Sql.tuple(columns), columns.size(),
                values.size()), params);
    }

    /** The rows of this set that also satisfy {@code extra}. */
    RowSet and(Function<String, Sql> extra) {
        return new RowSet(model, q -> Filters.paren(at(q)).append(" AND ").append(Filters.paren(extra.apply(q))));
    }
}
