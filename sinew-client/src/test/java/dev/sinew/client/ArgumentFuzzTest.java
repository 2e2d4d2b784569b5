package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random, mostly wrong arguments to every operation: each call either works or fails with a SinewException that
 * has a code and a message, never with another exception (a stack trace for the user).
 */
class ArgumentFuzzTest {
    private static final List<String> KEYS = List.of("where", "data", "select", "include", "omit", "orderBy",
            "take", "skip", "cursor", "distinct", "create", "update", "connect", "connectOrCreate", "disconnect",
            "set", "delete", "deleteMany", "updateMany", "upsert", "createMany", "some", "every", "none", "is",
            "isNot", "AND", "OR", "NOT", "equals", "not", "in", "notIn", "lt", "gt", "contains", "startsWith",
            "mode", "increment", "multiply", "divide", "sort", "nulls", "_count", "skipDuplicates", "id", "email",
            "name", "role", "posts", "profile", "tags", "title", "published", "views", "score", "createdAt",
            "authorId", "author", "comments", "text", "postId", "bio", "userId", "user", "users", "nope");
    private static final Set<String> CODES = Set.of("P2009", "P2002", "P2003", "P2011", "P2014", "P2017", "P2018",
            "P2025");

    @Test
    void everyFailureIsASinewExceptionWithACode() {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource("sqlite", "prisma", CrudCases.BLOG));
        Random random = new Random(20261125);
        try (TestDb database = TestDb.create(DatabaseKind.SQLITE, "fuzz")) {
            database.push(datamodel);
            try (Sinew db = database.client(datamodel)) {
                db.model("User").create(Map.of("data", Map.of("email", "a@x", "posts", Map.of("create",
                        Map.of("title", "t")))));
                List<String> models = List.of("User", "Post", "Comment", "Profile", "Tag");
                int failures = 0;
                Map<String, Integer> codes = new java.util.TreeMap<>();
                for (int i = 0; i < 20000; i++) {
                    ModelClient model = db.model(models.get(random.nextInt(models.size())));
                    Map<String, Object> args = map(random, 4);
                    try {
                        switch (random.nextInt(11)) {
                            case 0 -> model.create(args);
                            case 1 -> model.createMany(args);
                            case 2 -> model.findUnique(args);
                            case 3 -> model.findFirst(args);
                            case 4 -> model.findMany(args);
                            case 5 -> model.update(args);
                            case 6 -> model.updateMany(args);
                            case 7 -> model.upsert(args);
                            case 8 -> model.delete(args);
                            case 9 -> model.deleteMany(args);
                            default -> model.count(args);
                        }
                    } catch (SinewException e) {
                        failures++;
                        codes.merge(e.code(), 1, Integer::sum);
                        assertThat(e.getMessage()).as("a message").isNotBlank();
                        assertThat(e.code()).as("%s for %s", e.getMessage(), args).isIn(CODES);
                    } catch (RuntimeException e) {
                        throw new AssertionError("not a SinewException for " + args, e);
                    }
                }
                System.out.println("outcomes: " + codes + ", successes: " + (20000 - failures));
                assertThat(failures).as("most random arguments are wrong").isGreaterThan(1000);
            }
        }
    }

    private static final List<String> TOP = List.of("where", "data", "select", "include", "orderBy", "take",
            "skip", "cursor", "create", "update", "distinct", "omit", "skipDuplicates");

    private static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> out = new HashMap<>();
        int size = 1 + random.nextInt(3);
        List<String> keys = depth >= 4 ? TOP : KEYS;
        for (int i = 0; i < size; i++) {
            out.put(keys.get(random.nextInt(keys.size())), value(random, depth - 1));
        }
        return out;
    }

    private static Object value(Random random, int depth) {
        int choice = random.nextInt(depth > 0 ? 16 : 10);
        return switch (choice) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(5);
            case 3 -> (long) random.nextInt(5);
            case 4 -> random.nextDouble();
            case 5 -> List.of("asc", "desc", "insensitive", "a@x", "x", "first").get(random.nextInt(6));
            case 6 -> new BigDecimal("1.5");
            case 7 -> Instant.EPOCH;
            case 8 -> new byte[] {1};
            case 9 -> new Object();
            case 10, 11, 13, 14, 15 -> map(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
        };
    }
}
