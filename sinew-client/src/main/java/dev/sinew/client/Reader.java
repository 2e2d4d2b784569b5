package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.client.Schema.RelationLink;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.sql.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The reads: findMany, findFirst, findUnique, count, and the re-read that shapes a write's result. Rows of the
 * queried model come from one SELECT; each included relation is one more SELECT over all parents' keys at once
 * (chunked to the parameter limit), and nested includes recurse level by level.
 */
final class Reader {
    static final List<String> FIND_MANY_ARGS = List.of("where", "orderBy", "cursor", "take", "skip", "distinct",
            "select", "include", "omit");
    static final List<String> FIND_UNIQUE_ARGS = List.of("where", "select", "include", "omit");
    static final List<String> COUNT_ARGS = List.of("where", "orderBy", "cursor", "take", "skip");
    private static final List<String> TO_ONE_NESTED_ARGS = List.of("select", "include", "omit");

    private final Session session;
    private final Filters filters;

    Reader(Session session) {
        this.session = session;
        this.filters = new Filters(session);
    }

    // --------------------------------------------------------------------------------------------------------------
    // selections

    /** What one level of a read returns: scalars, included relations (with their own reads) and relation counts. */
    static final class Selection {
        final ModelMeta model;
        final List<ScalarField> scalars = new ArrayList<>();
        final Map<String, NestedRead> relations = new LinkedHashMap<>();
        /** Relation field → filter of {@code _count} (empty map for none); null when no _count is selected. */
        Map<String, Map<String, Object>> counts;

        Selection(ModelMeta model) {
            this.model = model;
        }
    }

    /** An included relation: its find arguments (where, orderBy, take, ...) and what to return of it. */
    record NestedRead(RelationLink link, Map<String, Object> args, Selection selection) {}

    /** The selection of {@code select}/{@code include}/{@code omit} in {@code args} (the default: all scalars). */
    Selection selection(ModelMeta model, Map<String, Object> args, String path) {
        Map<String, Object> select = Args.optionalMap(args, "select", model.name + "Select");
        Map<String, Object> include = Args.optionalMap(args, "include", model.name + "Include");
        Map<String, Object> omit = Args.optionalMap(args, "omit", model.name + "Omit");
        if (select != null && include != null) {
            throw Errors.invalid("Please either use `include` or `select`, but not both at the same time.");
        }
        if (select != null && omit != null) {
            throw Errors.invalid("Please either use `omit` or `select`, but not both at the same time.");
        }
        Selection selection = new Selection(model);
        if (select != null) {
            for (Map.Entry<String, Object> entry : select.entrySet()) {
                String name = entry.getKey();
                Object value = entry.getValue();
                ScalarField scalar = model.scalar(name);
                if (scalar != null) {
                    if (Args.bool(value, path + "select." + name)) {
                        selection.scalars.add(scalar);
                    }
                } else if (!selectRelationOrCount(selection, name, value, path + "select.")) {
                    throw unknownSelection(model, name, "select");
                }
            }
            // Model order, so that results read like Prisma's whatever the map's order.
            selection.scalars.sort((a, b) -> model.scalars.indexOf(a) - model.scalars.indexOf(b));
            return selection;
        }
        Set<String> omitted = new HashSet<>();
        if (omit != null) {
            for (Map.Entry<String, Object> entry : omit.entrySet()) {
                if (model.scalar(entry.getKey()) == null) {
                    throw unknownSelection(model, entry.getKey(), "omit");
                }
                if (Args.bool(entry.getValue(), path + "omit." + entry.getKey())) {
                    omitted.add(entry.getKey());
                }
            }
        }
        for (ScalarField scalar : model.scalars) {
            if (!omitted.contains(scalar.name())) {
                selection.scalars.add(scalar);
            }
        }
        if (include != null) {
            for (Map.Entry<String, Object> entry : include.entrySet()) {
                if (!selectRelationOrCount(selection, entry.getKey(), entry.getValue(), path + "include.")) {
                    throw unknownSelection(model, entry.getKey(), "include");
                }
            }
        }
        return selection;
    }

    private boolean selectRelationOrCount(Selection selection, String name, Object value, String path) {
        ModelMeta model = selection.model;
        if (name.equals("_count")) {
            selectCount(selection, value, path + "_count");
            return true;
        }
        RelationLink link = model.relations.get(name);
        if (link == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            if (b) {
                selection.relations.put(name, new NestedRead(link, Map.of(),
                        selection(link.other, Map.of(), path + name + ".")));
            }
            return true;
        }
        Map<String, Object> args = Args.map(value, path + name, "Boolean or " + link.other.name + "DefaultArgs");
        Args.allowOnly(args, link.list ? FIND_MANY_ARGS : TO_ONE_NESTED_ARGS, path + name);
        selection.relations.put(name, new NestedRead(link, args, selection(link.other, args, path + name + ".")));
        return true;
    }

