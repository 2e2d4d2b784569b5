package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.schema.model.ScalarField;
import java.util.List;

/** UPDATE and DELETE statements over a {@link RowSet}. */
final class Dml {
    private Dml() {
    }

    static Sql delete(Session session, ModelMeta model, RowSet rows) {
        return new Sql("DELETE FROM " + session.table(model) + " WHERE ").append(where(session, model, rows));
    }

    static Sql update(Session session, ModelMeta model, RowSet rows, List<Assignment> assignments) {
        String table = session.table(model);
        Sql sql = new Sql("UPDATE " + table + " SET ");
        for (int i = 0; i < assignments.size(); i++) {
            Assignment assignment = assignments.get(i);
            ScalarField field = assignment.field();
            sql.append((i > 0 ? ", " : "") + session.quote(field.columnName()) + " = ")
                    .append(assignment.expression(session, session.column(table, field.columnName())));
        }
        return sql.append(" WHERE ").append(where(session, model, rows));
    }

    /**
     * The WHERE of a statement that writes the model's table. MySQL refuses a sub-select that reads the table being
     * written (error 1093); there the set becomes a derived table of identifiers, which MySQL materializes first.
     */
    private static Sql where(Session session, ModelMeta model, RowSet rows) {
        String table = session.table(model);
        Sql predicate = rows.at(table);
        if (!session.dialect.dmlCannotReadTargetTable() || !predicate.readsTable(model.table)) {
            return predicate;
        }
        String w = session.alias();
        String d = session.alias();
        List<String> id = model.identifierColumns();
        List<String> outer = id.stream().map(c -> session.column(table, c)).toList();
        List<String> inner = id.stream().map(c -> session.column(w, c)).toList();
        return new Sql(Sql.tuple(outer) + " IN (SELECT * FROM (SELECT " + String.join(", ", inner) + " FROM "
                + table + " AS " + w + " WHERE ").append(rows.at(w)).append(") AS " + d + ")");
    }
}
