package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.client.Schema.RelationLink;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.sql.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code relationMode = "prisma"}: the client keeps referential integrity, in the same transaction as the write.
 *
 * <p>One rule covers every write: deleting rows of a model runs the onDelete of every relation pointing to it;
 * changing columns of a model runs the onUpdate of every relation whose referenced columns change (on the value
 * changing, as a foreign key acts) and checks that changed foreign keys reference existing records; inserting
 * checks the referenced records too (unless turned off, as Prisma does). NoAction is Restrict.
 *
 * <p>The work is planned over {@link RowSet}s: each relation at each level is one statement whose rows are a
 * sub-select of the level above, evaluated by the database. The plan runs in three phases: row locks top-down
 * (the rows about to be deleted or re-keyed, so that a concurrent insert of a child, which share-locks its parent
 * first, either committed before and is seen, or waits and then fails its check); every Restrict check and
 * reference check, before any change (a Restrict check reads at most one row); then the changes bottom-up, so that
 * no sub-select reads a row a previous statement of the plan has changed. The root statement comes last, from the
 * writer.
 */
final class EmulatedStrategy implements RelationModeStrategy {
    private final Schema schema;
    private final Dialect dialect;
    private final boolean checkOnCreate;
    private final boolean rowLocks;

    EmulatedStrategy(Schema schema, Dialect dialect, boolean checkOnCreate) {
        this.schema = schema;
        this.dialect = dialect;
        this.checkOnCreate = checkOnCreate;
        this.rowLocks = dialect.hasRowLocks();
    }

    // --------------------------------------------------------------------------------------------------------------
    // what needs emulation

    @Override
    public boolean emulatesDelete(ModelMeta model) {
        return !pointingTo(model).isEmpty() || hasManyToMany(model);
    }

