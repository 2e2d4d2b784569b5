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
 * @param model     whose rows
 * @param predicate the predicate over the rows named by a qualifier (an alias, or the quoted table in DML)
 */
record RowSet(ModelMeta model, Function<String, Sql> predicate) {

    Sql at(String qualifier) {
        return predicate.apply(qualifier);
    }

    /** The rows whose identifier is one of {@code identifiers}. */
    static RowSet ofIdentifiers(Session session, ModelMeta model, List<Map<String, Object>> identifiers) {
        Reader reader = new Reader(session);
        return new RowSet(model, q -> reader.identifierIn(model, identifiers, q));
    }

    /**
     * The rows of {@code child} whose foreign key {@code fields} references, through {@code references}, a row of
     * {@code parents}: {@code (fk) IN (SELECT references FROM parent WHERE parents)}. NULL foreign keys never match.
     */
    static RowSet children(Session session, ModelMeta child, List<ScalarField> fields, List<ScalarField> references,
                           RowSet parents) {
        return new RowSet(child, q -> {
            String p = session.alias();
            List<String> fk = fields.stream().map(f -> session.column(q, f.columnName())).toList();
            List<String> ref = references.stream().map(f -> session.column(p, f.columnName())).toList();
            return new Sql(Sql.tuple(fk) + " IN (SELECT " + String.join(", ", ref) + " FROM "
                    + session.table(parents.model()) + " AS " + p + " WHERE ").append(parents.at(p)).append(")")
                    .markSubquery(parents.model().table);
        });
    }

    /** The rows of this set that also satisfy {@code extra}. */
    RowSet and(Function<String, Sql> extra) {
        return new RowSet(model, q -> Filters.paren(at(q)).append(" AND ").append(Filters.paren(extra.apply(q))));
    }
}
