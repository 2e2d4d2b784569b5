package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import java.util.List;
import java.util.Map;

/**
 * The operations of one model, taking Prisma Client's arguments as maps and returning records as maps (scalar
 * fields in the model's order, then the relations asked for with {@code include}/{@code select}, then
 * {@code _count}).
 *
 * <pre>{@code
 * Map<String, Object> user = db.model("User").create(Map.of(
 *     "data", Map.of("email", "ada@example.com", "posts", Map.of("create", List.of(Map.of("title", "Hello"))))),
 *     "include", Map.of("posts", true)));
 * }</pre>
 *
 * <p>Every write is one transaction (a savepoint inside {@link Sinew#transaction}): on any failure nothing of it
 * remains. Failures are {@link SinewException}s with Prisma's codes.
 */
public final class ModelClient {
    private final ModelMeta model;
    private final Scope scope;

    ModelClient(ModelMeta model, Scope scope) {
        this.model = model;
        this.scope = scope;
    }

    /** The model's name. */
    public String name() {
        return model.name;
    }

    /** {@code create({data, select?, include?, omit?})}: the created record. */
    public Map<String, Object> create(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).create(model, args));
    }

    /** {@code createMany({data: [...], skipDuplicates?})}: {@code {count}}. */
    public Map<String, Object> createMany(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).createMany(model, args));
    }

    /** {@code findUnique({where, select?, include?, omit?})}: the record, or null. */
    public Map<String, Object> findUnique(Map<String, Object> args) {
        return scope.read(model.name, s -> new Reader(s).findUnique(model, args));
    }

    /** As {@link #findUnique}, but P2025 when there is no such record. */
    public Map<String, Object> findUniqueOrThrow(Map<String, Object> args) {
        Map<String, Object> record = findUnique(args);
        if (record == null) {
            throw Errors.recordNotFound(model.name, "a query");
        }
        return record;
    }

    /** {@code findFirst({where?, orderBy?, cursor?, skip?, take?, distinct?, select?, include?, omit?})}, or null. */
    public Map<String, Object> findFirst(Map<String, Object> args) {
        return scope.read(model.name, s -> new Reader(s).findFirst(model, args));
    }

    /** As {@link #findFirst}, but P2025 when there is no such record. */
    public Map<String, Object> findFirstOrThrow(Map<String, Object> args) {
        Map<String, Object> record = findFirst(args);
        if (record == null) {
            throw Errors.recordNotFound(model.name, "a query");
        }
        return record;
    }

    /** {@code findMany({where?, orderBy?, cursor?, skip?, take?, distinct?, select?, include?, omit?})}. */
    public List<Map<String, Object>> findMany(Map<String, Object> args) {
        return scope.read(model.name, s -> new Reader(s).findMany(model, args));
    }

    /** Every record. */
    public List<Map<String, Object>> findMany() {
        return findMany(Map.of());
    }

    /** {@code update({where, data, select?, include?, omit?})}: the updated record; P2025 when there is none. */
    public Map<String, Object> update(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).update(model, args));
    }

    /** {@code updateMany({where?, data, limit?})}: {@code {count}}; {@code limit} caps the records changed. */
    public Map<String, Object> updateMany(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).updateMany(model, args));
    }

    /** {@code upsert({where, create, update, select?, include?, omit?})}: the created or updated record. */
    public Map<String, Object> upsert(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).upsert(model, args));
    }

    /** {@code delete({where, select?, include?, omit?})}: the deleted record; P2025 when there is none. */
    public Map<String, Object> delete(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).delete(model, args));
    }

    /** {@code deleteMany({where?, limit?})}: {@code {count}}; {@code limit} caps the records deleted. */
    public Map<String, Object> deleteMany(Map<String, Object> args) {
        return scope.write(model.name, s -> new Writer(s).deleteMany(model, args));
    }

    /** {@code count({where?, orderBy?, cursor?, skip?, take?})}: the number of records. */
    public long count(Map<String, Object> args) {
        return scope.read(model.name, s -> new Reader(s).count(model, args));
    }

    /** The number of records. */
    public long count() {
        return count(Map.of());
    }
}