    @Override
    public boolean emulatesUpdate(ModelMeta model, Collection<ScalarField> changed) {
        Set<String> names = names(changed);
        for (Relation relation : pointingTo(model)) {
            if (intersects(relation.references(), names)) {
                return true;
            }
        }
        for (RelationLink link : model.relations.values()) {
            if (link.isForward() && intersects(link.relation.fields(), names)) {
                return true;
            }
            if (link.isManyToMany() && intersects(model.identifierNames(), names)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The emulation's statements must read the latest committed rows: a cascade reading a snapshot would leave
     * behind a child that another transaction added after the snapshot was taken. Where the database's writes read
     * a snapshot above some level (PostgreSQL above READ COMMITTED), every connection runs at the highest level
     * below, whatever the database's default; an interactive transaction may still ask for more
     * ({@link Plan#run} then refuses the writes that need the latest rows).
     */
    @Override
    public IsolationLevel connectionIsolationLevel() {
        if (!dialect.writesMissRowsCommittedMeanwhile(IsolationLevel.SERIALIZABLE.jdbc())) {
            return null;
        }
        IsolationLevel highest = null;
        for (IsolationLevel level : IsolationLevel.values()) {
            if (!dialect.writesMissRowsCommittedMeanwhile(level.jdbc())) {
                highest = level;
            }
        }
        return highest;
    }

    @Override
    public boolean locksRows() {
        return rowLocks;
    }

    private List<Relation> pointingTo(ModelMeta model) {
        return schema.datamodel.relationsPointingTo(model.name);
    }

    private static boolean hasManyToMany(ModelMeta model) {
        return model.relations.values().stream().anyMatch(RelationLink::isManyToMany);
    }

    private static Set<String> names(Collection<ScalarField> fields) {
        Set<String> names = new HashSet<>();
        for (ScalarField field : fields) {
            names.add(field.name());
        }
        return names;
    }

    private static boolean intersects(Collection<String> a, Set<String> b) {
        for (String name : a) {
            if (b.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** NoAction is Restrict when the client emulates (Prisma's alias in prisma mode). */
    private static ReferentialAction effective(ReferentialAction action) {
        return action == ReferentialAction.NO_ACTION ? ReferentialAction.RESTRICT : action;
    }

    // --------------------------------------------------------------------------------------------------------------
    // inserts

    @Override
    public void beforeInsert(Session session, ModelMeta model, List<Map<String, Object>> rows, Set<Relation> verified)
            throws SQLException {
        if (!checkOnCreate) {
            return;
        }
        for (RelationLink link : model.relations.values()) {
            if (link.isForward() && !verified.contains(link.relation)) {
                checkReferenced(session, model, link, rows);
            }
        }
    }

    @Override
    public List<ScalarField> checkedOnInsert(ModelMeta model, Set<Relation> verified) {
        if (!checkOnCreate) {
            return List.of();
        }
        LinkedHashSet<ScalarField> fields = new LinkedHashSet<>();
        for (RelationLink link : model.relations.values()) {
            if (link.isForward() && !verified.contains(link.relation)) {
                fields.addAll(link.selfFields);
            }
        }
        return List.copyOf(fields);
    }

    /**
     * One statement per relation (per chunk) over the distinct foreign key values of the rows: the referenced
     * records, share-locked, must all exist.
     */
    private void checkReferenced(Session session, ModelMeta model, RelationLink link, List<Map<String, Object>> rows)
            throws SQLException {
        LinkedHashSet<List<Object>> wanted = new LinkedHashSet<>();
        Map<List<Object>, List<Object>> raw = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> key = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            boolean complete = true;
            for (ScalarField field : link.selfFields) {
                Object value = row.get(field.name());
                if (value == null) {
                    complete = false;
                    break;
                }
                key.add(Keys.normalize(value));
                values.add(value);
            }
            if (complete && wanted.add(key)) {
                raw.put(key, values);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        ModelMeta parent = link.other;
        int width = link.otherFields.size();
        List<List<Object>> all = new ArrayList<>(wanted);
        int chunk = session.dialect.keyListRows(width);
        for (int start = 0; start < all.size(); start += chunk) {
            List<List<Object>> part = all.subList(start, Math.min(all.size(), start + chunk));
            String p = session.alias();
            List<String> columns = link.otherFields.stream().map(f -> session.column(p, f.columnName())).toList();
            List<Object> params = new ArrayList<>();
            for (List<Object> key : part) {
                List<Object> values = raw.get(key);
                for (int i = 0; i < width; i++) {
                    params.add(session.param(link.otherFields.get(i), values.get(i)));
                }
            }
            Sql sql = new Sql("SELECT " + String.join(", ", columns) + " FROM " + session.table(parent) + " AS " + p
                    + " WHERE ");
            Reader.appendWithParams(sql, session.dialect.inList(Sql.tuple(columns), width, part.size()), params);
            sql.append(session.dialect.shareLockClause());
            Set<List<Object>> found = new HashSet<>(session.query(sql, rs -> {
                List<Object> key = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    key.add(Keys.normalize(session.read(rs, i + 1, link.otherFields.get(i))));
                }
                return key;
            }));
            for (List<Object> key : part) {
                // a key equal only as the database compares text (MySQL ignores case): the locking read has
                // locked its record already, and returned it as stored
                if (!found.contains(key) && new Reader(session).storedKey(link.other, link.otherFields,
                        raw.get(key)) == null) {
                    throw Errors.foreignKeyViolation(model.name, link.relation.foreignKeyName(),
                            link.selfColumns(), null);
                }
            }
        }
    }

    // --------------------------------------------------------------------------------------------------------------
    // plans

    /**
     * A check that runs before any change: the query must (or must not) find a row; else the error, given the model
     * of the client call that runs the check (a prepared plan runs for many calls).
     */
    private record Check(Sql query, boolean mustFind, Function<String, SinewException> error) {}

    /**
     * The statements of one emulated write, in their three phases. Once planned it only runs, and may run for many
     * writes at once (a prepared delete), so nothing changes it after planning.
     */
    private static final class Plan implements Steps {
        final List<Sql> locks = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<Sql> changes = new ArrayList<>();
        final List<Relation> path = new ArrayList<>();
        /** The first relation end the plan must find rows of, besides the writer's own; null: none. */
        String findsReferencing;

        /**
         * Without checks, nothing in the plan waits for an answer: locks and changes are queued to travel with the
         * writer's root statement (one round trip with it where the database takes several statements). With
         * checks, locks and checks go first, together, and the changes only when every check passed, so that no
         * change runs when the write is refused.
         */
        @Override
        public void run(Session session, List<Object> values) throws SQLException {
            IsolationLevel level = session.isolationLevel();
            if (findsReferencing != null && level != null
                    && session.dialect.writesMissRowsCommittedMeanwhile(level.jdbc())) {
                throw Errors.emulationNeedsLatestRows(level, findsReferencing);
            }
            if (checks.isEmpty()) {
                for (Sql lock : locks) {
                    session.defer(lock.bind(session, values));
                }
            } else {
                List<Sql> reads = new ArrayList<>(locks.size() + checks.size());
                for (Sql lock : locks) {
                    reads.add(lock.bind(session, values));
                }
                for (Check check : checks) {
                    reads.add(check.query().bind(session, values));
                }
                List<Object> results = session.batch(reads);
                for (int i = 0; i < checks.size(); i++) {
                    Check check = checks.get(i);
                    if ((Boolean) results.get(locks.size() + i) != check.mustFind()) {
                        throw check.error().apply(session.operationModel());
                    }
                }
            }
            for (Sql change : changes) {
                session.defer(change.bind(session, values));
            }
        }

        /**
         * Follows a relation one level down. The validator refuses cycles of modifying actions in prisma mode, so
         * a repeat means a schema that was not validated; stop rather than nest forever.
         */
        void enter(Relation relation) {
            if (path.contains(relation)) {
                throw new SinewException(null, "The referential actions of relation '" + relation.name()
                        + "' form a cycle that cannot be emulated. In relationMode = \"prisma\", one relation of"
                        + " each cycle must use NoAction (or Restrict) for onDelete and onUpdate.", Map.of());
            }
            path.add(relation);
        }

        void leave() {
            path.remove(path.size() - 1);
        }

        /** Notes that the plan reads rows of another relation end, which must be the latest committed ones. */
        void findsRowsOf(String relationEnd) {
            if (findsReferencing == null) {
                findsReferencing = relationEnd;
            }
        }
    }

    @Override
    public Steps prepareDelete(Session session, ModelMeta model, RowSet rows) {
        Plan plan = new Plan();
        planDelete(session, model, rows, plan);
        return plan;
    }

    @Override
    public void beforeUpdate(Session session, ModelMeta model, RowSet rows, List<Assignment> assignments,
                             Set<Relation> verified) throws SQLException {
        Plan plan = new Plan();
        planReferences(session, model, rows, assignments, verified, plan);
        planUpdate(session, model, rows, assignments, plan);
        plan.run(session, List.of());
    }

    /** The onDelete of every relation pointing to the model, for the rows about to be deleted. */
    private void planDelete(Session session, ModelMeta model, RowSet rows, Plan plan) {
        for (Relation relation : pointingTo(model)) {
            ModelMeta child = schema.model(relation.modelA());
            List<ScalarField> fields = fields(child, relation.fields());
            RowSet children = RowSet.children(session, child, fields, fields(model, relation.references()), rows);
            plan.findsRowsOf(relation.modelA() + "." + relation.fieldA());
            switch (effective(relation.onDelete())) {
                case RESTRICT -> plan.checks.add(restrict(session, child, children, relation));
                case CASCADE -> {
                    plan.enter(relation);
                    if (rowLocks && hasDependents(child, null)) {
                        plan.locks.add(lock(session, child, children, false));
                    }
                    planDelete(session, child, children, plan);
                    plan.changes.add(Dml.delete(session, child, children));
                    plan.leave();
                }
                case SET_NULL -> planSetNull(session, relation, child, children, fields, rowLocks, plan);
                default -> throw unsupported(relation, relation.onDelete());
            }
        }
        for (RelationLink link : model.relations.values()) {
            if (link.isManyToMany()) {
                // Implicit many-to-many join rows go with either side (their foreign keys cascade in foreignKeys mode).
                plan.findsRowsOf(link.joinTable);
                plan.changes.add(joinRows(session, link, rows,
                        new Sql("DELETE FROM " + session.quote(link.joinTable))));
            }
        }
    }

    /**
     * The onUpdate of every relation pointing to the model whose referenced fields the assignments change, for the
     * rows whose referenced values really change.
     */
    private void planUpdate(Session session, ModelMeta model, RowSet rows, List<Assignment> assignments, Plan plan) {
        Map<String, Assignment> byField = new LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            byField.put(assignment.field().name(), assignment);
        }
        for (Relation relation : pointingTo(model)) {
            List<ScalarField> references = fields(model, relation.references());
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                if (byField.containsKey(references.get(i).name())) {
                    changed.add(i);
                }
            }
            if (changed.isEmpty()) {
                continue;
            }
            RowSet changing = rows.and(q -> changedPredicate(session, q, references, changed, byField));
            ModelMeta child = schema.model(relation.modelA());
            List<ScalarField> fields = fields(child, relation.fields());
            RowSet children = RowSet.children(session, child, fields, references, changing);
            plan.findsRowsOf(relation.modelA() + "." + relation.fieldA());
            switch (effective(relation.onUpdate())) {
                case RESTRICT -> plan.checks.add(restrict(session, child, children, relation));
                case CASCADE -> {
                    plan.enter(relation);
                    List<Assignment> follow = new ArrayList<>();
                    for (int i : changed) {
                        follow.add(byField.get(references.get(i).name()).onField(fields.get(i)));
                    }
                    if (rowLocks && hasDependents(child, fields)) {
                        plan.locks.add(lock(session, child, children, false));
                    }
                    planReferences(session, child, children, follow, Set.of(relation), plan);
                    planUpdate(session, child, children, follow, plan);
                    plan.changes.add(Dml.update(session, child, children, follow));
                    plan.leave();
                }
                case SET_NULL -> planSetNull(session, relation, child, children, fields, rowLocks, plan);
                default -> throw unsupported(relation, relation.onUpdate());
            }
        }
        List<ScalarField> identifier = model.identifier;
        if (identifier.size() == 1 && byField.containsKey(identifier.get(0).name())) {
            Assignment change = byField.get(identifier.get(0).name());
            for (RelationLink link : model.relations.values()) {
                if (link.isManyToMany()) {
                    // Join rows follow their record's new id, as the join table's ON UPDATE CASCADE would.
                    RowSet changing = rows.and(q -> changedPredicate(session, q, identifier, List.of(0), byField));
                    plan.findsRowsOf(link.joinTable);
                    String join = session.quote(link.joinTable);
                    Sql sql = new Sql("UPDATE " + join + " SET " + session.quote(link.selfJoinColumn) + " = ")
                            .append(change.expression(session, session.column(join, link.selfJoinColumn)));
                    plan.changes.add(joinRows(session, link, changing, sql));
                }
            }
        }
    }

    /**
     * SetNull, for onDelete and onUpdate alike: the children's foreign key set to null, with whatever that change
     * of the children's columns sets off in turn.
     */
    private void planSetNull(Session session, Relation relation, ModelMeta child, RowSet children,
                             List<ScalarField> fields, boolean rowLocks, Plan plan) {
        plan.enter(relation);
        List<Assignment> nulls = new ArrayList<>();
        for (ScalarField field : fields) {
            nulls.add(new Assignment(field, Assignment.Op.SET, null));
        }
        if (rowLocks && hasDependents(child, fields)) {
            plan.locks.add(lock(session, child, children, false));
        }
        planUpdate(session, child, children, nulls, plan);
        plan.changes.add(Dml.update(session, child, children, nulls));
        plan.leave();
    }

    /**
     * Checks that the foreign keys the assignments change reference existing records (share-locking them), for
     * every relation of the model holding the foreign key, except those in {@code skip}.
     */
    private void planReferences(Session session, ModelMeta model, RowSet rows, List<Assignment> assignments,
                                Set<Relation> skip, Plan plan) {
        Map<String, Assignment> byField = new LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            byField.put(assignment.field().name(), assignment);
        }
        for (RelationLink link : model.relations.values()) {
            if (!link.isForward() || skip.contains(link.relation)
                    || link.selfFields.stream().noneMatch(f -> byField.containsKey(f.name()))) {
                continue;
            }
            ModelMeta parent = link.other;
            Function<String, SinewException> error = operationModel -> Errors.foreignKeyViolation(model.name,
                    link.relation.foreignKeyName(), link.selfColumns(), null);
            boolean literal = link.selfFields.stream().allMatch(f -> byField.containsKey(f.name())
                    && byField.get(f.name()).op() == Assignment.Op.SET);
            if (literal) {
                if (link.selfFields.stream().anyMatch(f -> byField.get(f.name()).value() == null)) {
                    continue; // a NULL foreign key references nothing
                }
                String p = session.alias();
                Sql sql = new Sql("SELECT 1 FROM " + session.table(parent) + " AS " + p + " WHERE ");
                for (int i = 0; i < link.selfFields.size(); i++) {
                    ScalarField reference = link.otherFields.get(i);
                    Object value = byField.get(link.selfFields.get(i).name()).value();
                    sql.append((i > 0 ? " AND " : "") + session.column(p, reference.columnName()) + " = ")
                            .param(session.param(reference, value));
                }
                sql.append(session.dialect.shareLockClause());
                plan.checks.add(new Check(sql, true, error));
                continue;
            }
            // The new foreign key differs per row: lock the records the new values reference, then look for a row
            // whose new value references none.
            if (rowLocks) {
                String p = session.alias();
                String a = session.alias();
                List<String> refs = link.otherFields.stream().map(f -> session.column(p, f.columnName())).toList();
                Sql referenced = new Sql("SELECT ").append(newValues(session, link.selfFields, byField, a, ", "))
                        .append(" FROM " + session.table(model) + " AS " + a + " WHERE ").append(rows.at(a));
                Sql predicate = Sql.template(session.dialect.inSubquery(Sql.tuple(refs), refs.size(), Sql.HOLE),
                        referenced);
                plan.locks.add(Sql.template(session.dialect.lockRowsStatement(session.table(parent), p, Sql.HOLE, true),
                        predicate));
            }
            String a = session.alias();
            String p = session.alias();
            Sql sql = new Sql("SELECT 1 FROM " + session.table(model) + " AS " + a + " WHERE ").append(rows.at(a));
            for (ScalarField field : link.selfFields) {
                sql.append(" AND ").append(newValue(session, field, byField, a)).append(" IS NOT NULL");
            }
            sql.append(" AND NOT EXISTS (SELECT 1 FROM " + session.table(parent) + " AS " + p + " WHERE ");
            for (int i = 0; i < link.selfFields.size(); i++) {
                sql.append((i > 0 ? " AND " : "") + session.column(p, link.otherFields.get(i).columnName()) + " = ")
                        .append(newValue(session, link.selfFields.get(i), byField, a));
            }
            sql.append(")").append(session.dialect.limitOffset(1, null));
            plan.checks.add(new Check(sql, false, error));
        }
    }

    private static Sql newValue(Session session, ScalarField field, Map<String, Assignment> byField, String a) {
        String column = session.column(a, field.columnName());
        Assignment assignment = byField.get(field.name());
        return assignment == null ? new Sql(column) : assignment.expression(session, column);
    }

    private static Sql newValues(Session session, List<ScalarField> fields, Map<String, Assignment> byField,
                                 String a, String separator) {
        Sql out = new Sql();
        for (int i = 0; i < fields.size(); i++) {
            out.append(i > 0 ? separator : "").append(newValue(session, fields.get(i), byField, a));
        }
        return out;
    }

    /** The rows whose value of at least one of the changed fields differs from its new value. */
    private static Sql changedPredicate(Session session, String q, List<ScalarField> fields, List<Integer> changed,
                                        Map<String, Assignment> byField) {
        List<Sql> parts = new ArrayList<>();
        for (int i : changed) {
            ScalarField field = fields.get(i);
            String column = session.column(q, field.columnName());
            Sql next = byField.get(field.name()).expression(session, column);
            parts.add(Sql.template(session.dialect.distinctFrom(column, Sql.HOLE), next));
        }
        return parts.size() == 1 ? parts.get(0) : Filters.paren(Sql.join(parts, " OR "));
    }

    /** Whether changing (or, with null, deleting) rows of the model can break references to them. */
    private boolean hasDependents(ModelMeta model, List<ScalarField> changed) {
        if (changed == null) {
            return emulatesDelete(model);
        }
        Set<String> names = names(changed);
        for (Relation relation : pointingTo(model)) {
            if (intersects(relation.references(), names)) {
                return true;
            }
        }
        return hasManyToMany(model) && intersects(model.identifierNames(), names);
    }

    /** P2014 when a row of {@code children} exists; reads at most one row. */
    private static Check restrict(Session session, ModelMeta child, RowSet children, Relation relation) {
        String a = session.alias();
        Sql sql = new Sql("SELECT 1 FROM " + session.table(child) + " AS " + a + " WHERE ").append(children.at(a))
                .append(session.dialect.limitOffset(1, null)).append(session.dialect.restrictCheckLockClause());
        return new Check(sql, false, operationModel -> Errors.relationViolation(operationModel, relation));
    }

    private static Sql lock(Session session, ModelMeta model, RowSet rows, boolean shared) {
        String a = session.alias();
        return Sql.template(session.dialect.lockRowsStatement(session.table(model), a, Sql.HOLE, shared), rows.at(a));
    }

    /** {@code <statement> WHERE selfColumn IN (ids of rows)} on a many-to-many join table. */
    private static Sql joinRows(Session session, RelationLink link, RowSet rows, Sql statement) {
        String join = session.quote(link.joinTable);
        return statement.append(" WHERE ").append(rows.keyIn(session, List.of(session.column(join,
                link.selfJoinColumn)), link.selfFields));
    }

    private static List<ScalarField> fields(ModelMeta model, List<String> names) {
        List<ScalarField> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(model.model.scalarField(name).orElseThrow());
        }
        return out;
    }

    private static SinewException unsupported(Relation relation, ReferentialAction action) {
        return new SinewException(null, "The referential action `" + action.schemaName() + "` of relation '"
                + relation.name() + "' cannot be emulated with relationMode = \"prisma\".", Map.of());
    }
}