    private void selectCount(Selection selection, Object value, String path) {
        ModelMeta model = selection.model;
        Map<String, Map<String, Object>> counts = new LinkedHashMap<>();
        if (value instanceof Boolean b) {
            if (!b) {
                return;
            }
            for (RelationLink link : model.relations.values()) {
                if (link.list) {
                    counts.put(link.field, Map.of());
                }
            }
        } else {
            Map<String, Object> args = Args.map(value, path, "Boolean or " + model.name + "CountOutputTypeDefaultArgs");
            Args.allowOnly(args, List.of("select"), path);
            Map<String, Object> select = Args.map(args.get("select"), path + ".select",
                    model.name + "CountOutputTypeSelect");
            for (Map.Entry<String, Object> entry : select.entrySet()) {
                RelationLink link = model.relations.get(entry.getKey());
                if (link == null || !link.list) {
                    throw unknownSelection(model, entry.getKey(), "_count select");
                }
                if (entry.getValue() instanceof Boolean b) {
                    if (b) {
                        counts.put(link.field, Map.of());
                    }
                } else {
                    Map<String, Object> countArgs = Args.map(entry.getValue(), path + ".select." + entry.getKey(),
                            "Boolean or " + model.name + "CountOutputTypeCount" + entry.getKey() + "Args");
                    Args.allowOnly(countArgs, List.of("where"), path + ".select." + entry.getKey());
                    Map<String, Object> where = Args.optionalMap(countArgs, "where", link.other.name + "WhereInput");
                    counts.put(link.field, where == null ? Map.of() : where);
                }
            }
        }
        selection.counts = counts;
    }

    private static SinewException unknownSelection(ModelMeta model, String name, String statement) {
        List<String> options = new ArrayList<>(model.scalarsByName.keySet());
        if (!statement.equals("omit")) {
            options.addAll(model.relations.keySet());
            options.add("_count");
        }
        return Errors.invalid("Unknown field `" + name + "` for " + statement + " statement on model `" + model.name
                + "`." + Hints.didYouMean(name, options) + " Available options: " + String.join(", ", options)
                + ".");
    }

    // --------------------------------------------------------------------------------------------------------------
    // operations

