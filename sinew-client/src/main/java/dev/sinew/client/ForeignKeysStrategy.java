package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.ScalarField;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code relationMode = "foreignKeys"}: the database's foreign keys enforce every relation and run its referential
 * actions (implicit many-to-many join rows included, through the join table's cascading keys). The client adds no
 * statement; the errors the database raises are translated to Prisma's codes where every error is translated.
 */
final class ForeignKeysStrategy implements RelationModeStrategy {

    @Override
    public boolean emulatesDelete(ModelMeta model) {
        return false;
    }

    @Override
    public boolean emulatesUpdate(ModelMeta model, Collection<ScalarField> changed) {
        return false;
    }

    @Override
    public IsolationLevel connectionIsolationLevel() {
        return null; // the database's foreign keys hold at every level
    }

    @Override
    public boolean locksRows() {
        return false;
    }

    @Override
    public void beforeInsert(Session session, ModelMeta model, List<Map<String, Object>> rows,
                             Set<Relation> verified) {
    }

    @Override
    public List<ScalarField> checkedOnInsert(ModelMeta model, Set<Relation> verified) {
        return List.of();
    }

    @Override
    public Steps prepareDelete(Session session, ModelMeta model, RowSet rows) {
        return Steps.NONE;
    }

    @Override
    public void beforeUpdate(Session session, ModelMeta model, RowSet rows, List<Assignment> assignments,
                             Set<Relation> verified) {
    }
}
