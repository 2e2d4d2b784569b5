package dev.sinew.client;

import dev.sinew.client.Reader.Selection;
import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.client.Schema.RelationLink;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.sql.ConstraintViolation;
import dev.sinew.sql.Dialect;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The writes: create, createMany, update, updateMany, upsert, delete, deleteMany, with every nested write. Every
 * change of rows goes through four primitives (insert, update of a row set, delete of a row set, join-row writes),
 * and those ask the {@link RelationModeStrategy} for the work the relation mode adds, so that nested writes get
 * exactly the referential actions that top-level writes get.
 */
final class Writer {
    static final List<String> CREATE_ARGS = List.of("data", "select", "include", "omit");
    static final List<String> CREATE_MANY_ARGS = List.of("data", "skipDuplicates");
    static final List<String> UPDATE_ARGS = List.of("where", "data", "select", "include", "omit");
    static final List<String> UPDATE_MANY_ARGS = List.of("where", "data", "limit");
    static final List<String> UPSERT_ARGS = List.of("where", "create", "update", "select", "include", "omit");
    static final List<String> DELETE_ARGS = List.of("where", "select", "include", "omit");
    static final List<String> DELETE_MANY_ARGS = List.of("where", "limit");

    /** How often {@link #createUnlessRaced} creates before a unique violation stands. */
    private static final int RACED_CREATE_ATTEMPTS = 3;
    private static final List<String> ATOMIC_OPS = List.of("set", "increment", "decrement", "multiply", "divide");
    private static final List<String> LIST_OPS = List.of("set", "push");
    /** The order nested writes run in, whatever the order of the caller's map. */
    private static final List<String> NESTED_ORDER = List.of("set", "disconnect", "delete", "deleteMany", "update",
            "updateMany", "upsert", "connect", "connectOrCreate", "create", "createMany");

    private final Session session;
    private final Reader reader;
    private final Filters filters;

    Writer(Session session) {
        this.session = session;
        this.reader = new Reader(session);
        this.filters = new Filters(session);
    }

    // ==============================================================================================================
    // operations