    List<Map<String, Object>> findMany(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, FIND_MANY_ARGS, null);
        Selection selection = selection(model, args, "");
        Map<String, Object> where = Args.optionalMap(args, "where", model.name + "WhereInput");
        List<Row> rows = findRows(model, where, args, selection, null);
        return output(rows, selection);
    }

    Map<String, Object> findFirst(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, FIND_MANY_ARGS, null);
        Map<String, Object> limited = new LinkedHashMap<>(args);
        Integer take = Args.optionalInt(args, "take");
        limited.put("take", take != null && take < 0 ? -1 : 1);
        List<Map<String, Object>> rows = findMany(model, limited);
        return rows.isEmpty() ? null : rows.get(0);
    }

    Map<String, Object> findUnique(ModelMeta model, Map<String, Object> args) throws SQLException {
        Args.allowOnly(args, FIND_UNIQUE_ARGS, null);
        Map<String, Object> where = Args.map(args.get("where"), "where", model.name + "WhereUniqueInput");
        Filters.requireUnique(model, where, "where");
        Selection selection = selection(model, args, "");
        List<Row> rows = findRows(model, where, Map.of(), selection, null);
        return rows.isEmpty() ? null : output(rows, selection).get(0);
    }

    long count(ModelMeta model, Map<String, Object> args) throws SQLException {
        if (args.containsKey("select")) {
            throw Errors.invalid("Sinew's count returns the number of records; `select` of count is not supported."
                    + " Count each field with its own `where: { field: { not: null } }` instead.");
        }
        Args.allowOnly(args, COUNT_ARGS, null);
        Map<String, Object> where = Args.optionalMap(args, "where", model.name + "WhereInput");
        boolean paged = args.get("take") != null || args.get("skip") != null || args.get("cursor") != null;
        if (!paged) {
            String a = session.alias();
            Sql sql = new Sql("SELECT COUNT(*) FROM " + session.table(model) + " AS " + a + " WHERE ")
                    .append(filters.where(model, where, a));
            return session.query(sql, rs -> rs.getLong(1)).get(0);
        }
        Selection keys = new Selection(model);
        keys.scalars.addAll(model.identifier);
        return findRows(model, where, args, keys, null).size();
    }

    /** Reads records by identifier values (one map per record) with a selection; order follows the keys. */
    List<Map<String, Object>> readByIdentifiers(ModelMeta model, List<Map<String, Object>> identifiers,
                                                Selection selection) throws SQLException {
        if (identifiers.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        List<ScalarField> id = model.identifier;
        Selection withIdentifier = withScalars(selection, id);
        int chunk = session.dialect.keyListRows(id.size());
        for (int start = 0; start < identifiers.size(); start += chunk) {
            List<Map<String, Object>> part = identifiers.subList(start, Math.min(identifiers.size(), start + chunk));
            rows.addAll(fetch(model, withIdentifier, a -> identifierIn(model, part, a), a -> List.of(), null, null));
        }
        loadRelations(rows, selection);
        Map<List<Object>, Row> byKey = new HashMap<>();
        for (Row row : rows) {
            byKey.put(row.key(id), row);
        }
        List<Row> ordered = new ArrayList<>();
        for (Map<String, Object> identifier : identifiers) {
            List<Object> key = new ArrayList<>();
            for (ScalarField field : id) {
                key.add(Keys.normalize(identifier.get(field.name())));
            }
            Row row = byKey.get(key);
            if (row != null) {
                ordered.add(row);
            }
        }
        return output(ordered, selection);
    }

    /** {@code identifier IN (...)} for identifier value maps, at alias {@code a}. */
    Sql identifierIn(ModelMeta model, List<Map<String, Object>> identifiers, String a) {
        List<ScalarField> id = model.identifier;
        List<String> columns = id.stream().map(f -> session.column(a, f.columnName())).toList();
        Sql sql = new Sql();
        List<Object> params = new ArrayList<>();
        for (Map<String, Object> identifier : identifiers) {
            for (ScalarField field : id) {
                params.add(session.param(field, identifier.get(field.name())));
            }
        }
        String text = session.dialect.inList(Sql.tuple(columns), id.size(), identifiers.size());
        return appendWithParams(sql, text, params);
    }

    static Sql appendWithParams(Sql sql, String text, List<Object> params) {
        int p = 0;
        int last = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?') {
                sql.append(text.substring(last, i)).param(params.get(p++));
                last = i + 1;
            }
        }
        return sql.append(text.substring(last));
    }

    // --------------------------------------------------------------------------------------------------------------
    // rows

    /** A fetched record: its scalar values by field name, its relation counts, and its loaded relations. */
    static final class Row {
        final Map<String, Object> values = new HashMap<>();
        final Map<String, Object> counts = new LinkedHashMap<>();
        final Map<String, Object> relations = new HashMap<>();
        /** For many-to-many children: the parent's id this row was read for. */
        Object parentKey;

        List<Object> key(List<ScalarField> fields) {
            List<Object> key = new ArrayList<>(fields.size());
            for (ScalarField field : fields) {
                key.add(Keys.normalize(values.get(field.name())));
            }
            return key;
        }
    }

    /**
     * The records of a findMany: where, orderBy, cursor, take, skip, distinct; {@code extra} is an additional
     * predicate (at the query's alias), or null.
     */
    List<Row> findRows(ModelMeta model, Map<String, Object> where, Map<String, Object> args, Selection selection,
                       Function<String, Sql> extra) throws SQLException {
        Integer take = Args.optionalInt(args, "take");
        Integer skip = Args.optionalInt(args, "skip");
        if (skip != null && skip < 0) {
            throw Args.invalidValue("skip", "a non-negative Int", skip);
        }
        Object orderBy = args.get("orderBy");
        Map<String, Object> cursor = Args.optionalMap(args, "cursor", model.name + "WhereUniqueInput");
        List<ScalarField> distinct = distinctFields(model, args.get("distinct"));
        boolean reverse = take != null && take < 0;
        boolean paged = take != null || skip != null || cursor != null || !distinct.isEmpty();
        Function<String, List<OrderTerm>> order = a -> orderTerms(model, orderBy, a, paged, reverse);

        Function<String, Sql> predicate = a -> {
            Sql sql = filters.where(model, where, a);
            if (extra != null) {
                sql = Filters.paren(sql).append(" AND ").append(Filters.paren(extra.apply(a)));
            }
            return sql;
        };
        if (cursor != null) {
            Filters.requireUnique(model, cursor, "cursor");
            CursorRecord cursorRecord = cursorRecord(model, cursor, order);
            if (cursorRecord == null) {
                return List.of();
            }
            Function<String, Sql> base = predicate;
            predicate = a -> Filters.paren(base.apply(a)).append(" AND ")
                    .append(cursorCondition(order.apply(a), cursorRecord));
        }
        Selection fetchSelection = selection;
        if (!distinct.isEmpty()) {
            fetchSelection = withScalars(selection, distinct);
        }
        List<Row> rows;
        if (distinct.isEmpty()) {
            Integer limit = take == null ? null : Math.abs(take);
            rows = fetch(model, fetchSelection, predicate, order, limit, skip);
        } else {
            rows = fetch(model, fetchSelection, predicate, order, null, null);
            rows = distinctRows(rows, distinct);
            int from = skip == null ? 0 : Math.min(skip, rows.size());
            int to = take == null ? rows.size() : Math.min(rows.size(), from + Math.abs(take));
            rows = new ArrayList<>(rows.subList(from, to));
        }
        if (reverse) {
            Collections.reverse(rows);
        }
        loadRelations(rows, selection);
        return rows;
    }

    /** Adds the fields not in the list yet (by identity). */
    private static void addAbsent(List<ScalarField> fields, List<ScalarField> more) {
        for (ScalarField field : more) {
            boolean present = false;
            for (ScalarField existing : fields) {
                if (existing == field) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                fields.add(field);
            }
        }
    }

    private static Selection withScalars(Selection selection, List<ScalarField> extra) {
        Selection copy = new Selection(selection.model);
        copy.scalars.addAll(selection.scalars);
        addAbsent(copy.scalars, extra);
        copy.relations.putAll(selection.relations);
        copy.counts = selection.counts;
        return copy;
    }

    private List<ScalarField> distinctFields(ModelMeta model, Object distinct) {
        if (distinct == null) {
            return List.of();
        }
        List<Object> names = Args.list(distinct, "distinct", model.name + "ScalarFieldEnum[]", true);
        List<ScalarField> fields = new ArrayList<>();
        for (Object name : names) {
            ScalarField field = name instanceof String s ? model.scalar(s) : null;
            if (field == null) {
                throw Args.invalidValue("distinct", model.name + "ScalarFieldEnum", name);
            }
            fields.add(field);
        }
        return fields;
    }

    private static List<Row> distinctRows(List<Row> rows, List<ScalarField> distinct) {
        Set<List<Object>> seen = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            if (seen.add(row.key(distinct))) {
                out.add(row);
            }
        }
        return out;
    }

    /** The fields a selection needs fetched: its scalars and the keys its relations are loaded by. */
    private static List<ScalarField> fetchFields(Selection selection) {
        // Fields are the Datamodel's own objects: compared by identity (a record's hash would walk all of it).
        List<ScalarField> fields = new ArrayList<>(selection.scalars);
        for (NestedRead nested : selection.relations.values()) {
            addAbsent(fields, nested.link().selfFields);
        }
        return fields;
    }

    /** One SELECT of the model's rows, with relation counts, without loading relations. */
    private List<Row> fetch(ModelMeta model, Selection selection, Function<String, Sql> predicate,
                            Function<String, List<OrderTerm>> order, Integer limit, Integer offset)
            throws SQLException {
        String a = session.alias();
        List<ScalarField> fields = fetchFields(selection);
        Sql sql = new Sql("SELECT ");
        List<String> countNames = new ArrayList<>();
        appendColumns(sql, fields, a);
        if (selection.counts != null) {
            for (Map.Entry<String, Map<String, Object>> count : selection.counts.entrySet()) {
                sql.append(fields.isEmpty() && countNames.isEmpty() ? "" : ", ");
                sql.append(relationCount(model.relations.get(count.getKey()), a, count.getValue()));
                countNames.add(count.getKey());
            }
        }
        if (fields.isEmpty() && countNames.isEmpty()) {
            sql.append("1");
        }
        sql.append(" FROM " + session.table(model) + " AS " + a + " WHERE ").append(predicate.apply(a));
        appendOrder(sql, order.apply(a));
        sql.append(session.dialect.limitOffset(limit, offset));
        return session.query(sql, rs -> {
            Row row = new Row();
            int i = 1;
            for (ScalarField field : fields) {
                row.values.put(field.name(), session.read(rs, i++, field));
            }
            for (String name : countNames) {
                row.counts.put(name, (int) rs.getLong(i++));
            }
            return row;
        });
    }

    private Reader appendColumns(Sql sql, List<ScalarField> fields, String a) {
        for (int i = 0; i < fields.size(); i++) {
            sql.append((i > 0 ? ", " : "") + session.column(a, fields.get(i).columnName()));
        }
        return this;
    }

    private void appendOrder(Sql sql, List<OrderTerm> terms) {
        if (terms.isEmpty()) {
            return;
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < terms.size(); i++) {
            OrderTerm term = terms.get(i);
            sql.append(i > 0 ? ", " : "");
            sql.append(Sql.template(session.dialect.orderItem(Sql.HOLE, term.descending(), term.nulls()),
                    term.expression()));
        }
    }

    /** {@code (SELECT COUNT(*) FROM child WHERE linked [AND filter])} for a list relation of the row at {@code a}. */
    private Sql relationCount(RelationLink link, String a, Map<String, Object> where) {
        String b = session.alias();
        Sql sql;
        if (link.isManyToMany()) {
            String j = session.alias();
            sql = new Sql("(SELECT COUNT(*) FROM " + session.quote(link.joinTable) + " AS " + j);
            if (!where.isEmpty()) {
                sql.append(" INNER JOIN " + session.table(link.other) + " AS " + b + " ON "
                        + session.column(b, link.otherFields.get(0).columnName()) + " = "
                        + session.column(j, link.otherJoinColumn));
            }
            sql.append(" WHERE " + session.column(j, link.selfJoinColumn) + " = "
                    + session.column(a, link.selfFields.get(0).columnName()));
        } else {
            sql = new Sql("(SELECT COUNT(*) FROM " + session.table(link.other) + " AS " + b + " WHERE "
                    + filters.linkCondition(link, a, b));
        }
        if (!where.isEmpty()) {
            sql.append(" AND ").append(Filters.paren(filters.where(link.other, where, b)));
        }
        return sql.append(")");
    }

    // --------------------------------------------------------------------------------------------------------------
    // order

    /** One ORDER BY item: an expression over the row, its direction and where NULLs go ("first"/"last"/null). */
    record OrderTerm(Sql expression, boolean descending, String nulls, boolean enumValued) {
        OrderTerm reversed() {
            String flipped = nulls == null ? null : nulls.equals("first") ? "last" : "first";
            return new OrderTerm(expression, !descending, flipped, enumValued);
        }

        /** The expression as a cursor compares it: in the order the database sorts it by. */
        Sql comparable(Dialect dialect) {
            Sql copy = expression.copy();
            return enumValued && !dialect.enumSortKeySuffix().isEmpty()
                    ? Filters.paren(copy).append(dialect.enumSortKeySuffix()) : copy;
        }
    }

    /**
     * The ORDER BY terms of {@code orderBy} at alias {@code a}; with {@code total}, the identifier is appended so that
     * pages are stable; with {@code reverse} (negative take), every term is flipped.
     */
    List<OrderTerm> orderTerms(ModelMeta model, Object orderBy, String a, boolean total, boolean reverse) {
        List<OrderTerm> terms = new ArrayList<>();
        if (orderBy != null) {
            addOrderTerms(model, orderBy, a, terms, "orderBy");
        }
        if (total || !terms.isEmpty()) {
            for (ScalarField field : model.identifier) {
                String column = session.column(a, field.columnName());
                boolean present = terms.stream().anyMatch(t -> t.expression().text().equals(column));
                if (!present) {
                    terms.add(new OrderTerm(new Sql(column), false, null, false));
                }
            }
        }
        if (reverse) {
            terms.replaceAll(OrderTerm::reversed);
        }
        return terms;
    }

    private void addOrderTerms(ModelMeta model, Object orderBy, String a, List<OrderTerm> terms, String path) {
        for (Object item : Args.list(orderBy, path, model.name + "OrderByWithRelationInput", true)) {
            Map<String, Object> map = Args.map(item, path, model.name + "OrderByWithRelationInput");
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                String name = entry.getKey();
                ScalarField scalar = model.scalar(name);
                if (scalar != null) {
                    terms.add(sortTerm(new Sql(session.column(a, scalar.columnName())), entry.getValue(),
                            path + "." + name, scalar.isEnum()));
                    continue;
                }
                RelationLink link = model.relations.get(name);
                if (link == null) {
                    List<String> options = model.whereFieldNames();
                    throw Errors.invalid("Unknown argument `" + name + "` in " + path + " of model `" + model.name
                            + "`." + Hints.didYouMean(name, options) + " Available options: "
                            + String.join(", ", options) + ".");
                }
                Map<String, Object> nested = Args.map(entry.getValue(), path + "." + name,
                        link.other.name + "OrderByWithRelationInput");
                if (link.list) {
                    Args.allowOnly(nested, List.of("_count"), path + "." + name);
                    terms.add(sortTerm(relationCount(link, a, Map.of()), nested.get("_count"),
                            path + "." + name + "._count", false));
                } else {
                    String b = session.alias();
                    List<OrderTerm> inner = new ArrayList<>();
                    addOrderTerms(link.other, nested, b, inner, path + "." + name);
                    for (OrderTerm term : inner) {
                        Sql sub = new Sql("(SELECT ").append(term.expression()).append(" FROM "
                                + session.table(link.other) + " AS " + b + " WHERE "
                                + filters.linkCondition(link, a, b) + ")");
                        terms.add(new OrderTerm(sub, term.descending(), term.nulls(), term.enumValued()));
                    }
                }
            }
        }
    }

    private static OrderTerm sortTerm(Sql expression, Object value, String path, boolean enumValued) {
        if (value instanceof String direction) {
            return new OrderTerm(expression, direction(direction, path), null, enumValued);
        }
        Map<String, Object> sort = Args.map(value, path, "SortOrder or SortOrderInput");
        Args.allowOnly(sort, List.of("sort", "nulls"), path);
        Object direction = sort.get("sort");
        if (!(direction instanceof String d)) {
            throw Args.invalidValue(path + ".sort", "SortOrder", direction);
        }
        Object nulls = sort.get("nulls");
        if (nulls != null && !"first".equals(nulls) && !"last".equals(nulls)) {
            throw Args.invalidValue(path + ".nulls", "NullsOrder (first or last)", nulls);
        }
        return new OrderTerm(expression, direction(d, path), (String) nulls, enumValued);
    }

    private static boolean direction(String direction, String path) {
        return switch (direction) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw Args.invalidValue(path, "SortOrder (asc or desc)", direction);
        };
    }

    // --------------------------------------------------------------------------------------------------------------
    // cursor

    /**
     * The cursor record of a paged read. The database compares the rows with the record's own values, read by
     * sub-selects, so that every type compares as the database sorts it (an enum by its declared order, not as the
     * text a bound parameter would be); the values read here only say which are null.
     */
    private record CursorRecord(Reader reader, ModelMeta model, Map<String, Object> cursor,
                                Function<String, List<OrderTerm>> order, List<Object> values) {
        /** The cursor record's value of each order term as a scalar sub-select; null where the value is null. */
        List<Sql> subselects() {
            Session session = reader.session;
            String c = session.alias();
            List<OrderTerm> terms = order.apply(c);
            List<Sql> out = new ArrayList<>(terms.size());
            for (int i = 0; i < terms.size(); i++) {
                out.add(values.get(i) == null ? null : new Sql("(SELECT ")
                        .append(terms.get(i).comparable(session.dialect))
                        .append(" FROM " + session.table(model) + " AS " + c + " WHERE ")
                        .append(reader.filters.where(model, cursor, c)).append(")"));
            }
            return out;
        }
    }

    /** The cursor record for {@code order}, or null when there is no such record. */
    private CursorRecord cursorRecord(ModelMeta model, Map<String, Object> cursor,
                                      Function<String, List<OrderTerm>> order) throws SQLException {
        List<Object> values = cursorValues(model, cursor, order);
        return values == null ? null : new CursorRecord(this, model, cursor, order, values);
    }

    /** The order expressions' values of the cursor record, or null when there is no such record. */
    private List<Object> cursorValues(ModelMeta model, Map<String, Object> cursor,
                                      Function<String, List<OrderTerm>> order) throws SQLException {
        String a = session.alias();
        List<OrderTerm> terms = order.apply(a);
        Sql sql = new Sql("SELECT ");
        for (int i = 0; i < terms.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(terms.get(i).expression().copy());
        }
        if (terms.isEmpty()) {
            sql.append("1");
        }
        sql.append(" FROM " + session.table(model) + " AS " + a + " WHERE ").append(filters.where(model, cursor, a));
        List<List<Object>> found = session.query(sql, rs -> {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= terms.size(); i++) {
                values.add(rs.getObject(i));
            }
            return values;
        });
        return found.isEmpty() ? null : found.get(0);
    }

    /** Rows at or after the cursor record in the order of {@code terms}. */
    private Sql cursorCondition(List<OrderTerm> terms, CursorRecord cursor) {
        if (terms.isEmpty()) {
            return new Sql(Filters.TRUE);
        }
        // (t1 after v1) OR (t1 = v1 AND ((t2 after v2) OR (t2 = v2 AND ... (tn after vn OR tn = vn))))
        List<Sql> values = cursor.subselects();
        Sql inner = null;
        for (int i = terms.size() - 1; i >= 0; i--) {
            OrderTerm term = terms.get(i);
            Sql value = values.get(i);
            Sql after = after(term, value);
            Sql equal = value == null ? Filters.paren(term.expression().copy()).append(" IS NULL")
                    : Filters.paren(term.comparable(session.dialect)).append(" = ").append(value);
            Sql rest = inner == null ? equal : Filters.paren(equal).append(" AND ").append(inner);
            inner = Filters.paren(Filters.paren(after).append(" OR ").append(Filters.paren(rest)));
        }
        return inner;
    }

    /** Rows after the cursor record's {@code value} of the term (a sub-select; null when the record's is null). */
    private Sql after(OrderTerm term, Sql value) {
        boolean nullsFirst = term.nulls() != null ? term.nulls().equals("first")
                : term.descending() != session.dialect.nullsFirstInAscendingOrder();
        if (value == null) {
            Sql expression = Filters.paren(term.expression().copy());
            return nullsFirst ? expression.append(" IS NOT NULL") : new Sql(Filters.FALSE);
        }
        Sql compare = Filters.paren(term.comparable(session.dialect)).append(term.descending() ? " < " : " > ")
                .append(value);
        if (!nullsFirst) {
            compare = Filters.paren(compare).append(" OR ").append(Filters.paren(term.expression().copy()))
                    .append(" IS NULL");
        }
        return compare;
    }

    // --------------------------------------------------------------------------------------------------------------
    // relations

    void loadRelations(List<Row> rows, Selection selection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        for (NestedRead nested : selection.relations.values()) {
            loadRelation(rows, nested);
        }
    }

    private void loadRelation(List<Row> parents, NestedRead nested) throws SQLException {
        RelationLink link = nested.link();
        ModelMeta other = link.other;
        Map<String, Object> args = nested.args();
        Integer skip = Args.optionalInt(args, "skip");
        if (skip != null && skip < 0) {
            // as on findMany; in memory it would index before the first record
            throw Args.invalidValue("skip", "a non-negative Int", skip);
        }
        NestedCursor cursor = nestedCursor(nested);
        if (cursor == NestedCursor.MISSING) {
            for (Row parent : parents) {
                parent.relations.put(link.field, output(List.of(), nested.selection()));
            }
            return;
        }
        LinkedHashSet<List<Object>> keys = new LinkedHashSet<>();
        for (Row parent : parents) {
            List<Object> key = parent.key(link.selfFields);
            if (!key.contains(null)) {
                keys.add(key);
            }
        }
        Map<List<Object>, List<Row>> byKey = new HashMap<>();
        if (!keys.isEmpty()) {
            List<Row> children = new ArrayList<>();
            List<List<Object>> all = new ArrayList<>(keys);
            int width = link.selfFields.size();
            int chunk = session.dialect.keyListRows(width);
            for (int start = 0; start < all.size(); start += chunk) {
                children.addAll(fetchChildren(nested, all.subList(start, Math.min(all.size(), start + chunk)),
                        cursor));
            }
            loadRelations(children, nested.selection());
            for (Row child : children) {
                List<Object> key = link.isManyToMany() ? List.of(Keys.normalize(child.parentKey))
                        : child.key(link.otherFields);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
            }
            if (!link.isManyToMany() && !session.dialect.comparesTextExactly()) {
                matchAsCompared(link, keys, byKey);
            }
        }
        List<ScalarField> distinct = distinctFields(other, args.get("distinct"));
        for (Row parent : parents) {
            List<Row> children = byKey.getOrDefault(parent.key(link.selfFields), List.of());
            if (!distinct.isEmpty() || cursor != null) {
                children = pageInMemory(children, distinct, cursor, other, skip, Args.optionalInt(args, "take"));
            }
            if (link.list) {
                parent.relations.put(link.field, output(children, nested.selection()));
            } else {
                parent.relations.put(link.field, children.isEmpty() ? null
                        : output(List.of(children.get(0)), nested.selection()).get(0));
            }
        }
    }

    /**
     * Joins the related records whose key the database found equal to a parent's but Java does not (a text key in
     * another case under a case-insensitive collation), by asking the table that holds the referenced key for
     * its stored value. Only keys with text in them, and only those left unmatched.
     */
    private void matchAsCompared(RelationLink link, Set<List<Object>> requested, Map<List<Object>, List<Row>> byKey)
            throws SQLException {
        if (link.isForward()) {
            // the parents hold the foreign key; the related records are keyed by the values they are referenced by
            for (List<Object> key : requested) {
                if (!byKey.containsKey(key) && hasText(key)) {
                    List<Object> stored = storedKey(link.other, link.otherFields, key);
                    if (stored != null && byKey.containsKey(stored)) {
                        byKey.put(key, byKey.get(stored));
                    }
                }
            }
        } else {
            // the related records hold the foreign key; the parents are keyed by their own stored values
            for (List<Object> key : List.copyOf(byKey.keySet())) {
                if (!requested.contains(key) && hasText(key)) {
                    List<Object> stored = storedKey(link.self, link.selfFields, key);
                    if (stored != null && requested.contains(stored)) {
                        byKey.computeIfAbsent(stored, k -> new ArrayList<>()).addAll(byKey.remove(key));
                    }
                }
            }
        }
    }

    private static boolean hasText(List<Object> key) {
        return key.stream().anyMatch(v -> v instanceof String);
    }

    /** The key of the record of {@code model} that the database finds equal to {@code key}, as stored; or null. */
    List<Object> storedKey(ModelMeta model, List<ScalarField> fields, List<Object> key) throws SQLException {
        String a = session.alias();
        Sql sql = new Sql("SELECT ");
        appendColumns(sql, fields, a);
        sql.append(" FROM " + session.table(model) + " AS " + a + " WHERE ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i > 0 ? " AND " : "").append(session.column(a, fields.get(i).columnName()) + " = ")
                    .param(session.param(fields.get(i), key.get(i)));
        }
        List<List<Object>> found = session.query(sql, rs -> {
            List<Object> values = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                values.add(Keys.normalize(session.read(rs, i + 1, fields.get(i))));
            }
            return values;
        });
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The cursor of an included list relation: the cursor record's values of the relation's order and its
     * identifier. As in Prisma, each parent's related records start at the cursor record, so only the parents it
     * belongs to get any; {@link #MISSING} when there is no such record (then no parent gets any).
     */
    private record NestedCursor(CursorRecord record, List<Object> identifier) {
        static final NestedCursor MISSING = new NestedCursor(null, List.of());
    }

    private NestedCursor nestedCursor(NestedRead nested) throws SQLException {
        RelationLink link = nested.link();
        ModelMeta other = link.other;
        Map<String, Object> args = nested.args();
        Map<String, Object> cursor = Args.optionalMap(args, "cursor", other.name + "WhereUniqueInput");
        if (cursor == null) {
            return null;
        }
        Filters.requireUnique(other, cursor, "cursor");
        Integer take = Args.optionalInt(args, "take");
        boolean reverse = take != null && take < 0;
        CursorRecord record = cursorRecord(other, cursor, a -> orderTerms(other, args.get("orderBy"), a, true,
                reverse));
        if (record == null) {
            return NestedCursor.MISSING;
        }
        String a = session.alias();
        Sql sql = new Sql("SELECT ");
        appendColumns(sql, other.identifier, a);
        sql.append(" FROM " + session.table(other) + " AS " + a + " WHERE ").append(filters.where(other, cursor, a));
        List<List<Object>> found = session.query(sql, rs -> {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < other.identifier.size(); i++) {
                values.add(Keys.normalize(session.read(rs, i + 1, other.identifier.get(i))));
            }
            return values;
        });
        return found.isEmpty() ? NestedCursor.MISSING : new NestedCursor(record, found.get(0));
    }

    /**
     * One parent's related records paged in memory (with {@code distinct}, or with a cursor): the first record of
     * each distinct value, from the cursor record on, then skip and take. A negative take reads backwards: the
     * last record of each distinct value, counting back from the cursor or from the end.
     */
    private static List<Row> pageInMemory(List<Row> rows, List<ScalarField> distinct, NestedCursor cursor, ModelMeta model,
                                   Integer skip, Integer take) {
        List<Row> list = new ArrayList<>(rows);
        boolean backwards = take != null && take < 0;
        if (backwards) {
            Collections.reverse(list);
        }
        if (!distinct.isEmpty()) {
            list = distinctRows(list, distinct);
        }
        if (cursor != null) {
            int at = 0;
            while (at < list.size() && !list.get(at).key(model.identifier).equals(cursor.identifier())) {
                at++;
            }
            list = list.subList(at, list.size());
        }
        int from = skip == null ? 0 : Math.min(skip, list.size());
        int to = take == null ? list.size() : Math.min(list.size(), from + Math.abs(take));
        list = new ArrayList<>(list.subList(from, to));
        if (backwards) {
            Collections.reverse(list);
        }
        return list;
    }

    /** One SELECT of the related rows of a chunk of parent keys, from the cursor on when there is one. */
    private List<Row> fetchChildren(NestedRead nested, List<List<Object>> keys, NestedCursor cursor)
            throws SQLException {
        RelationLink link = nested.link();
        ModelMeta other = link.other;
        Map<String, Object> args = nested.args();
        Selection selection = nested.selection();
        Map<String, Object> where = Args.optionalMap(args, "where", other.name + "WhereInput");
        Integer take = Args.optionalInt(args, "take");
        Integer skip = Args.optionalInt(args, "skip");
        boolean windowed = (take != null || skip != null) && args.get("distinct") == null && cursor == null;
        boolean reverse = take != null && take < 0;

        String a = session.alias();
        String j = link.isManyToMany() ? session.alias() : null;
        List<ScalarField> fields = fetchFields(selection);
        if (!link.isManyToMany()) {
            addAbsent(fields, link.otherFields);
        }
        if (args.get("distinct") != null) {
            addAbsent(fields, distinctFields(other, args.get("distinct")));
        }
        if (cursor != null) {
            addAbsent(fields, other.identifier);
        }
        List<OrderTerm> order = orderTerms(other, args.get("orderBy"), a, windowed || cursor != null, reverse);

        Sql select = new Sql("SELECT ");
        appendColumns(select, fields, a);
        String parentColumn = null;
        if (link.isManyToMany()) {
            parentColumn = session.column(j, link.selfJoinColumn);
            select.append((fields.isEmpty() ? "" : ", ") + parentColumn);
        }
        List<String> countNames = new ArrayList<>();
        if (selection.counts != null) {
            for (Map.Entry<String, Map<String, Object>> count : selection.counts.entrySet()) {
                select.append(", ").append(relationCount(other.relations.get(count.getKey()), a, count.getValue()));
                countNames.add(count.getKey());
            }
        }
        List<String> partition;
        if (windowed) {
            partition = link.isManyToMany() ? List.of(parentColumn)
                    : link.otherFields.stream().map(f -> session.column(a, f.columnName())).toList();
            select.append(", ROW_NUMBER() OVER (PARTITION BY " + String.join(", ", partition));
            appendOrder(select, order);
            select.append(") AS " + session.quote("__rn"));
        }
        select.append(" FROM " + session.table(other) + " AS " + a);
        List<Object> params = new ArrayList<>();
        String keyText;
        if (link.isManyToMany()) {
            select.append(" INNER JOIN " + session.quote(link.joinTable) + " AS " + j + " ON "
                    + session.column(j, link.otherJoinColumn) + " = "
                    + session.column(a, link.otherFields.get(0).columnName()));
            keyText = session.dialect.inList(parentColumn, 1, keys.size());
            for (List<Object> key : keys) {
                params.add(session.param(link.selfFields.get(0), key.get(0)));
            }
        } else {
            List<String> columns = link.otherFields.stream().map(f -> session.column(a, f.columnName())).toList();
            keyText = session.dialect.inList(Sql.tuple(columns), columns.size(), keys.size());
            for (List<Object> key : keys) {
                for (int i = 0; i < key.size(); i++) {
                    params.add(session.param(link.otherFields.get(i), key.get(i)));
                }
            }
        }
        select.append(" WHERE ");
        appendWithParams(select, keyText, params);
        if (where != null && !where.isEmpty()) {
            select.append(" AND ").append(Filters.paren(filters.where(other, where, a)));
        }
        if (cursor != null) {
            select.append(" AND ").append(cursorCondition(order, cursor.record()));
        }
        Sql sql;
        if (windowed) {
            int from = skip == null ? 0 : skip;
            String rn = session.quote("__rn");
            sql = new Sql("SELECT * FROM (").append(select).append(") AS " + session.quote("w") + " WHERE " + rn
                    + " > " + from + (take == null ? "" : " AND " + rn + " <= " + (from + Math.abs(take))));
            sql.append(" ORDER BY " + rn);
        } else {
            sql = select;
            appendOrder(sql, order);
        }
        List<Row> rows = session.query(sql, rs -> {
            Row row = new Row();
            int i = 1;
            for (ScalarField field : fields) {
                row.values.put(field.name(), session.read(rs, i++, field));
            }
            if (link.isManyToMany()) {
                row.parentKey = session.read(rs, i++, link.selfFields.get(0));
            }
            for (String name : countNames) {
                row.counts.put(name, (int) rs.getLong(i++));
            }
            return row;
        });
        if (reverse) {
            // rows are in the reversed order per parent; restore the requested order
            Collections.reverse(rows);
        }
        return rows;
    }

    // --------------------------------------------------------------------------------------------------------------
    // output

    List<Map<String, Object>> output(List<Row> rows, Selection selection) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (ScalarField field : selection.scalars) {
                record.put(field.name(), row.values.get(field.name()));
            }
            for (String relation : selection.relations.keySet()) {
                record.put(relation, row.relations.get(relation));
            }
            if (selection.counts != null) {
                record.put("_count", new LinkedHashMap<>(row.counts));
            }
            out.add(record);
        }
        return out;
    }
}
