package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The emulation against the database itself: every scenario runs twice on the same kind of database, once in
 * foreignKeys mode (real foreign keys: the oracle) and once in prisma mode (Sinew's emulation), from the same data,
 * and must end with the same contents of every table and the matching error: the same code, except that a
 * referenced record the foreign key protects fails with P2003 in foreignKeys mode and with P2014 emulated.
 *
 * <p>Scenarios in the style of Prisma's ref-actions suite: action × onDelete/onUpdate × one-to-one/one-to-many ×
 * required/optional, over delete, deleteMany, update, updateMany, upsert and nested writes; then compound keys,
 * self relations, three-model chains, a chain through a shared column, and implicit many-to-many relations.
 * Combinations the validator refuses in either mode are excluded by asking the validator.
 */
class RelationModeMatrixTest {
    private static final List<String> ACTIONS = List.of("Cascade", "Restrict", "NoAction", "SetNull", "default");
    private static final Map<DatabaseKind, TestDb[]> DATABASES = new HashMap<>();

    /**
     * One operation of a scenario, returning what the call returned; {@code parentSide}: it deletes or re-keys
     * referenced records.
     */
    record Op(String name, boolean parentSide, Function<Sinew, Object> run) {}

    /** A schema, its data, and the operations to compare on it (each from freshly seeded data). */
    record Group(String name, String models, List<String> reset, Consumer<Sinew> seed, List<Op> ops) {}

    /** How an operation ended: what it returned, or Prisma's error code; and every table's rows. */
    record Outcome(Object result, String code, String message, Map<String, List<List<Object>>> tables) {}

    @TestFactory
    Stream<DynamicNode> matrix() {
        List<Group> groups = new ArrayList<>();
        groups.addAll(referentialActionGroups());
        groups.addAll(referenceCheckGroups());
        groups.addAll(compoundKeyGroups());
        groups.addAll(selfRelationGroups());
        groups.addAll(chainGroups());
        groups.add(sharedColumnChain("Restrict"));
        groups.add(sharedColumnChain("Cascade"));
        groups.add(sharedColumnChain("SetNull"));
        groups.addAll(manyToManyGroups());
        groups.add(textKeys());
        List<DynamicNode> kinds = new ArrayList<>();
        for (DatabaseKind kind : TestDb.available()) {
            List<DynamicNode> nodes = new ArrayList<>();
            for (Group group : groups) {
                nodes.add(groupNode(kind, group));
            }
            kinds.add(DynamicContainer.dynamicContainer(kind.provider(), nodes));
        }
        return kinds.stream();
    }

    @AfterAll
    static void dropDatabases() {
        for (TestDb[] pair : DATABASES.values()) {
            for (TestDb db : pair) {
                db.close();
            }
        }
        DATABASES.clear();
    }

    private DynamicNode groupNode(DatabaseKind kind, Group group) {
        String fkText = Schemas.withDatasource(kind.provider(), "foreignKeys", group.models());
        String prismaText = Schemas.withDatasource(kind.provider(), "prisma", group.models());
        if (!Schemas.isValid(fkText) || !Schemas.isValid(prismaText)) {
            String which = !Schemas.isValid(prismaText) ? "prisma" : "foreignKeys";
            return DynamicTest.dynamicTest(group.name() + " — excluded: the validator refuses it in " + which
                    + " mode", () -> {
            });
        }
        GroupRun run = new GroupRun(kind, group, Schemas.valid(fkText), Schemas.valid(prismaText));
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < group.ops().size(); i++) {
            Op op = group.ops().get(i);
            boolean last = i == group.ops().size() - 1;
            tests.add(DynamicTest.dynamicTest(op.name(), () -> {
                try {
                    run.compare(op);
                } finally {
                    if (last) {
                        run.close();
                    }
                }
            }));
        }
        return DynamicContainer.dynamicContainer(group.name(), tests);
    }

    /** The two databases (foreignKeys, prisma) of one group, set up on first use. */
    private static final class GroupRun {
        final DatabaseKind kind;
        final Group group;
        final Datamodel fk;
        final Datamodel prisma;
        Sinew fkClient;
        Sinew prismaClient;
        TestDb fkDb;
        TestDb prismaDb;

        GroupRun(DatabaseKind kind, Group group, Datamodel fk, Datamodel prisma) {
            this.kind = kind;
            this.group = group;
            this.fk = fk;
            this.prisma = prisma;
        }

        void compare(Op op) {
            if (fkClient == null) {
                TestDb[] pair = DATABASES.computeIfAbsent(kind, k -> new TestDb[] {
                        TestDb.create(k, "matrix_fk"), TestDb.create(k, "matrix_prisma")});
                fkDb = pair[0];
                prismaDb = pair[1];
                fkDb.dropAll();
                fkDb.push(fk);
                prismaDb.dropAll();
                prismaDb.push(prisma);
                fkClient = fkDb.client(fk);
                prismaClient = prismaDb.client(prisma);
            }
            Outcome oracle = outcome(fkClient, fkDb, fk, op);
            Outcome emulated = outcome(prismaClient, prismaDb, prisma, op);
            assertThat(oracle.code()).as("the scenario itself must be valid: %s", oracle.message())
                    .isNotEqualTo("P2009");
            String expected = "P2003".equals(oracle.code()) && op.parentSide() ? "P2014" : oracle.code();
            assertThat(emulated.code()).as("error of prisma mode (%s) vs foreignKeys mode (%s)", emulated.message(),
                    oracle.message()).isEqualTo(expected);
            assertThat(emulated.tables()).as("tables after the operation").isEqualTo(oracle.tables());
            assertThat(emulated.result()).as("what the call returned").isEqualTo(oracle.result());
            System.out.printf("%-10s | %-70s | %-55s | foreignKeys %-5s | prisma %-5s%n", kind.provider(),
                    group.name(), op.name(), oracle.code(), emulated.code());
        }

        private Outcome outcome(Sinew client, TestDb db, Datamodel datamodel, Op op) {
            for (String statement : group.reset()) {
                client.executeRaw(kind == DatabaseKind.MYSQL ? statement.replace('"', '`') : statement);
            }
            group.seed().accept(client);
            Object result = null;
            String code = null;
            String message = null;
            try {
                result = op.run().apply(client);
            } catch (SinewException e) {
                code = e.code();
                message = e.getMessage();
            }
            return new Outcome(result, code, message, db.snapshot(datamodel));
        }

        void close() {
            if (fkClient != null) {
                fkClient.close();
                prismaClient.close();
            }
        }
    }

    /** A map that may hold null values (Map.of refuses them). */
    static Map<String, Object> nullable(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // ==============================================================================================================
    // parent and child, one relation: the ref-actions matrix

    private static List<Group> referentialActionGroups() {
        List<Group> groups = new ArrayList<>();
        for (String shape : List.of("1:1", "1:n")) {
            for (boolean required : List.of(true, false)) {
                for (String action : ACTIONS) {
                    groups.add(parentChild(shape, required, action, "default", "id", deleteOps(shape, required)));
                    for (String key : List.of("id", "uniq")) {
                        groups.add(parentChild(shape, required, "default", action, key, updateOps(key)));
                    }
                }
            }
        }
        return groups;
    }

    static String parentChildModels(String shape, boolean required, String onDelete, String onUpdate, String key) {
        String opt = required ? "" : "?";
        StringBuilder attrs = new StringBuilder("fields: [parentRef], references: [" + key + "]");
        if (!onDelete.equals("default")) {
            attrs.append(", onDelete: ").append(onDelete);
        }
        if (!onUpdate.equals("default")) {
            attrs.append(", onUpdate: ").append(onUpdate);
        }
        boolean one = shape.equals("1:1");
        return """
                model Parent {
                  id    Int     @id
                  uniq  Int     @unique
                  name  String  @default("p")
                  %s
                }

                model Child {
                  id        Int     @id
                  parentRef Int%s   %s
                  parent    Parent%s @relation(%s)
                  %s
                }
                """.formatted(one ? "child Child?" : "children Child[]", opt, one ? "@unique" : "", opt, attrs,
                one ? "" : "@@index([parentRef])");
    }

    private static Group parentChild(String shape, boolean required, String onDelete, String onUpdate, String key,
                                     List<Op> ops) {
        String name = shape + " " + (required ? "required" : "optional") + " onDelete " + onDelete + " onUpdate "
                + onUpdate + " references " + key;
        boolean one = shape.equals("1:1");
        return new Group(name, parentChildModels(shape, required, onDelete, onUpdate, key),
                List.of("DELETE FROM \"Child\"", "DELETE FROM \"Parent\""), db -> {
                    db.model("Parent").createMany(Map.of("data", List.of(Map.of("id", 1, "uniq", 11),
                            Map.of("id", 2, "uniq", 22), Map.of("id", 3, "uniq", 33))));
                    List<Map<String, Object>> children = new ArrayList<>();
                    children.add(Map.of("id", 1, "parentRef", key.equals("id") ? 1 : 11));
                    if (!one) {
                        children.add(Map.of("id", 2, "parentRef", key.equals("id") ? 1 : 11));
                    }
                    children.add(Map.of("id", 3, "parentRef", key.equals("id") ? 2 : 22));
                    db.model("Child").createMany(Map.of("data", children));
                }, ops);
    }

    private static List<Op> deleteOps(String shape, boolean required) {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("delete a parent with children", true,
                db -> db.model("Parent").delete(Map.of("where", Map.of("id", 1)))));
        ops.add(new Op("delete a parent without children", true,
                db -> db.model("Parent").delete(Map.of("where", Map.of("id", 3)))));
        ops.add(new Op("deleteMany parents with and without children", true,
                db -> db.model("Parent").deleteMany(Map.of("where", Map.of("id", Map.of("in", List.of(1, 3)))))));
        ops.add(new Op("deleteMany every parent", true, db -> db.model("Parent").deleteMany(Map.of())));
        ops.add(new Op("deleteMany with a limit above the count", true,
                db -> db.model("Parent").deleteMany(Map.of("where", Map.of("id", Map.of("lte", 2)), "limit", 5))));
        Map<String, Object> hasChildren = shape.equals("1:1")
                ? Map.of("child", Map.of("is", Map.of("id", Map.of("gt", 0))))
                : Map.of("children", Map.of("some", Map.of()));
        ops.add(new Op("deleteMany parents by a filter on their children", true,
                db -> db.model("Parent").deleteMany(Map.of("where", hasChildren))));
        if (!required) {
            ops.add(new Op("nested delete of the parent through the child", true, db -> db.model("Child").update(
                    Map.of("where", Map.of("id", 1), "data", Map.of("parent", Map.of("delete", true))))));
        }
        ops.add(new Op("upsert's update branch leaves keys alone", false, db -> db.model("Parent").upsert(Map.of(
                "where", Map.of("id", 1), "create", Map.of("id", 1, "uniq", 11), "update", Map.of("name", "x")))));
        return ops;
    }

    private static List<Op> updateOps(String key) {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("update the referenced key of a parent with children", true,
                db -> db.model("Parent").update(Map.of("where", Map.of("id", 1), "data", Map.of(key, 10)))));
        ops.add(new Op("update the referenced key of a parent without children", true,
                db -> db.model("Parent").update(Map.of("where", Map.of("id", 3), "data", Map.of(key, 30)))));
        ops.add(new Op("update the referenced key to its current value", true,
                db -> db.model("Parent").update(Map.of("where", Map.of("id", 1),
                        "data", Map.of(key, key.equals("id") ? 1 : 11)))));
        ops.add(new Op("updateMany the referenced key with increment", true,
                db -> db.model("Parent").updateMany(Map.of("where", Map.of("id", Map.of("in", List.of(1, 2))),
                        "data", Map.of(key, Map.of("increment", 100))))));
        ops.add(new Op("updateMany the referenced key with a limit above the count", true,
                db -> db.model("Parent").updateMany(Map.of("where", Map.of("id", 1),
                        "data", Map.of(key, Map.of("increment", 100)), "limit", 3))));
        ops.add(new Op("upsert (update branch) of the referenced key", true,
                db -> db.model("Parent").upsert(Map.of("where", Map.of("id", 1),
                        "create", Map.of("id", 1, "uniq", 11), "update", Map.of(key, 10)))));
        ops.add(new Op("nested update of the parent's key through the child", true,
                db -> db.model("Child").update(Map.of("where", Map.of("id", 1),
                        "data", Map.of("parent", Map.of("update", Map.of(key, 10)))))));
        ops.add(new Op("update a field that is not referenced", false,
                db -> db.model("Parent").update(Map.of("where", Map.of("id", 1), "data", Map.of("name", "x")))));
        return ops;
    }

    // ==============================================================================================================
    // checks of references on the foreign key side

    private static List<Group> referenceCheckGroups() {
        List<Group> groups = new ArrayList<>();
        for (String shape : List.of("1:1", "1:n")) {
            for (boolean required : List.of(true, false)) {
                List<Op> ops = new ArrayList<>();
                ops.add(new Op("create a child of a missing parent", false, db -> db.model("Child").create(Map.of(
                        "data", Map.of("id", 9, "parentRef", 999)))));
                ops.add(new Op("createMany with one missing parent", false, db -> db.model("Child").createMany(Map.of(
                        "data", List.of(Map.of("id", 8, "parentRef", 3), Map.of("id", 9, "parentRef", 999))))));
                ops.add(new Op("createMany skipping a duplicate that names a missing parent", false,
                        db -> db.model("Child").createMany(Map.of("data", List.of(Map.of("id", 1, "parentRef", 999),
                                Map.of("id", 8, "parentRef", 3)), "skipDuplicates", true))));
                ops.add(new Op("createMany skipping duplicates, one missing parent", false,
                        db -> db.model("Child").createMany(Map.of("data", List.of(Map.of("id", 1, "parentRef", 3),
                                Map.of("id", 9, "parentRef", 999)), "skipDuplicates", true))));
                ops.add(new Op("upsert creating a child of a missing parent", false,
                        db -> db.model("Child").upsert(Map.of("where", Map.of("id", 9),
                                "create", Map.of("id", 9, "parentRef", 999), "update", Map.of()))));
                ops.add(new Op("upsert moving a child to a missing parent", false,
                        db -> db.model("Child").upsert(Map.of("where", Map.of("id", 1),
                                "create", Map.of("id", 1, "parentRef", 3), "update", Map.of("parentRef", 999)))));
                ops.add(new Op("nested create of a child through its parent", false,
                        db -> db.model("Parent").update(Map.of("where", Map.of("id", 3), "data", Map.of(
                                shape.equals("1:1") ? "child" : "children", Map.of("create", Map.of("id", 9)))))));
                ops.add(new Op("update a child to a missing parent", false, db -> db.model("Child").update(Map.of(
                        "where", Map.of("id", 1), "data", Map.of("parentRef", 999)))));
                ops.add(new Op("updateMany children to a missing parent", false, db -> db.model("Child").updateMany(
                        Map.of("where", Map.of("id", 1), "data", Map.of("parentRef", 999)))));
                ops.add(new Op("updateMany children's key by increment", false, db -> db.model("Child").updateMany(
                        Map.of("where", Map.of("id", 3), "data", Map.of("parentRef", Map.of("increment", 1))))));
                ops.add(new Op("move a child to an existing parent", false, db -> db.model("Child").update(Map.of(
                        "where", Map.of("id", 1), "data", Map.of("parentRef", 3)))));
                ops.add(new Op("connect a child to an existing parent", false, db -> db.model("Child").update(Map.of(
                        "where", Map.of("id", 1), "data", Map.of("parent", Map.of("connect", Map.of("id", 3)))))));
                ops.add(new Op("create a child with a nested parent", false, db -> db.model("Child").create(Map.of(
                        "data", Map.of("id", 9, "parent", Map.of("create", Map.of("id", 9, "uniq", 99)))))));
                if (!required) {
                    ops.add(new Op("create a child without parent", false, db -> db.model("Child").create(Map.of(
                            "data", Map.of("id", 9)))));
                }
                String name = "references checked: " + shape + " " + (required ? "required" : "optional");
                Group base = parentChild(shape, required, "default", "default", "id", ops);
                groups.add(new Group(name, base.models(), base.reset(), base.seed(), ops));
            }
        }
        return groups;
    }

    // ==============================================================================================================
    // compound keys

    private static List<Group> compoundKeyGroups() {
        List<Group> groups = new ArrayList<>();
        for (String action : List.of("Cascade", "Restrict", "SetNull")) {
            String models = """
                    model Parent {
                      a        Int
                      b        Int
                      name     String  @default("p")
                      children Child[]

                      @@id([a, b])
                    }

                    model Child {
                      id     Int     @id
                      pa     Int?
                      pb     Int?
                      parent Parent? @relation(fields: [pa, pb], references: [a, b], onDelete: %s, onUpdate: %s)

                      @@index([pa, pb])
                    }
                    """.formatted(action, action);
            List<Op> ops = List.of(
                    new Op("delete a parent with children", true, db -> db.model("Parent").delete(Map.of("where",
                            Map.of("a_b", Map.of("a", 1, "b", 1))))),
                    new Op("deleteMany parents", true, db -> db.model("Parent").deleteMany(Map.of("where",
                            Map.of("a", 1)))),
                    new Op("update one column of a compound key", true, db -> db.model("Parent").update(Map.of(
                            "where", Map.of("a_b", Map.of("a", 1, "b", 1)), "data", Map.of("b", 5)))),
                    new Op("updateMany one column of compound keys", true, db -> db.model("Parent").updateMany(
                            Map.of("where", Map.of("a", 1), "data", Map.of("a", Map.of("increment", 10))))),
                    new Op("create a child of a missing parent", false, db -> db.model("Child").create(Map.of(
                            "data", Map.of("id", 9, "pa", 1, "pb", 9)))),
                    new Op("update half of a child's foreign key to a missing parent", false, db -> db.model("Child")
                            .update(Map.of("where", Map.of("id", 1), "data", Map.of("pb", 9)))),
                    new Op("update half of a child's foreign key to an existing parent", false, db -> db.model("Child")
                            .update(Map.of("where", Map.of("id", 1), "data", Map.of("pb", 2)))),
                    new Op("a NULL column leaves the compound foreign key unchecked", false, db -> db.model("Child")
                            .update(Map.of("where", Map.of("id", 1), "data", nullable("pa", 77, "pb", null)))));
            groups.add(new Group("compound key onDelete/onUpdate " + action, models,
                    List.of("DELETE FROM \"Child\"", "DELETE FROM \"Parent\""), db -> {
                        db.model("Parent").createMany(Map.of("data", List.of(Map.of("a", 1, "b", 1),
                                Map.of("a", 1, "b", 2), Map.of("a", 2, "b", 1))));
                        db.model("Child").createMany(Map.of("data", List.of(Map.of("id", 1, "pa", 1, "pb", 1),
                                Map.of("id", 2, "pa", 1, "pb", 1), Map.of("id", 3, "pa", 2, "pb", 1))));
                    }, ops));
        }
        return groups;
    }

    // ==============================================================================================================
    // self relations

    private static List<Group> selfRelationGroups() {
        List<Group> groups = new ArrayList<>();
        for (String[] actions : List.of(new String[] {"Restrict", "Restrict"}, new String[] {"NoAction", "NoAction"},
                new String[] {"Cascade", "Cascade"}, new String[] {"SetNull", "Restrict"})) {
            String models = """
                    model Node {
                      id       Int    @id
                      parentId Int?
                      parent   Node?  @relation("tree", fields: [parentId], references: [id], onDelete: %s, onUpdate: %s)
                      children Node[] @relation("tree")

                      @@index([parentId])
                    }
                    """.formatted(actions[0], actions[1]);
            List<Op> ops = List.of(
                    new Op("delete a leaf", true, db -> db.model("Node").delete(Map.of("where", Map.of("id", 3)))),
                    new Op("delete a node with children", true, db -> db.model("Node").delete(Map.of("where",
                            Map.of("id", 2)))),
                    new Op("update the id of a node with children", true, db -> db.model("Node").update(Map.of(
                            "where", Map.of("id", 2), "data", Map.of("id", 20)))),
                    new Op("update the id of a leaf", true, db -> db.model("Node").update(Map.of("where",
                            Map.of("id", 3), "data", Map.of("id", 30)))),
                    new Op("create under a missing parent", false, db -> db.model("Node").create(Map.of("data",
                            Map.of("id", 9, "parentId", 99)))),
                    new Op("nested create of children", false, db -> db.model("Node").update(Map.of("where",
                            Map.of("id", 3), "data", Map.of("children", Map.of("create", List.of(Map.of("id", 7),
                                    Map.of("id", 8))))))));
            groups.add(new Group("self relation onDelete " + actions[0] + " onUpdate " + actions[1], models,
                    List.of("UPDATE \"Node\" SET \"parentId\" = NULL", "DELETE FROM \"Node\""), db -> {
                        db.model("Node").create(Map.of("data", Map.of("id", 1)));
                        db.model("Node").create(Map.of("data", Map.of("id", 2, "parentId", 1)));
                        db.model("Node").create(Map.of("data", Map.of("id", 3, "parentId", 2)));
                        db.model("Node").create(Map.of("data", Map.of("id", 4, "parentId", 2)));
                    }, ops));
        }
        return groups;
    }

    // ==============================================================================================================
    // three-model chains

    private static List<Group> chainGroups() {
        List<Group> groups = new ArrayList<>();
        for (String first : List.of("Cascade", "Restrict", "SetNull")) {
            for (String second : List.of("Cascade", "Restrict", "SetNull")) {
                String models = """
                        model A {
                          id Int @id
                          bs B[]
                        }

                        model B {
                          id  Int  @id
                          aId Int?
                          a   A?   @relation(fields: [aId], references: [id], onDelete: %s, onUpdate: %s)
                          cs  C[]

                          @@index([aId])
                        }

                        model C {
                          id  Int  @id
                          bId Int?
                          b   B?   @relation(fields: [bId], references: [id], onDelete: %s, onUpdate: %s)

                          @@index([bId])
                        }
                        """.formatted(first, first, second, second);
                List<Op> ops = List.of(
                        new Op("delete the top record", true, db -> db.model("A").delete(Map.of("where",
                                Map.of("id", 1)))),
                        new Op("deleteMany the top level", true, db -> db.model("A").deleteMany(Map.of())),
                        new Op("update the top record's id", true, db -> db.model("A").update(Map.of("where",
                                Map.of("id", 1), "data", Map.of("id", 10)))),
                        new Op("nested deleteMany of the middle level", true, db -> db.model("A").update(Map.of(
                                "where", Map.of("id", 1), "data", Map.of("bs", Map.of("deleteMany", Map.of()))))),
                        new Op("nested updateMany of the middle level's ids", true, db -> db.model("A").update(Map.of(
                                "where", Map.of("id", 1), "data", Map.of("bs", Map.of("updateMany", Map.of(
                                        "where", Map.of(), "data", Map.of("id", Map.of("increment", 100)))))))),
                        new Op("nested delete of one middle record", true, db -> db.model("A").update(Map.of(
                                "where", Map.of("id", 1), "data", Map.of("bs", Map.of("delete", Map.of("id", 1)))))),
                        new Op("delete a middle record", true, db -> db.model("B").delete(Map.of("where",
                                Map.of("id", 2)))));
                groups.add(new Group("chain A -> B -> C, " + first + " then " + second, models,
                        List.of("DELETE FROM \"C\"", "DELETE FROM \"B\"", "DELETE FROM \"A\""), db -> {
                            db.model("A").createMany(Map.of("data", List.of(Map.of("id", 1), Map.of("id", 2))));
                            db.model("B").createMany(Map.of("data", List.of(Map.of("id", 1, "aId", 1),
                                    Map.of("id", 2, "aId", 1), Map.of("id", 3, "aId", 2))));
                            db.model("C").createMany(Map.of("data", List.of(Map.of("id", 1, "bId", 1),
                                    Map.of("id", 2, "bId", 2), Map.of("id", 3, "bId", 3))));
                        }, ops));
            }
        }
        return groups;
    }

    /**
     * Nulling B.aId when its A goes (SetNull) changes a column that C references (C.bAid → B.aId): that is an update
     * of a referenced key, so C's onUpdate runs.
     */
    private static Group sharedColumnChain(String cOnUpdate) {
        String models = """
                model A {
                  id Int @id
                  b  B?
                }

                model B {
                  id  Int  @id
                  aId Int? @unique
                  a   A?   @relation(fields: [aId], references: [id], onDelete: SetNull)
                  cs  C[]
                }

                model C {
                  id   Int  @id
                  bAid Int?
                  b    B?   @relation(fields: [bAid], references: [aId], onDelete: Restrict, onUpdate: %s)

                  @@index([bAid])
                }
                """.formatted(cOnUpdate);
        List<Op> ops = List.of(
                new Op("delete A, which nulls the column C references", true, db -> db.model("A").delete(Map.of(
                        "where", Map.of("id", 1)))),
                new Op("delete A whose B nobody references", true, db -> db.model("A").delete(Map.of("where",
                        Map.of("id", 2)))),
                new Op("update A's id, which cascades into B and on into C", true, db -> db.model("A").update(Map.of(
                        "where", Map.of("id", 1), "data", Map.of("id", 10)))));
        return new Group("shared column: A -SetNull-> B.aId <- C onUpdate " + cOnUpdate, models,
                List.of("DELETE FROM \"C\"", "DELETE FROM \"B\"", "DELETE FROM \"A\""), db -> {
                    db.model("A").createMany(Map.of("data", List.of(Map.of("id", 1), Map.of("id", 2))));
                    db.model("B").createMany(Map.of("data", List.of(Map.of("id", 1, "aId", 1),
                            Map.of("id", 2, "aId", 2))));
                    db.model("C").createMany(Map.of("data", List.of(Map.of("id", 1, "bAid", 1))));
                }, ops);
    }

    // ==============================================================================================================
    // implicit many-to-many

    /**
     * Text keys, which the database compares by its collation: MySQL's default is case-insensitive, so there a
     * foreign key 'ABC' references the record 'abc' (PostgreSQL and SQLite compare exactly). The emulation must
     * let the database compare them too.
     */
    private static Group textKeys() {
        String models = """
                model Parent {
                  id       String  @id
                  children Child[]
                }

                model Child {
                  id        Int     @id
                  parentRef String?
                  parent    Parent? @relation(fields: [parentRef], references: [id], onDelete: Cascade, onUpdate: Cascade)

                  @@index([parentRef])
                }
                """;
        List<Op> ops = List.of(
                new Op("create a child of a key that differs in case only", false, db -> db.model("Child").create(
                        Map.of("data", Map.of("id", 9, "parentRef", "ABC")))),
                new Op("createMany with keys that differ in case only", false, db -> db.model("Child").createMany(
                        Map.of("data", List.of(Map.of("id", 8, "parentRef", "Abc"), Map.of("id", 9,
                                "parentRef", "abc"))))),
                new Op("move a child to a key that differs in case only", false, db -> db.model("Child").update(
                        Map.of("where", Map.of("id", 1), "data", Map.of("parentRef", "XYZ")))),
                new Op("delete a parent whose child names it in another case", true, db -> db.model("Parent")
                        .delete(Map.of("where", Map.of("id", "abc")))),
                // not marked as parent-side: where text compares exactly, the child's create is what fails
                new Op("rename a parent whose children name it in two cases", false, db -> {
                    db.model("Child").create(Map.of("data", Map.of("id", 2, "parentRef", "ABC")));
                    return db.model("Parent").updateMany(Map.of("where", Map.of("id", "abc"),
                            "data", Map.of("id", "abd")));
                }),
                new Op("include across cases, both ways", false, db -> {
                    // where the database takes the key (MySQL), the records it joins are joined in the results too
                    db.model("Child").create(Map.of("data", Map.of("id", 9, "parentRef", "ABC")));
                    Map<String, Object> child = db.model("Child").findUnique(Map.of("where", Map.of("id", 9),
                            "include", Map.of("parent", true)));
                    assertThat(child.get("parent")).as("the parent the child references").isNotNull();
                    Map<String, Object> parent = db.model("Parent").findUnique(Map.of("where", Map.of("id", "abc"),
                            "include", Map.of("children", Map.of("orderBy", Map.of("id", "asc")))));
                    assertThat((List<?>) parent.get("children")).as("the children of abc").hasSize(2);
                    return List.of(child, parent);
                }));
        return new Group("text keys compared by the database", models,
                List.of("DELETE FROM \"Child\"", "DELETE FROM \"Parent\""), db -> {
                    db.model("Parent").createMany(Map.of("data", List.of(Map.of("id", "abc"), Map.of("id", "xyz"))));
                    db.model("Child").createMany(Map.of("data", List.of(Map.of("id", 1, "parentRef", "abc"))));
                }, ops);
    }

    private static List<Group> manyToManyGroups() {
        String models = """
                model User {
                  id    Int    @id
                  posts Post[]
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)
                  tags     Tag[]

                  @@index([authorId])
                }

                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """;
        List<Op> ops = List.of(
                new Op("delete a post: its join rows go", true, db -> db.model("Post").delete(Map.of("where",
                        Map.of("id", 1)))),
                new Op("deleteMany tags: their join rows go", true, db -> db.model("Tag").deleteMany(Map.of("where",
                        Map.of("id", Map.of("lt", 3))))),
                new Op("delete a user: cascaded posts take their join rows", true, db -> db.model("User").delete(
                        Map.of("where", Map.of("id", 1)))),
                new Op("update a post's id: its join rows follow", true, db -> db.model("Post").update(Map.of(
                        "where", Map.of("id", 1), "data", Map.of("id", 100)))),
                new Op("update a tag's id: its join rows follow", true, db -> db.model("Tag").update(Map.of(
                        "where", Map.of("id", 1), "data", Map.of("id", 100)))),
                new Op("set a post's tags", false, db -> db.model("Post").update(Map.of("where", Map.of("id", 1),
                        "data", Map.of("tags", Map.of("set", List.of(Map.of("id", 3))))))),
                new Op("disconnect and connect tags", false, db -> db.model("Post").update(Map.of("where",
                        Map.of("id", 2), "data", Map.of("tags", Map.of("disconnect", List.of(Map.of("id", 1)),
                                "connect", List.of(Map.of("id", 2), Map.of("id", 3))))))),
                new Op("connect a missing tag", false, db -> db.model("Post").update(Map.of("where", Map.of("id", 2),
                        "data", Map.of("tags", Map.of("connect", List.of(Map.of("id", 99))))))),
                new Op("nested delete of a connected tag", true, db -> db.model("Post").update(Map.of("where",
                        Map.of("id", 1), "data", Map.of("tags", Map.of("delete", List.of(Map.of("id", 1))))))));
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("implicit many-to-many with a cascading parent", models,
                List.of("DELETE FROM \"_PostToTag\"", "DELETE FROM \"Post\"", "DELETE FROM \"Tag\"",
                        "DELETE FROM \"User\""), db -> {
                    db.model("User").createMany(Map.of("data", List.of(Map.of("id", 1), Map.of("id", 2))));
                    db.model("Tag").createMany(Map.of("data", List.of(Map.of("id", 1), Map.of("id", 2),
                            Map.of("id", 3))));
                    db.model("Post").create(Map.of("data", Map.of("id", 1, "authorId", 1, "tags",
                            Map.of("connect", List.of(Map.of("id", 1), Map.of("id", 2))))));
                    db.model("Post").create(Map.of("data", Map.of("id", 2, "authorId", 2, "tags",
                            Map.of("connect", List.of(Map.of("id", 1))))));
                }, ops));
        String selfModels = """
                model Person {
                  id        Int      @id
                  followers Person[] @relation("follows")
                  following Person[] @relation("follows")
                }
                """;
        groups.add(new Group("self many-to-many", selfModels,
                List.of("DELETE FROM \"_follows\"", "DELETE FROM \"Person\""), db -> {
                    db.model("Person").createMany(Map.of("data", List.of(Map.of("id", 1), Map.of("id", 2),
                            Map.of("id", 3))));
                    db.model("Person").update(Map.of("where", Map.of("id", 1), "data", Map.of("following",
                            Map.of("connect", List.of(Map.of("id", 2), Map.of("id", 3))))));
                    db.model("Person").update(Map.of("where", Map.of("id", 3), "data", Map.of("following",
                            Map.of("connect", List.of(Map.of("id", 1))))));
                }, List.of(
                        new Op("delete a person followed and following", true, db -> db.model("Person").delete(
                                Map.of("where", Map.of("id", 1)))),
                        new Op("update a person's id", true, db -> db.model("Person").update(Map.of("where",
                                Map.of("id", 3), "data", Map.of("id", 30)))),
                        new Op("read both directions", false, db -> {
                            Map<String, Object> one = db.model("Person").findUnique(Map.of("where", Map.of("id", 1),
                                    "include", Map.of("followers", true, "following", true)));
                            assertThat((List<?>) one.get("following")).hasSize(2);
                            assertThat((List<?>) one.get("followers")).hasSize(1);
                            return one;
                        }))));
        return groups;
    }
}