    Map<String, Object> create(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, CREATE_ARGS, null);
        Selection selection = reader.selection(model, args, "");
        Map<String, Object> data = Args.map(require(args, "data"), "data", model.name + "CreateInput");
        Map<String, Object> id = createOne(model, data, null, "data");
        return reader.readByIdentifiers(model, List.of(id), selection).get(0);
    }

    Map<String, Object> createMany(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, CREATE_MANY_ARGS, null);
        boolean skipDuplicates = args.get("skipDuplicates") != null && Args.bool(args.get("skipDuplicates"),
                "skipDuplicates");
        List<Object> items = Args.list(require(args, "data"), "data", model.name + "CreateManyInput[]", true);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = Args.map(items.get(i), "data." + i, model.name + "CreateManyInput");
            rows.add(scalarRow(model, item, null, "data." + i));
        }
        int count = insertMany(model, rows, skipDuplicates, Set.of());
        return countResult(count);
    }

    Map<String, Object> update(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, UPDATE_ARGS, null);
        Selection selection = reader.selection(model, args, "");
        Map<String, Object> where = Args.map(require(args, "where"), "where", model.name + "WhereUniqueInput");
        Map<String, Object> data = Args.map(require(args, "data"), "data", model.name + "UpdateInput");
        Map<String, Object> row = findRow(model, whereUnique(model, where, "where"), true);
        if (row == null) {
            throw Errors.recordNotFound(model.name, "an update");
        }
        Map<String, Object> id = updateOne(model, row, data, "data");
        return readBack(model, id, selection, "an update");
    }

    Map<String, Object> updateMany(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, UPDATE_MANY_ARGS, null);
        Map<String, Object> where = Args.optionalMap(args, "where", model.name + "WhereInput");
        Map<String, Object> data = Args.map(require(args, "data"), "data", model.name + "UpdateManyMutationInput");
        List<Assignment> assignments = scalarAssignments(model, data, "data", true);
        Integer limit = limit(args);
        RowSet rows = new RowSet(model, q -> filters.where(model, where, q));
        int count;
        if (assignments.isEmpty()) {
            count = limit == null ? countWhere(model, where) : Math.min(limit, countWhere(model, where));
        } else if (limit != null) {
            count = updateByIdentifiers(model, lockIdentifiers(model, rows, limit), assignments, Set.of());
        } else {
            count = updateWhere(model, rows, assignments, Set.of());
        }
        return countResult(count);
    }

    Map<String, Object> upsert(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, UPSERT_ARGS, null);
        Selection selection = reader.selection(model, args, "");
        Map<String, Object> where = Args.map(require(args, "where"), "where", model.name + "WhereUniqueInput");
        Map<String, Object> create = Args.map(require(args, "create"), "create", model.name + "CreateInput");
        Map<String, Object> update = Args.map(require(args, "update"), "update", model.name + "UpdateInput");
        Function<String, Sql> unique = whereUnique(model, where, "where");
        Map<String, Object> id = upsertOne(model, unique, create, update, null, "");
        return readBack(model, id, selection, "an upsert");
    }

    /**
     * The record as the call returns it, read by its identifier. With foreign keys nothing locks the record between
     * the call's first read and this one, so another transaction may have deleted it or changed its identifier
     * meanwhile: then the record was not found ({@code P2025}), as when the first read found nothing.
     */
    private Map<String, Object> readBack(ModelMeta model, Map<String, Object> id, Selection selection,
                                         String operation) throws SQLException {
        List<Map<String, Object>> rows = reader.readByIdentifiers(model, List.of(id), selection);
        if (rows.isEmpty()) {
            throw Errors.recordNotFound(model.name, operation);
        }
        return rows.get(0);
    }

    Map<String, Object> delete(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, DELETE_ARGS, null);
        Selection selection = reader.selection(model, args, "");
        Map<String, Object> where = Args.map(require(args, "where"), "where", model.name + "WhereUniqueInput");
        Function<String, Sql> unique = whereUnique(model, where, "where");
        if (selection.relations.isEmpty() && selection.counts == null) {
            return deleteOwnFields(model, where, unique, selection);
        }
        Map<String, Object> row = findRow(model, unique, true);
        if (row == null) {
            throw Errors.recordNotFound(model.name, "a delete");
        }
        Map<String, Object> id = identifierOf(model, row);
        Map<String, Object> result = readBack(model, id, selection, "a delete");
        if (deleteByIdentifiers(model, List.of(id)) == 0) {
            throw Errors.recordNotFound(model.name, "a delete");
        }
        return result;
    }

    /**
     * A delete that returns only the record's own fields. Nothing of it waits for an answer before the DELETE: the
     * record is read (and locked, first of all) by a query that travels with the relation mode's statements and
     * the DELETE, every one of them naming the record by the unique {@code where}, in one round trip where the
     * database takes several statements and the plan has no check. The locked row is the record as it is deleted.
     * A record that is missing when it is locked fails the call, and the transaction rolls back whatever the
     * statements after the lock found (a record inserted in the meantime by another transaction, say).
     *
     * <p>A delete by identifier, the usual one, runs statements prepared once per model ({@link PreparedDelete}):
     * planning them again for every call was most of the client's own time in a small cascade.
     */
    private Map<String, Object> deleteOwnFields(ModelMeta model, Map<String, Object> where,
                                                Function<String, Sql> unique, Selection selection)
            throws SQLException {
        Map<String, Object> id = identifierNamedBy(model, where);
        PreparedDelete delete;
        List<Object> values;
        if (id != null) {
            delete = session.engine.preparedDeletes.computeIfAbsent(model, m -> prepareDelete(m,
                    RowSet.ofIdentifiers(session, m, List.of(identifierSlots(m)))));
            values = new ArrayList<>(id.values());
        } else {
            delete = prepareDelete(model, new RowSet(model, unique));
            values = List.of();
        }
        Session.Deferred<Map<String, Object>> found = session.defer(delete.read().bind(session, values),
                rs -> readAll(model, rs), rows -> {
                    if (rows.isEmpty()) {
                        throw Errors.recordNotFound(model.name, "a delete");
                    }
                });
        delete.before().run(session, values);
        if (session.update(delete.delete().bind(session, values)) == 0) {
            throw Errors.recordNotFound(model.name, "a delete");
        }
        Map<String, Object> row = found.rows().get(0);
        Map<String, Object> result = new LinkedHashMap<>();
        for (ScalarField field : selection.scalars) {
            result.put(field.name(), row.get(field.name()));
        }
        return result;
    }

    /**
     * The statements of a delete of the rows, in order: the read (and lock) of the rows, what the relation mode
     * does before the DELETE, the DELETE. Prepared for rows named by {@link Sql.Slot}s, it runs for any record.
     */
    record PreparedDelete(Sql read, RelationModeStrategy.Steps before, Sql delete) {}

    private PreparedDelete prepareDelete(ModelMeta model, RowSet rows) {
        String a = session.alias();
        Sql read = selectAll(model, a).append(rows.at(a));
        if (session.strategy.locksRows()) {
            read.append(session.dialect.updateLockClause());
        }
        RelationModeStrategy.Steps before = session.strategy.emulatesDelete(model)
                ? session.strategy.prepareDelete(session, model, rows) : RelationModeStrategy.Steps.NONE;
        return new PreparedDelete(read, before, Dml.delete(session, model, rows));
    }

    /** The model's identifier with a {@link Sql.Slot} for each field, in the identifier's order. */
    private static Map<String, Object> identifierSlots(ModelMeta model) {
        Map<String, Object> slots = new LinkedHashMap<>();
        for (ScalarField field : model.identifier) {
            slots.put(field.name(), new Sql.Slot(slots.size(), field));
        }
        return slots;
    }

    /**
     * The identifier values of the record a unique {@code where} names when it names nothing but the identifier,
     * with plain values ({@code {id: 1}}, {@code {a_b: {a: 1, b: 2}}}); else null.
     */
    private Map<String, Object> identifierNamedBy(ModelMeta model, Map<String, Object> where) {
        if (where.size() != 1 || model.uniques.isEmpty() || model.identifier.isEmpty()) {
            return null;
        }
        Map.Entry<String, Object> entry = where.entrySet().iterator().next();
        List<ScalarField> id = model.identifier;
        Map<String, Object> values;
        String path;
        if (id.size() == 1) {
            if (!entry.getKey().equals(id.get(0).name())) {
                return null;
            }
            values = Map.of(entry.getKey(), entry.getValue());
            path = "where.";
        } else {
            if (!entry.getKey().equals(model.uniques.get(0).name()) || !(entry.getValue() instanceof Map<?, ?> m)
                    || m.size() != id.size()) {
                return null;
            }
            values = Args.map(entry.getValue(), "where." + entry.getKey(), model.name + "WhereUniqueInput");
            path = "where." + entry.getKey() + ".";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ScalarField field : id) {
            Object value = values.get(field.name());
            if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
                return null;
            }
            out.put(field.name(), session.values.coerceOne(field, value, path + field.name()));
        }
        return out;
    }

    Map<String, Object> deleteMany(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, DELETE_MANY_ARGS, null);
        Map<String, Object> where = Args.optionalMap(args, "where", model.name + "WhereInput");
        Integer limit = limit(args);
        RowSet rows = new RowSet(model, q -> filters.where(model, where, q));
        return countResult(limit == null ? deleteWhere(model, rows)
                : deleteByIdentifiers(model, lockIdentifiers(model, rows, limit)));
    }

    /** {@code limit} of updateMany and deleteMany: at most that many records, whichever the database finds first. */
    private static Integer limit(Map<String, Object> args) {
        Integer limit = Args.optionalInt(args, "limit");
        if (limit != null && limit < 0) {
            throw Errors.inputError("Provided limit (" + limit + ") must be a positive integer.");
        }
        return limit;
    }

    private static Map<String, Object> countResult(int count) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count);
        return out;
    }

    private int countWhere(ModelMeta model, Map<String, Object> where) throws SQLException {
        String a = session.alias();
        Sql sql = new Sql("SELECT COUNT(*) FROM " + session.table(model) + " AS " + a + " WHERE ")
                .append(filters.where(model, where, a));
        return (int) session.query(sql, rs -> rs.getLong(1)).get(0).longValue();
    }

    private static Object require(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value == null) {
            throw Args.missing(key, null);
        }
        return value;
    }

    private Function<String, Sql> whereUnique(ModelMeta model, Map<String, Object> where, String argument) {
        Filters.requireUnique(model, where, argument);
        return q -> filters.where(model, where, q);
    }

    // ==============================================================================================================
    // create

    /**
     * Values a parent imposes on a record created under it: the record's foreign key to the parent.
     *
     * @param link   the created record's relation field pointing to the parent (its foreign key side)
     * @param values the foreign key values by field name
     */
    record Imposed(RelationLink link, Map<String, Object> values) {}

    /** Creates one record and its nested writes; returns its identifier values. */
    Map<String, Object> createOne(ModelMeta model, Map<String, Object> data, Imposed imposed, String path)
            throws SQLException {
        Set<Relation> verified = new HashSet<>();
        Map<String, Object> forwardValues = new LinkedHashMap<>();
        Map<String, String> setByRelation = new LinkedHashMap<>();
        List<RelationLink> later = new ArrayList<>();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            String key = entry.getKey();
            if (model.scalar(key) != null) {
                continue;
            }
            RelationLink link = model.relations.get(key);
            if (link == null || (imposed != null && link == imposed.link())) {
                throw unknownDataField(model, key, imposed, path);
            }
            if (!link.isForward()) {
                later.add(link);
                continue;
            }
            if (entry.getValue() == null) {
                if (link.fieldRequired) {
                    throw Errors.invalid("Argument `" + key + "` must not be null.");
                }
                continue;
            }
            Map<String, Object> ops = Args.map(entry.getValue(), path + "." + key,
                    link.other.name + "CreateNestedOneWithout" + capitalize(key) + "Input");
            Map<String, Object> referenced = resolveForward(model, link, ops, false, path + "." + key);
            for (int i = 0; i < link.selfFields.size(); i++) {
                forwardValues.put(link.selfFields.get(i).name(), referenced.get(link.otherFields.get(i).name()));
                setByRelation.put(link.selfFields.get(i).name(), key);
            }
            verified.add(link.relation);
        }
        Map<String, Object> row = scalarRow(model, data, imposed, path);
        for (Map.Entry<String, Object> entry : forwardValues.entrySet()) {
            if (data.containsKey(entry.getKey())) {
                throw Errors.invalid("Argument `" + entry.getKey() + "` cannot be given together with `"
                        + setByRelation.get(entry.getKey()) + "` in " + path + ".");
            }
            row.put(entry.getKey(), entry.getValue());
        }
        if (imposed != null) {
            verified.add(imposed.link().relation);
        }
        for (RelationLink link : model.relations.values()) {
            if (link.isForward() && link.fieldRequired && (imposed == null || link != imposed.link())
                    && link.selfFields.stream().anyMatch(f -> row.get(f.name()) == null)) {
                throw Errors.invalid("Argument `" + link.field + "` is missing in " + path + ".");
            }
        }
        session.strategy.beforeInsert(session, model, List.of(row), verified);
        Map<String, Object> id = insertOne(model, row);
        if (!later.isEmpty()) {
            Map<String, Object> parent = new LinkedHashMap<>(row);
            parent.putAll(id);
            for (RelationLink link : later) {
                Object value = data.get(link.field);
                if (value != null) {
                    nestedWrites(model, link, parent, Args.map(value, path + "." + link.field,
                            link.other.name + "CreateNestedWithout" + capitalize(link.field) + "Input"),
                            path + "." + link.field, true);
                }
            }
        }
        return id;
    }

    /**
     * The scalar values of a record to insert: the data's scalars, the imposed foreign key, and the defaults the
     * client computes. Relation fields in {@code data} are left to the caller.
     */
    private Map<String, Object> scalarRow(ModelMeta model, Map<String, Object> data, Imposed imposed, String path) {
        Map<String, Object> row = new LinkedHashMap<>();
        Set<String> imposedFields = imposed == null ? Set.of() : imposed.values().keySet();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            ScalarField field = model.scalar(entry.getKey());
            if (field == null) {
                if (!model.relations.containsKey(entry.getKey())) {
                    throw unknownDataField(model, entry.getKey(), imposed, path);
                }
                continue;
            }
            if (imposedFields.contains(field.name())) {
                throw unknownDataField(model, entry.getKey(), imposed, path);
            }
            Object value = entry.getValue();
            if (value == null) {
                if (field.arity().isRequired()) {
                    throw Errors.invalid("Argument `" + field.name() + "` must not be null.");
                }
                row.put(field.name(), null);
            } else {
                if (value instanceof Map<?, ?> set && field.arity().isList()) {
                    value = Args.map(set, path + "." + field.name(), "set").get("set");
                }
                row.put(field.name(), session.values.coerce(field, value, path + "." + field.name()));
            }
        }
        if (imposed != null) {
            row.putAll(imposed.values());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (ScalarField field : model.scalars) {
            if (row.containsKey(field.name())) {
                continue;
            }
            Object value = defaultValue(field, now);
            if (value != null) {
                row.put(field.name(), value);
            } else if (field.arity().isRequired() && !databaseDefault(field) && !isRequiredRelationScalar(model, field)) {
                throw Errors.invalid("Argument `" + field.name() + "` is missing in " + path + ".");
            }
        }
        return row;
    }

    /** Whether the field is a foreign key scalar of a relation (the relation field reports it missing instead). */
    private static boolean isRequiredRelationScalar(ModelMeta model, ScalarField field) {
        for (RelationLink link : model.relations.values()) {
            if (link.isForward() && link.selfFields.contains(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean databaseDefault(ScalarField field) {
        DefaultValue value = field.defaultValue();
        return value instanceof DefaultValue.Autoincrement || value instanceof DefaultValue.DbGenerated
                || value instanceof DefaultValue.Sequence || value instanceof DefaultValue.Auto;
    }

    /** The value the client supplies for a field left out of create data, or null. */
    private Object defaultValue(ScalarField field, Instant now) {
        if (field.updatedAt()) {
            return now;
        }
        DefaultValue value = field.defaultValue();
        if (value == null) {
            return null;
        }
        if (value instanceof DefaultValue.Now) {
            return now;
        }
        if (value instanceof DefaultValue.Uuid uuid) {
            return Ids.uuid(uuid.version());
        }
        if (value instanceof DefaultValue.Cuid cuid) {
            return Ids.cuid(cuid.version());
        }
        if (value instanceof DefaultValue.Ulid) {
            return Ids.ulid();
        }
        if (value instanceof DefaultValue.Nanoid nanoid) {
            return Ids.nanoid(nanoid.length());
        }
        if (value instanceof DefaultValue.EnumValue enumValue) {
            return enumValue.value();
        }
        if (value instanceof DefaultValue.Literal literal) {
            return literal(field, literal.value());
        }
        if (value instanceof DefaultValue.ListValue list) {
            List<Object> items = new ArrayList<>();
            for (DefaultValue item : list.items()) {
                items.add(item instanceof DefaultValue.EnumValue e ? e.value()
                        : item instanceof DefaultValue.Literal l ? literal(field, l.value()) : null);
            }
            return items;
        }
        return null;
    }

    private static Object literal(ScalarField field, Object value) {
        ScalarKind kind = field.scalarKind();
        if (kind == null || value == null) {
            return value;
        }
        return switch (kind) {
            case INT -> ((Number) value).intValue();
            case BIG_INT -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).doubleValue();
            case DECIMAL -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            case DATE_TIME -> Values.toInstant(value);
            case BYTES -> value instanceof String s ? Base64.getDecoder().decode(s) : value;
            default -> value;
        };
    }

    /** INSERT of one row; returns its identifier (read back when the database generates it). */
    private Map<String, Object> insertOne(ModelMeta model, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            ScalarField field = model.scalar(entry.getKey());
            columns.add(session.quote(field.columnName()));
            params.add(session.param(field, entry.getValue()));
        }
        Sql sql = new Sql("INSERT INTO " + session.table(model));
        if (columns.isEmpty()) {
            sql.append(session.dialect.emptyInsertValues());
        } else {
            sql.append(" (" + String.join(", ", columns) + ") VALUES (");
            for (int i = 0; i < params.size(); i++) {
                sql.append(i > 0 ? ", " : "").param(params.get(i));
            }
            sql.append(")");
        }
        List<ScalarField> identifier = model.identifier;
        boolean known = identifier.stream().allMatch(f -> row.get(f.name()) != null);
        Map<String, Object> id = new LinkedHashMap<>();
        if (known) {
            session.update(sql);
            for (ScalarField field : identifier) {
                id.put(field.name(), row.get(field.name()));
            }
            return id;
        }
        if (session.dialect.insertReturning()) {
            sql.append(" RETURNING " + String.join(", ", identifier.stream()
                    .map(f -> session.quote(f.columnName())).toList()));
            List<Map<String, Object>> returned = session.query(sql, rs -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < identifier.size(); i++) {
                    values.put(identifier.get(i).name(), session.read(rs, i + 1, identifier.get(i)));
                }
                return values;
            });
            return returned.get(0);
        }
        List<List<Object>> keys = session.insertReturningGeneratedKeys(sql, 1);
        for (ScalarField field : identifier) {
            Object value = row.get(field.name());
            if (value == null && !keys.isEmpty()) {
                value = Values.coerceKind(field.scalarKind(), keys.get(0).get(0) instanceof Number n
                        ? (Object) n.longValue() : keys.get(0).get(0));
            }
            id.put(field.name(), value);
        }
        return id;
    }

    /** Multi-row INSERTs of complete scalar rows, grouped by their columns and chunked to the parameter limit. */
    int insertMany(ModelMeta model, List<Map<String, Object>> rows, boolean skipDuplicates, Set<Relation> verified)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        // A row skipped as a duplicate references nothing new: an insert that skips duplicates returns the values to
        // check of the rows it did insert, and they are checked after it (before it, of every row, where the
        // database cannot return rows).
        List<ScalarField> checkAfter = skipDuplicates && session.dialect.insertReturning()
                ? session.strategy.checkedOnInsert(model, verified) : List.of();
        if (checkAfter.isEmpty()) {
            session.strategy.beforeInsert(session, model, rows, verified);
        }
        Map<List<String>, List<Map<String, Object>>> byColumns = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            byColumns.computeIfAbsent(new ArrayList<>(row.keySet()), k -> new ArrayList<>()).add(row);
        }
        int count = 0;
        for (Map.Entry<List<String>, List<Map<String, Object>>> group : byColumns.entrySet()) {
            List<String> fields = group.getKey();
            if (fields.isEmpty()) {
                for (Map<String, Object> row : group.getValue()) {
                    insertOne(model, row);
                    count++;
                }
                continue;
            }
            int chunk = Math.max(1, session.dialect.maxBindParameters() / fields.size());
            List<Map<String, Object>> all = group.getValue();
            String firstColumn = session.quote(model.scalar(fields.get(0)).columnName());
            for (int start = 0; start < all.size(); start += chunk) {
                List<Map<String, Object>> part = all.subList(start, Math.min(all.size(), start + chunk));
                Sql sql = new Sql("INSERT INTO " + session.table(model) + " (" + String.join(", ", fields.stream()
                        .map(f -> session.quote(model.scalar(f).columnName())).toList()) + ") VALUES ");
                for (int r = 0; r < part.size(); r++) {
                    sql.append(r > 0 ? ", (" : "(");
                    for (int i = 0; i < fields.size(); i++) {
                        ScalarField field = model.scalar(fields.get(i));
                        sql.append(i > 0 ? ", " : "").param(session.param(field, part.get(r).get(fields.get(i))));
                    }
                    sql.append(")");
                }
                count += skipDuplicates
                        ? insertSkippingDuplicates(model, sql, part.size(), firstColumn, checkAfter, verified)
                        : session.update(sql);
            }
        }
        return count;
    }

    /**
     * Runs an INSERT of {@code rows} rows that skips the duplicates; returns how many rows it inserted.
     * {@code checkAfter}: the foreign key fields whose references are checked after the insert, on the rows it
     * returns; empty when there is nothing to check after it.
     */
    private int insertSkippingDuplicates(ModelMeta model, Sql insert, int rows, String column,
                                         List<ScalarField> checkAfter, Set<Relation> verified) throws SQLException {
        Optional<Dialect.SkippedRowsCounter> counter = session.dialect.skippedRowsCounter(column);
        insert.append(counter.map(Dialect.SkippedRowsCounter::clause)
                .orElseGet(() -> session.dialect.skipDuplicates(column)));
        counter.ifPresent(c -> session.defer(new Sql(c.reset())));
        if (checkAfter.isEmpty()) {
            if (counter.isEmpty()) {
                return session.update(insert);
            }
            session.defer(insert); // runs with the counter's read, in one round trip
        } else {
            // the rows inserted; on MariaDB also the duplicates, as stored, which reference existing records
            List<Map<String, Object>> returned = session.query(insert.append(" RETURNING " + String.join(", ",
                    checkAfter.stream().map(f -> session.quote(f.columnName())).toList())), rs -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < checkAfter.size(); i++) {
                    row.put(checkAfter.get(i).name(), session.read(rs, i + 1, checkAfter.get(i)));
                }
                return row;
            });
            session.strategy.beforeInsert(session, model, returned, verified);
            if (counter.isEmpty()) {
                return returned.size();
            }
        }
        long skipped = session.query(new Sql(counter.get().read()), rs -> rs.getLong(1)).get(0);
        return rows - (int) skipped;
    }

    /** The referenced record of a forward relation's create/connect/connectOrCreate: its referenced values. */
    private Map<String, Object> resolveForward(ModelMeta model, RelationLink link, Map<String, Object> ops,
                                               boolean exclusive, String path) throws SQLException {
        Args.allowOnly(ops, List.of("create", "connect", "connectOrCreate"), path);
        if (ops.size() != 1) {
            throw Errors.invalid("Argument `" + path + "` needs exactly one of `create`, `connect` or"
                    + " `connectOrCreate`.");
        }
        if (ops.containsKey("create")) {
            Map<String, Object> id = createOne(link.other, Args.map(ops.get("create"), path + ".create",
                    link.other.name + "CreateInput"), null, path + ".create");
            return fieldValues(link.other, id, link.otherFields);
        }
        if (ops.containsKey("connect")) {
            Map<String, Object> where = Args.map(ops.get("connect"), path + ".connect",
                    link.other.name + "WhereUniqueInput");
            Map<String, Object> found = findReferenced(link.other, where, exclusive, path + ".connect");
            if (found == null) {
                throw Errors.relatedRecordNotFound(model.name, link.other.name, link.relation, "a nested connect",
                        "needed to inline the relation on '" + model.name + "' record(s)");
            }
            return found;
        }
        Map<String, Object> connectOrCreate = Args.map(ops.get("connectOrCreate"), path + ".connectOrCreate",
                link.other.name + "CreateOrConnectInput");
        Args.allowOnly(connectOrCreate, List.of("where", "create"), path + ".connectOrCreate");
        Map<String, Object> where = Args.map(require(connectOrCreate, "where"), path + ".connectOrCreate.where",
                link.other.name + "WhereUniqueInput");
        Map<String, Object> found = findReferenced(link.other, where, exclusive, path + ".connectOrCreate.where");
        if (found != null) {
            return found;
        }
        Map<String, Object> create = Args.map(require(connectOrCreate, "create"), path + ".connectOrCreate.create",
                link.other.name + "CreateInput");
        return createUnlessRaced(() -> fieldValues(link.other, createOne(link.other, create, null,
                path + ".connectOrCreate.create"), link.otherFields),
                () -> findCommitted(link.other, q -> filters.where(link.other, where, q), !exclusive));
    }

    /**
     * All scalar values of the record matching a unique where, or null; when the strategy emulates, share-locked
     * (the record is about to be referenced), or with {@code exclusive} locked for update.
     */
    private Map<String, Object> findReferenced(ModelMeta model, Map<String, Object> where, boolean exclusive,
                                               String path) throws SQLException {
        Filters.requireUnique(model, where, path);
        String lock = !session.strategy.locksRows() ? ""
                : exclusive ? session.dialect.updateLockClause() : session.dialect.shareLockClause();
        return find(model, q -> filters.where(model, where, q), lock);
    }

    /** The values of {@code fields} of the record with the identifier (read when the identifier lacks them). */
    private Map<String, Object> fieldValues(ModelMeta model, Map<String, Object> id, List<ScalarField> fields)
            throws SQLException {
        if (fields.stream().allMatch(f -> id.containsKey(f.name()))) {
            return id;
        }
        Map<String, Object> row = findRow(model, q -> reader.identifierIn(model, List.of(id), q), false);
        return row == null ? id : row;
    }

    // ==============================================================================================================
    // update

    /**
     * Updates one record (its current values in {@code current}) with nested writes; returns its identifier after
     * the update.
     */
    Map<String, Object> updateOne(ModelMeta model, Map<String, Object> current, Map<String, Object> data,
                                  String path) throws SQLException {
        Set<Relation> verified = new HashSet<>();
        List<Assignment> assignments = new ArrayList<>();
        List<RelationLink> later = new ArrayList<>();
        boolean reread = false;
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            String key = entry.getKey();
            if (model.scalar(key) != null) {
                continue;
            }
            RelationLink link = model.relations.get(key);
            if (link == null) {
                throw unknownDataField(model, key, null, path);
            }
            if (!link.isForward()) {
                later.add(link);
                continue;
            }
            Map<String, Object> ops = Args.map(entry.getValue(), path + "." + key,
                    link.other.name + "UpdateOneWithout" + capitalize(key) + "NestedInput");
            reread |= forwardUpdate(model, link, current, ops, assignments, verified, path + "." + key);
        }
        if (reread) {
            // A nested update or delete of the referenced record may have changed this one (onUpdate / onDelete).
            Map<String, Object> before = identifierOf(model, current);
            current = findRow(model, q -> reader.identifierIn(model, List.of(before), q), false);
            if (current == null) {
                throw Errors.recordNotFound(model.name, "an update");
            }
        }
        for (Assignment assignment : scalarAssignments(model, data, path, false)) {
            if (assignments.stream().anyMatch(a -> a.field().equals(assignment.field()))) {
                throw Errors.invalid("Argument `" + assignment.field().name()
                        + "` cannot be given together with its relation field in " + path + ".");
            }
            assignments.add(assignment);
        }
        addUpdatedAt(model, assignments, data);
        Map<String, Object> id = identifierOf(model, current);
        Map<String, Object> next = new LinkedHashMap<>(current);
        if (!assignments.isEmpty()) {
            updateByIdentifiers(model, List.of(id), assignments, verified);
            for (Assignment assignment : assignments) {
                next.put(assignment.field().name(), assignment.apply(current.get(assignment.field().name())));
            }
        }
        for (RelationLink link : later) {
            Object value = data.get(link.field);
            if (value != null) {
                nestedWrites(model, link, next, Args.map(value, path + "." + link.field,
                        link.other.name + "UpdateManyWithout" + capitalize(link.field) + "NestedInput"),
                        path + "." + link.field, false);
            }
        }
        return identifierOf(model, next);
    }

    /** Adds {@code @updatedAt = now} for fields the data does not set. */
    private static void addUpdatedAt(ModelMeta model, List<Assignment> assignments, Map<String, Object> data) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (ScalarField field : model.scalars) {
            if (field.updatedAt() && !data.containsKey(field.name())) {
                assignments.add(new Assignment(field, Assignment.Op.SET, now));
            }
        }
    }

    /**
     * The assignments of the scalar fields in update data: a value, or {@code {set|increment|decrement|multiply|
     * divide: n}}, or for a scalar list {@code {set|push: values}}.
     */
    private List<Assignment> scalarAssignments(ModelMeta model, Map<String, Object> data, String path,
                                               boolean scalarsOnly) {
        List<Assignment> out = new ArrayList<>();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            ScalarField field = model.scalar(entry.getKey());
            if (field == null) {
                if (scalarsOnly || !model.relations.containsKey(entry.getKey())) {
                    throw unknownDataField(model, entry.getKey(), null, path);
                }
                continue;
            }
            String argument = path + "." + field.name();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?>) {
                Map<String, Object> ops = Args.map(value, argument, field.type().schemaName() + "FieldUpdateOperationsInput");
                Args.allowOnly(ops, field.arity().isList() ? LIST_OPS : ATOMIC_OPS, argument);
                if (ops.size() != 1) {
                    throw Errors.invalid("Argument `" + argument + "` needs exactly one operation.");
                }
                Map.Entry<String, Object> op = ops.entrySet().iterator().next();
                if (op.getKey().equals("set")) {
                    out.add(set(field, op.getValue(), argument + ".set"));
                    continue;
                }
                if (op.getKey().equals("push")) {
                    if (op.getValue() == null) {
                        throw Args.invalidValue(argument + ".push", field.type().schemaName(), null);
                    }
                    // one value or a list of them, appended (to an empty list where the column is null)
                    Object pushed = op.getValue() instanceof List<?> ? op.getValue() : List.of(op.getValue());
                    out.add(new Assignment(field, Assignment.Op.PUSH,
                            session.values.coerce(field, pushed, argument + ".push")));
                    continue;
                }
                ScalarKind kind = field.scalarKind();
                if (kind != ScalarKind.INT && kind != ScalarKind.BIG_INT && kind != ScalarKind.FLOAT
                        && kind != ScalarKind.DECIMAL || field.arity().isList()) {
                    throw Errors.invalid("Unknown argument `" + op.getKey() + "` in " + argument
                            + ": atomic number operations need a number field.");
                }
                if (op.getValue() == null) {
                    throw Args.invalidValue(argument + "." + op.getKey(), kind.schemaName(), null);
                }
                Object operand = session.values.coerce(field, op.getValue(), argument + "." + op.getKey());
                Assignment.Op kindOp = Assignment.Op.valueOf(op.getKey().toUpperCase(java.util.Locale.ROOT));
                out.add(new Assignment(field, kindOp, operand));
            } else {
                out.add(set(field, value, argument));
            }
        }
        return out;
    }

    private Assignment set(ScalarField field, Object value, String argument) {
        if (value == null && field.arity().isRequired()) {
            throw Errors.invalid("Argument `" + field.name() + "` must not be null.");
        }
        return new Assignment(field, Assignment.Op.SET, session.values.coerce(field, value, argument));
    }

    /**
     * Points the record's foreign key of {@code link} at the {@code referenced} record (just resolved, so the
     * reference needs no check of its own).
     */
    private static void pointAt(RelationLink link, Map<String, Object> referenced, List<Assignment> assignments,
                                Set<Relation> verified) {
        for (int i = 0; i < link.selfFields.size(); i++) {
            assignments.add(new Assignment(link.selfFields.get(i), Assignment.Op.SET,
                    referenced.get(link.otherFields.get(i).name())));
        }
        verified.add(link.relation);
    }

    /**
     * The nested writes of a relation field of which this model holds the foreign key: they set the foreign key
     * (create, connect, connectOrCreate, disconnect) or write the referenced record (update, upsert, delete).
     * Returns whether this record must be read again.
     */
    private boolean forwardUpdate(ModelMeta model, RelationLink link, Map<String, Object> current,
                                  Map<String, Object> ops, List<Assignment> assignments, Set<Relation> verified,
                                  String path) throws SQLException {
        List<String> allowed = new ArrayList<>(List.of("create", "connect", "connectOrCreate", "update", "upsert"));
        if (!link.fieldRequired) {
            allowed.add("disconnect");
            allowed.add("delete");
        }
        Args.allowOnly(ops, allowed, path);
        boolean reread = false;
        RelationLink back = link.inverse();
        for (String op : NESTED_ORDER) {
            if (!ops.containsKey(op)) {
                continue;
            }
            Object value = ops.get(op);
            String at = path + "." + op;
            switch (op) {
                case "create", "connect", "connectOrCreate" -> {
                    // One-to-one: the record's other holder is disconnected first. Locking the record for update
                    // makes concurrent connects to it take turns, each disconnecting the one before, where with a
                    // share lock both would find no other holder and one would fail on the unique constraint.
                    boolean oneToOne = !link.list && back != null && !back.list;
                    Map<String, Object> referenced = resolveForward(model, link, Map.of(op, value), oneToOne,
                            path);
                    if (oneToOne) {
                        detachOtherOneToOne(model, link, referenced, current);
                    }
                    pointAt(link, referenced, assignments, verified);
                }
                case "disconnect" -> {
                    if (value instanceof Boolean b && !b) {
                        continue;
                    }
                    if (value instanceof Map<?, ?>) {
                        Map<String, Object> filter = Args.map(value, at, link.other.name + "WhereInput");
                        if (findConnectedForward(link, current, filter, false) == null) {
                            continue;
                        }
                    }
                    for (ScalarField field : link.selfFields) {
                        assignments.add(new Assignment(field, Assignment.Op.SET, null));
                    }
                }
                case "update" -> {
                    Map<String, Object> update = Args.map(value, at, link.other.name + "UpdateInput");
                    Map<String, Object> filter = null;
                    if (update.containsKey("data") && update.keySet().stream().allMatch(k -> k.equals("data")
                            || k.equals("where"))) {
                        filter = Args.optionalMap(update, "where", link.other.name + "WhereInput");
                        update = Args.map(update.get("data"), at + ".data", link.other.name + "UpdateInput");
                    }
                    Map<String, Object> related = findConnectedForward(link, current, filter, true);
                    if (related == null) {
                        throw Errors.relatedRecordNotFound(model.name, link.other.name, link.relation,
                                "a nested update", null);
                    }
                    updateOne(link.other, related, update, at);
                    reread = true;
                }
                case "upsert" -> {
                    Map<String, Object> upsert = Args.map(value, at, link.other.name + "UpsertInput");
                    Args.allowOnly(upsert, List.of("create", "update", "where"), at);
                    Map<String, Object> filter = Args.optionalMap(upsert, "where", link.other.name + "WhereInput");
                    Map<String, Object> related = findConnectedForward(link, current, filter, true);
                    if (related != null) {
                        updateOne(link.other, related, Args.map(require(upsert, "update"), at + ".update",
                                link.other.name + "UpdateInput"), at + ".update");
                        reread = true;
                    } else {
                        Map<String, Object> referenced = resolveForward(model, link,
                                Map.of("create", require(upsert, "create")), false, path);
                        pointAt(link, referenced, assignments, verified);
                    }
                }
                case "delete" -> {
                    if (value instanceof Boolean b && !b) {
                        continue;
                    }
                    Map<String, Object> filter = value instanceof Map<?, ?>
                            ? Args.map(value, at, link.other.name + "WhereInput") : null;
                    Map<String, Object> related = findConnectedForward(link, current, filter, true);
                    if (related == null) {
                        throw Errors.relatedRecordNotFound(model.name, link.other.name, link.relation,
                                "a nested delete", null);
                    }
                    deleteByIdentifiers(link.other, List.of(identifierOf(link.other, related)));
                    reread = true;
                }
                default -> throw new IllegalStateException(op);
            }
        }
        return reread;
    }

    /**
     * Before a one-to-one's foreign key side points at a record, the record it used to be connected to through the
     * same relation loses it: another record holding the same unique foreign key value.
     */
    private void detachOtherOneToOne(ModelMeta model, RelationLink link, Map<String, Object> referenced,
                                     Map<String, Object> current) throws SQLException {
        Function<String, Sql> holder = q -> {
            Sql sql = new Sql();
            for (int i = 0; i < link.selfFields.size(); i++) {
                ScalarField field = link.selfFields.get(i);
                sql.append(i > 0 ? " AND " : "").append(session.column(q, field.columnName()) + " = ")
                        .param(session.param(field, referenced.get(link.otherFields.get(i).name())));
            }
            Sql self = reader.identifierIn(model, List.of(identifierOf(model, current)), q);
            return sql.append(" AND NOT ").append(Filters.paren(self));
        };
        Map<String, Object> other = findRow(model, holder, true);
        if (other == null) {
            return;
        }
        if (link.foreignKeyRequired()) {
            throw Errors.relationViolation(session.operationModel(), link.relation);
        }
        List<Assignment> nulls = new ArrayList<>();
        for (ScalarField field : link.selfFields) {
            nulls.add(new Assignment(field, Assignment.Op.SET, null));
        }
        updateByIdentifiers(model, List.of(identifierOf(model, other)), nulls, Set.of());
    }

    /** The record this record's foreign key references, if it matches {@code filter}; null when none. */
    private Map<String, Object> findConnectedForward(RelationLink link, Map<String, Object> current,
                                                     Map<String, Object> filter, boolean lock) throws SQLException {
        for (ScalarField field : link.selfFields) {
            if (current.get(field.name()) == null) {
                return null;
            }
        }
        return findRow(link.other, q -> {
            Sql sql = new Sql();
            for (int i = 0; i < link.otherFields.size(); i++) {
                ScalarField field = link.otherFields.get(i);
                sql.append(i > 0 ? " AND " : "").append(session.column(q, field.columnName()) + " = ")
                        .param(session.param(field, current.get(link.selfFields.get(i).name())));
            }
            if (filter != null && !filter.isEmpty()) {
                sql.append(" AND ").append(Filters.paren(filters.where(link.other, filter, q)));
            }
            return sql;
        }, lock);
    }

    // ==============================================================================================================
    // nested writes on relations whose other side holds the foreign key, and many-to-many

    /**
     * The nested writes of a back relation (the other model holds the foreign key) or a many-to-many relation, for
     * the parent record {@code parent} (all its scalar values).
     */
    private void nestedWrites(ModelMeta model, RelationLink link, Map<String, Object> parent,
                              Map<String, Object> ops, String path, boolean creating) throws SQLException {
        List<String> allowed = new ArrayList<>(List.of("create", "connect", "connectOrCreate"));
        if (link.list && link.isBack()) {
            allowed.add("createMany");
        }
        if (!creating) {
            allowed.addAll(List.of("update", "upsert", "delete"));
            boolean detachable = link.isManyToMany() || !link.foreignKeyRequired();
            if (link.list) {
                allowed.addAll(List.of("updateMany", "deleteMany"));
                if (detachable) {
                    allowed.addAll(List.of("set", "disconnect"));
                }
            } else if (detachable) {
                allowed.add("disconnect");
            }
        }
        Args.allowOnly(ops, allowed, path);
        for (String op : NESTED_ORDER) {
            if (!ops.containsKey(op)) {
                continue;
            }
            Object value = ops.get(op);
            String at = path + "." + op;
            switch (op) {
                case "create" -> {
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> data = Args.map(item, at, link.other.name + "CreateWithout"
                                + capitalize(link.inverseFieldName()) + "Input");
                        nestedCreate(model, link, parent, data, at);
                    }
                }
                case "createMany" -> {
                    Map<String, Object> createMany = Args.map(value, at, link.other.name + "CreateManyEnvelope");
                    Args.allowOnly(createMany, List.of("data", "skipDuplicates"), at);
                    boolean skip = createMany.get("skipDuplicates") != null
                            && Args.bool(createMany.get("skipDuplicates"), at + ".skipDuplicates");
                    Imposed imposed = imposedBy(link, parent);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Object item : Args.list(require(createMany, "data"), at + ".data", "List", true)) {
                        rows.add(scalarRow(link.other, Args.map(item, at + ".data", link.other.name
                                + "CreateManyInput"), imposed, at + ".data"));
                    }
                    insertMany(link.other, rows, skip, Set.of(link.relation));
                }
                case "connect" -> {
                    List<Object> wheres = items(link, value, at);
                    connect(model, link, parent, wheres, at);
                }
                case "connectOrCreate" -> {
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> coc = Args.map(item, at, link.other.name + "CreateOrConnectInput");
                        Args.allowOnly(coc, List.of("where", "create"), at);
                        Map<String, Object> where = Args.map(require(coc, "where"), at + ".where",
                                link.other.name + "WhereUniqueInput");
                        Map<String, Object> found = findToConnect(link, where, at + ".where");
                        if (found != null) {
                            attach(link, parent, List.of(found));
                            continue;
                        }
                        Map<String, Object> create = Args.map(require(coc, "create"), at + ".create",
                                link.other.name + "CreateInput");
                        createUnlessRaced(() -> {
                            nestedCreate(model, link, parent, create, at + ".create");
                            return true;
                        }, () -> {
                            Map<String, Object> raced = findCommitted(link.other,
                                    q -> filters.where(link.other, where, q), link.isManyToMany());
                            if (raced == null) {
                                return null;
                            }
                            attach(link, parent, List.of(raced));
                            return true;
                        });
                    }
                }
                case "set" -> {
                    List<Object> wheres = items(link, value, at);
                    if (link.isManyToMany()) {
                        session.update(joinDelete(link, parent, null));
                    } else {
                        disconnectBack(link, parent, null);
                    }
                    if (!wheres.isEmpty()) {
                        connect(model, link, parent, wheres, at);
                    }
                }
                case "disconnect" -> {
                    if (!link.list) {
                        if (value instanceof Boolean b) {
                            if (b) {
                                disconnectOne(link, parent, null);
                            }
                        } else {
                            disconnectOne(link, parent, Args.map(value, at, link.other.name + "WhereInput"));
                        }
                        continue;
                    }
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> where = Args.map(item, at, link.other.name + "WhereUniqueInput");
                        Filters.requireUnique(link.other, where, at);
                        disconnectOne(link, parent, where);
                    }
                }
                case "delete" -> {
                    if (!link.list) {
                        if (value instanceof Boolean b && !b) {
                            continue;
                        }
                        Map<String, Object> filter = value instanceof Map<?, ?>
                                ? Args.map(value, at, link.other.name + "WhereInput") : Map.of();
                        int deleted = deleteWhere(link.other, connectedRows(link, parent).and(q ->
                                filters.where(link.other, filter, q)));
                        if (deleted == 0) {
                            throw Errors.relatedRecordNotFound(model.name, link.other.name, link.relation,
                                    "a nested delete", null);
                        }
                        continue;
                    }
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> where = Args.map(item, at, link.other.name + "WhereUniqueInput");
                        Filters.requireUnique(link.other, where, at);
                        int deleted = deleteWhere(link.other, connectedRows(link, parent).and(q ->
                                filters.where(link.other, where, q)));
                        if (deleted == 0) {
                            throw Errors.notConnected(model.name, link.relation, model.name, link.other.name);
                        }
                    }
                }
                case "deleteMany" -> {
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> filter = Args.map(item, at, link.other.name + "ScalarWhereInput");
                        deleteWhere(link.other, connectedRows(link, parent).and(q ->
                                filters.where(link.other, filter, q)));
                    }
                }
                case "update" -> {
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> update = Args.map(item, at, link.other.name + "UpdateWithWhereUniqueInput");
                        Map<String, Object> where = null;
                        if (link.list) {
                            Args.allowOnly(update, List.of("where", "data"), at);
                            where = Args.map(require(update, "where"), at + ".where",
                                    link.other.name + "WhereUniqueInput");
                            Filters.requireUnique(link.other, where, at + ".where");
                            update = Args.map(require(update, "data"), at + ".data", link.other.name + "UpdateInput");
                        } else if (update.containsKey("data") && update.keySet().stream()
                                .allMatch(k -> k.equals("data") || k.equals("where"))) {
                            where = Args.optionalMap(update, "where", link.other.name + "WhereInput");
                            update = Args.map(update.get("data"), at + ".data", link.other.name + "UpdateInput");
                        }
                        Map<String, Object> filter = where;
                        Map<String, Object> row = findRow(link.other, connectedRows(link, parent).and(q ->
                                filters.where(link.other, filter, q)).predicate(), true);
                        if (row == null) {
                            throw Errors.relatedRecordNotFound(model.name, link.other.name, link.relation,
                                    "a nested update", null);
                        }
                        updateOne(link.other, row, update, at);
                    }
                }
                case "updateMany" -> {
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> update = Args.map(item, at, link.other.name + "UpdateManyWithWhereInput");
                        Args.allowOnly(update, List.of("where", "data"), at);
                        Map<String, Object> where = Args.optionalMap(update, "where",
                                link.other.name + "ScalarWhereInput");
                        List<Assignment> assignments = scalarAssignments(link.other, Args.map(require(update, "data"),
                                at + ".data", link.other.name + "UpdateManyMutationInput"), at + ".data", true);
                        addUpdatedAt(link.other, assignments, Map.of());
                        if (!assignments.isEmpty()) {
                            updateWhere(link.other, connectedRows(link, parent).and(q ->
                                    filters.where(link.other, where, q)), assignments, Set.of());
                        }
                    }
                }
                case "upsert" -> {
                    for (Object item : items(link, value, at)) {
                        Map<String, Object> upsert = Args.map(item, at, link.other.name + "UpsertNestedInput");
                        Args.allowOnly(upsert, List.of("where", "create", "update"), at);
                        Map<String, Object> where = Args.optionalMap(upsert, "where",
                                link.other.name + (link.list ? "WhereUniqueInput" : "WhereInput"));
                        if (link.list) {
                            if (where == null) {
                                throw Args.missing("where", at);
                            }
                            Filters.requireUnique(link.other, where, at + ".where");
                        }
                        Map<String, Object> create = Args.map(require(upsert, "create"), at + ".create",
                                link.other.name + "CreateInput");
                        Map<String, Object> update = Args.map(require(upsert, "update"), at + ".update",
                                link.other.name + "UpdateInput");
                        Map<String, Object> filter = where;
                        Map<String, Object> row = findRow(link.other, connectedRows(link, parent).and(q ->
                                filters.where(link.other, filter, q)).predicate(), true);
                        if (row != null) {
                            updateOne(link.other, row, update, at + ".update");
                        } else {
                            nestedCreate(model, link, parent, create, at + ".create");
                        }
                    }
                }
                default -> throw new IllegalStateException(op);
            }
        }
    }

    /** The items of a nested write: a list, or one item where Prisma accepts one. */
    private static List<Object> items(RelationLink link, Object value, String at) {
        return Args.list(value, at, link.other.name + " input", true);
    }

    /** The rows of the other model connected to the parent record through the link. */
    private RowSet connectedRows(RelationLink link, Map<String, Object> parent) {
        ModelMeta other = link.other;
        if (link.isManyToMany()) {
            ScalarField selfId = link.selfFields.get(0);
            return new RowSet(other, q -> {
                String j = session.alias();
                return new Sql("EXISTS (SELECT 1 FROM " + session.quote(link.joinTable) + " AS " + j + " WHERE "
                        + session.column(j, link.otherJoinColumn) + " = "
                        + session.column(q, link.otherFields.get(0).columnName()) + " AND "
                        + session.column(j, link.selfJoinColumn) + " = ")
                        .param(session.param(selfId, parent.get(selfId.name()))).append(")")
                        .markSubquery(link.joinTable);
            });
        }
        return new RowSet(other, q -> {
            Sql sql = new Sql();
            for (int i = 0; i < link.otherFields.size(); i++) {
                ScalarField field = link.otherFields.get(i);
                Object value = parent.get(link.selfFields.get(i).name());
                if (value == null) {
                    return new Sql(Filters.FALSE);
                }
                sql.append(i > 0 ? " AND " : "").append(session.column(q, field.columnName()) + " = ")
                        .param(session.param(field, value));
            }
            return sql;
        });
    }

    /** The foreign key values a record created under the parent through a back link gets. */
    private static Imposed imposedBy(RelationLink link, Map<String, Object> parent) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < link.otherFields.size(); i++) {
            values.put(link.otherFields.get(i).name(), parent.get(link.selfFields.get(i).name()));
        }
        return new Imposed(link.inverse(), values);
    }

    private void nestedCreate(ModelMeta model, RelationLink link, Map<String, Object> parent,
                              Map<String, Object> data, String at) throws SQLException {
        if (link.isManyToMany()) {
            Map<String, Object> id = createOne(link.other, data, null, at);
            insertJoinRows(link, parent, List.of(id.get(link.otherFields.get(0).name())));
            return;
        }
        if (!link.list) {
            disconnectOne(link, parent, null, true);
        }
        createOne(link.other, data, imposedBy(link, parent), at);
    }

    /** Connects the records of the other model named by the unique wheres to the parent. */
    private void connect(ModelMeta model, RelationLink link, Map<String, Object> parent, List<Object> wheres,
                         String at) throws SQLException {
        List<Map<String, Object>> named = new ArrayList<>(wheres.size());
        for (Object item : wheres) {
            named.add(Args.map(item, at, link.other.name + "WhereUniqueInput"));
        }
        List<Map<String, Object>> targets = findAllToConnect(link, named, at);
        if (targets == null) {
            targets = new ArrayList<>();
            for (Map<String, Object> where : named) {
                Map<String, Object> found = findToConnect(link, where, at);
                if (found != null) {
                    targets.add(found);
                }
            }
        }
        if (targets.size() < wheres.size()) {
            if (link.isManyToMany()) {
                throw Errors.expectedRecords(model.name, wheres.size(), targets.size());
            }
            if (link.list) {
                throw Errors.connectedRecordsNotFound(model.name, link.relation, wheres.size(), targets.size());
            }
            throw Errors.relatedRecordNotFound(model.name, link.other.name, link.relation, "a nested connect",
                    null);
        }
        attach(link, parent, targets);
    }

    /**
     * The record a connect names, read with the lock the connect needs: share-locked where a join row will reference
     * it, locked for update where its foreign key will change.
     */
    private Map<String, Object> findToConnect(RelationLink link, Map<String, Object> where, String at)
            throws SQLException {
        if (link.isManyToMany()) {
            return findReferenced(link.other, where, false, at);
        }
        Filters.requireUnique(link.other, where, at);
        return findRow(link.other, q -> filters.where(link.other, where, q), true);
    }

    /**
     * The records a connect of several names, in the order named (a record not found left out), read with the lock
     * {@link #findToConnect} takes, by one statement per key list instead of one per record. Only where every
     * {@code where} names the other model's one-field identifier by a value that the database compares as Java does
     * (numbers; text where the database compares it exactly, without a native type): else null, and the records are
     * read one by one.
     */
    private List<Map<String, Object>> findAllToConnect(RelationLink link, List<Map<String, Object>> wheres, String at)
            throws SQLException {
        ModelMeta other = link.other;
        if (wheres.size() < 2 || other.identifier.size() != 1) {
            return null;
        }
        ScalarField id = other.identifier.get(0);
        ScalarKind kind = id.scalarKind();
        boolean exact = kind == ScalarKind.INT || kind == ScalarKind.BIG_INT || (kind == ScalarKind.STRING
                && id.nativeType() == null && session.dialect.comparesTextExactly());
        if (!exact) {
            return null;
        }
        List<Object> keys = new ArrayList<>(wheres.size());
        for (Map<String, Object> where : wheres) {
            Object value = where.size() == 1 ? where.get(id.name()) : null;
            if (value == null || value instanceof Map<?, ?>) {
                return null;
            }
            keys.add(session.values.coerceOne(id, value, at + "." + id.name()));
        }
        String lock = !session.strategy.locksRows() ? ""
                : link.isManyToMany() ? session.dialect.shareLockClause() : session.dialect.updateLockClause();
        List<Object> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
        Map<Object, Map<String, Object>> found = new HashMap<>();
        int chunk = session.dialect.keyListRows(1);
        for (int from = 0; from < distinct.size(); from += chunk) {
            List<Map<String, Object>> part = distinct.subList(from, Math.min(distinct.size(), from + chunk)).stream()
                    .map(key -> Map.of(id.name(), key)).toList();
            String a = session.alias();
            Sql sql = selectAll(other, a).append(reader.identifierIn(other, part, a)).append(lock);
            for (Map<String, Object> row : session.query(sql, rs -> readAll(other, rs))) {
                found.put(row.get(id.name()), row);
            }
        }
        List<Map<String, Object>> targets = new ArrayList<>(keys.size());
        for (Object key : keys) {
            Map<String, Object> row = found.get(key);
            if (row != null) {
                targets.add(row);
            }
        }
        return targets;
    }

    /** Connects the records {@code targets} (all their scalar values, read by {@link #findToConnect}) to the parent. */
    private void attach(RelationLink link, Map<String, Object> parent, List<Map<String, Object>> targets)
            throws SQLException {
        if (link.isManyToMany()) {
            List<Object> ids = new ArrayList<>();
            for (Map<String, Object> target : targets) {
                ids.add(target.get(link.otherFields.get(0).name()));
            }
            insertJoinRows(link, parent, ids);
            return;
        }
        if (!link.list) {
            Map<String, Object> target = identifierOf(link.other, targets.get(0));
            disconnectOne(link, parent, null, true, target);
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < link.otherFields.size(); i++) {
            assignments.add(new Assignment(link.otherFields.get(i), Assignment.Op.SET,
                    parent.get(link.selfFields.get(i).name())));
        }
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Map<String, Object> target : targets) {
            ids.add(identifierOf(link.other, target));
        }
        updateByIdentifiers(link.other, ids, assignments, Set.of(link.relation));
    }

    private void disconnectOne(RelationLink link, Map<String, Object> parent, Map<String, Object> where)
            throws SQLException {
        disconnectOne(link, parent, where, false, null);
    }

    private void disconnectOne(RelationLink link, Map<String, Object> parent, Map<String, Object> where,
                               boolean replacing) throws SQLException {
        disconnectOne(link, parent, where, replacing, null);
    }

    /**
     * Disconnects connected records of the other model (matching {@code where} when given): their foreign key
     * becomes NULL, or the join row goes. {@code replacing}: a one-to-one gets a new record, so a required foreign
     * key on the old one cannot be nulled (P2014); {@code except} is the record being connected.
     */
    private void disconnectOne(RelationLink link, Map<String, Object> parent, Map<String, Object> where,
                               boolean replacing, Map<String, Object> except) throws SQLException {
        if (link.isManyToMany()) {
            session.update(joinDelete(link, parent, where));
            return;
        }
        RowSet rows = connectedRows(link, parent);
        if (where != null && !where.isEmpty()) {
            rows = rows.and(q -> filters.where(link.other, where, q));
        }
        if (except != null) {
            rows = rows.and(q -> new Sql("NOT ").append(Filters.paren(reader.identifierIn(link.other,
                    List.of(except), q))));
        }
        if (replacing && link.foreignKeyRequired()) {
            String a = session.alias();
            if (session.exists(new Sql("SELECT 1 FROM " + session.table(link.other) + " AS " + a + " WHERE ")
                    .append(rows.at(a)))) {
                throw Errors.relationViolation(session.operationModel(), link.relation);
            }
            return;
        }
        disconnectBack(link, parent, rows);
    }

    /** Nulls the foreign key of the connected records in {@code rows} (all connected ones when null). */
    private void disconnectBack(RelationLink link, Map<String, Object> parent, RowSet rows) throws SQLException {
        RowSet target = rows == null ? connectedRows(link, parent) : rows;
        List<Assignment> nulls = new ArrayList<>();
        for (ScalarField field : link.otherFields) {
            nulls.add(new Assignment(field, Assignment.Op.SET, null));
        }
        updateWhere(link.other, target, nulls, Set.of());
    }

    private Sql joinDelete(RelationLink link, Map<String, Object> parent, Map<String, Object> where) {
        String join = session.quote(link.joinTable);
        ScalarField selfId = link.selfFields.get(0);
        Sql sql = new Sql("DELETE FROM " + join + " WHERE " + session.column(join, link.selfJoinColumn) + " = ")
                .param(session.param(selfId, parent.get(selfId.name())));
        if (where != null) {
            String a = session.alias();
            sql.append(" AND " + session.column(join, link.otherJoinColumn) + " IN (SELECT "
                    + session.column(a, link.otherFields.get(0).columnName()) + " FROM " + session.table(link.other)
                    + " AS " + a + " WHERE ").append(filters.where(link.other, where, a)).append(")");
        }
        return sql;
    }

    /** Inserts join rows between the parent and each id, skipping pairs already connected. */
    private void insertJoinRows(RelationLink link, Map<String, Object> parent, List<Object> otherIds)
            throws SQLException {
        if (otherIds.isEmpty()) {
            return;
        }
        ScalarField selfId = link.selfFields.get(0);
        ScalarField otherId = link.otherFields.get(0);
        String join = session.quote(link.joinTable);
        int chunk = session.dialect.keyListRows(2); // within the driver's limit on parameters
        for (int from = 0; from < otherIds.size(); from += chunk) {
            List<Object> ids = otherIds.subList(from, Math.min(otherIds.size(), from + chunk));
            Sql sql = new Sql("INSERT INTO " + join + " ("
                    + session.quote(link.selfJoinColumn) + ", " + session.quote(link.otherJoinColumn) + ") VALUES ");
            for (int i = 0; i < ids.size(); i++) {
                sql.append(i > 0 ? ", (" : "(").param(session.param(selfId, parent.get(selfId.name()))).append(", ")
                        .param(session.param(otherId, ids.get(i))).append(")");
            }
            sql.append(session.dialect.skipDuplicates(session.quote(link.selfJoinColumn)));
            session.update(sql);
        }
    }

    // ==============================================================================================================
    // upsert

    private Map<String, Object> upsertOne(ModelMeta model, Function<String, Sql> unique, Map<String, Object> create,
                                          Map<String, Object> update, Imposed imposed, String path)
            throws SQLException {
        Map<String, Object> row = findRow(model, unique, true);
        if (row != null) {
            return updateOne(model, row, update, path + "update");
        }
        // A record another transaction inserts meanwhile is updated instead, as a native upsert would.
        return createUnlessRaced(() -> createOne(model, create, imposed, path + "create"), () -> {
            Map<String, Object> raced = findCommitted(model, unique, false);
            return raced == null ? null : updateOne(model, raced, update, path + "update");
        });
    }

    /** A write that may throw {@link SQLException}. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code create} in a savepoint. Another transaction may insert the same record between the caller's read
     * and this insert; then the insert fails on the unique constraint, and {@code instead} runs on the record the
     * other transaction created, which it reads with {@link #findCommitted}. When {@code instead} finds no such
     * record (returns null), either a third transaction deleted it again, and the create is tried anew, or the
     * violated unique was another one, and after {@link #RACED_CREATE_ATTEMPTS} attempts the violation stands.
     */
    private <T> T createUnlessRaced(SqlWork<T> create, SqlWork<T> instead) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            String savepoint = session.savepoint();
            try {
                T created = create.run();
                session.flush();
                session.releaseSavepoint(savepoint);
                return created;
            } catch (SQLException e) {
                session.discard();
                if (!(session.dialect.constraintViolation(e).orElse(null)
                        instanceof ConstraintViolation.UniqueViolation)) {
                    throw e;
                }
                session.rollbackToSavepoint(savepoint);
                T raced = instead.run();
                if (raced != null) {
                    return raced;
                }
                if (attempt == RACED_CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    // ==============================================================================================================
    // the primitives: row sets updated and deleted with the strategy's work

    /** Updates the rows of a set; with emulation, their keys are read and locked first. Returns the count. */
    int updateWhere(ModelMeta model, RowSet rows, List<Assignment> assignments, Set<Relation> verified)
            throws SQLException {
        if (!session.strategy.emulatesUpdate(model, fieldsOf(assignments))) {
            return session.update(Dml.update(session, model, rows, assignments));
        }
        List<Map<String, Object>> ids = lockIdentifiers(model, rows);
        return updateByIdentifiers(model, ids, assignments, verified);
    }

    /** Updates the records with these identifiers (locked by the caller when the strategy locks). */
    int updateByIdentifiers(ModelMeta model, List<Map<String, Object>> ids, List<Assignment> assignments,
                            Set<Relation> verified) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        int count = 0;
        boolean emulated = session.strategy.emulatesUpdate(model, fieldsOf(assignments));
        for (List<Map<String, Object>> chunk : chunks(model, ids)) {
            RowSet rows = RowSet.ofIdentifiers(session, model, chunk);
            if (emulated) {
                session.strategy.beforeUpdate(session, model, rows, assignments, verified);
            }
            count += session.update(Dml.update(session, model, rows, assignments));
        }
        return count;
    }

    /** Deletes the rows of a set; with emulation, their keys are read and locked first. Returns the count. */
    int deleteWhere(ModelMeta model, RowSet rows) throws SQLException {
        if (!session.strategy.emulatesDelete(model)) {
            return session.update(Dml.delete(session, model, rows));
        }
        return deleteByIdentifiers(model, lockIdentifiers(model, rows));
    }

    int deleteByIdentifiers(ModelMeta model, List<Map<String, Object>> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        int count = 0;
        boolean emulated = session.strategy.emulatesDelete(model);
        for (List<Map<String, Object>> chunk : chunks(model, ids)) {
            RowSet rows = RowSet.ofIdentifiers(session, model, chunk);
            if (emulated) {
                session.strategy.beforeDelete(session, model, rows);
            }
            count += session.update(Dml.delete(session, model, rows));
        }
        return count;
    }

    /** The identifiers of the set's rows, locked for update when the strategy takes row locks. */
    private List<Map<String, Object>> lockIdentifiers(ModelMeta model, RowSet rows) throws SQLException {
        return lockIdentifiers(model, rows, null);
    }

    /**
     * The identifiers of at most {@code limit} of the set's rows, or of all of them when it is null. The rows a limit
     * chose are locked in either mode: the write then acts by their identifiers, and they must still be the rows
     * its filter chose.
     */
    private List<Map<String, Object>> lockIdentifiers(ModelMeta model, RowSet rows, Integer limit)
            throws SQLException {
        String a = session.alias();
        List<ScalarField> id = model.identifier;
        Sql sql = new Sql("SELECT " + String.join(", ", id.stream().map(f -> session.column(a, f.columnName()))
                .toList()) + " FROM " + session.table(model) + " AS " + a + " WHERE ").append(rows.at(a));
        if (limit != null) {
            sql.append(session.dialect.limitOffset(limit, null));
        }
        if (limit != null || session.strategy.locksRows()) {
            sql.append(session.dialect.updateLockClause());
        }
        return session.query(sql, rs -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < id.size(); i++) {
                values.put(id.get(i).name(), session.read(rs, i + 1, id.get(i)));
            }
            return values;
        });
    }

    private List<List<Map<String, Object>>> chunks(ModelMeta model, List<Map<String, Object>> ids) {
        int size = session.dialect.keyListRows(model.identifier.size());
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += size) {
            out.add(ids.subList(start, Math.min(ids.size(), start + size)));
        }
        return out;
    }

    private static List<ScalarField> fieldsOf(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::field).toList();
    }

    // ==============================================================================================================
    // rows

    /** All scalar values of the one row matching the predicate (locked for update when asked and possible). */
    private Map<String, Object> findRow(ModelMeta model, Function<String, Sql> predicate, boolean lock)
            throws SQLException {
        return find(model, predicate, lock && session.strategy.locksRows() ? session.dialect.updateLockClause() : "");
    }

    /**
     * The record as last committed, or null: a locking read whatever the relation mode, because at MySQL's
     * REPEATABLE READ a plain read still sees the transaction's snapshot, without a row committed since.
     */
    private Map<String, Object> findCommitted(ModelMeta model, Function<String, Sql> predicate, boolean shared)
            throws SQLException {
        return find(model, predicate, shared ? session.dialect.shareLockClause() : session.dialect.updateLockClause());
    }

    private Map<String, Object> find(ModelMeta model, Function<String, Sql> predicate, String lockClause)
            throws SQLException {
        String a = session.alias();
        Sql sql = selectAll(model, a).append(predicate.apply(a)).append(lockClause);
        List<Map<String, Object>> rows = session.query(sql, rs -> readAll(model, rs));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Sql selectAll(ModelMeta model, String a) {
        return new Sql("SELECT " + String.join(", ", model.scalars.stream()
                .map(f -> session.column(a, f.columnName())).toList()) + " FROM " + session.table(model) + " AS " + a
                + " WHERE ");
    }

    private Map<String, Object> readAll(ModelMeta model, java.sql.ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        int i = 1;
        for (ScalarField field : model.scalars) {
            row.put(field.name(), session.read(rs, i++, field));
        }
        return row;
    }

    static Map<String, Object> identifierOf(ModelMeta model, Map<String, Object> row) {
        Map<String, Object> id = new LinkedHashMap<>();
        for (ScalarField field : model.identifier) {
            id.put(field.name(), row.get(field.name()));
        }
        return id;
    }

    private static SinewException unknownDataField(ModelMeta model, String key, Imposed imposed, String path) {
        List<String> options = new ArrayList<>();
        for (ScalarField field : model.scalars) {
            if (imposed == null || !imposed.values().containsKey(field.name())) {
                options.add(field.name());
            }
        }
        for (String relation : model.relations.keySet()) {
            if (imposed == null || !relation.equals(imposed.link().field)) {
                options.add(relation);
            }
        }
        return Errors.invalid("Unknown argument `" + key + "` in " + path + " of model `" + model.name + "`."
                + Hints.didYouMean(key, options) + " Available options: " + String.join(", ", options) + ".");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
