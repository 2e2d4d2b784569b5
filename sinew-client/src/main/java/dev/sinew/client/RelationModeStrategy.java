package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.ScalarField;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who keeps referential integrity on the client's writes: the database's foreign keys ({@link ForeignKeysStrategy})
 * or the client itself ({@link EmulatedStrategy}, {@code relationMode = "prisma"}). Chosen once per client; the
 * writer calls it around every insert, update and delete, and nothing else in the client looks at the relation mode.
 */
interface RelationModeStrategy {

    /** Whether deleting rows of the model needs work before the DELETE (so the writer takes and locks their keys). */
    boolean emulatesDelete(ModelMeta model);

    /** Whether an UPDATE that changes these fields of the model needs work before it. */
    boolean emulatesUpdate(ModelMeta model, Collection<ScalarField> changed);

    /**
     * The isolation level the pool's connections run at whatever the database's default, because this mode cannot
     * keep the references whole above it; null: the database's default.
     */
    IsolationLevel connectionIsolationLevel();

    /** Whether rows read to be referenced (nested connect) are share-locked, and roots locked before changes. */
    boolean locksRows();

    /**
     * Checks that the records the foreign keys of inserted rows reference exist, in the insert's transaction: before
     * the insert, or after an insert that skips duplicates, for the rows it did insert (a skipped row references
     * nothing new, and the database's foreign key does not check it either).
     *
     * @param rows     the rows' values by field name (canonical values)
     * @param verified relations whose referenced record the writer has just read or created itself
     */
    void beforeInsert(Session session, ModelMeta model, List<Map<String, Object>> rows, Set<Relation> verified)
            throws SQLException;

    /** The fields of the model whose values {@link #beforeInsert} checks; empty where it checks nothing. */
    List<ScalarField> checkedOnInsert(ModelMeta model, Set<Relation> verified);

    /**
     * The work to run before the rows are deleted (their keys locked already): the onDelete of every relation
     * pointing to them. It depends on nothing but the model and the shape of {@code rows}, so it can be prepared
     * once for rows named by {@link Sql.Slot}s and run for every delete of that shape.
     */
    Steps prepareDelete(Session session, ModelMeta model, RowSet rows);

    /** Before the rows are deleted: {@link #prepareDelete}, run at once. */
    default void beforeDelete(Session session, ModelMeta model, RowSet rows) throws SQLException {
        prepareDelete(session, model, rows).run(session, List.of());
    }

    /**
     * Before the rows are updated with the assignments: the onUpdate of every relation whose referenced fields
     * change, and the check that changed foreign keys reference existing records.
     */
    void beforeUpdate(Session session, ModelMeta model, RowSet rows, List<Assignment> assignments,
                      Set<Relation> verified) throws SQLException;

    /** Statements a strategy prepared for a write, run before the write's own statement. */
    @FunctionalInterface
    interface Steps {
        Steps NONE = (session, values) -> { };

        /** Runs (or queues) the statements, with {@code values} in their {@link Sql.Slot}s. */
        void run(Session session, List<Object> values) throws SQLException;
    }
}
