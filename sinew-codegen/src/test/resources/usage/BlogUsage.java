package com.example.blog;

import dev.sinew.client.IsolationLevel;
import dev.sinew.client.TransactionOptions;
import dev.sinew.client.SinewException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Uses the typed client generated from blog.prisma as an application would; compiled with the generated code by the
 * end-to-end test and run against SQLite. Each check throws with what it expected.
 */
public final class BlogUsage {
    private int checks;

    public static int run(String url) {
        BlogUsage usage = new BlogUsage();
        try (SinewClient db = SinewClient.connect(b -> b.url(url))) {
            usage.scenario(db);
        }
        return usage.checks;
    }

    private void scenario(SinewClient db) {
        // create with nested writes of every kind of relation
        User ada = db.user().create(u -> u
                .email("ada@example.com")
                .name("Ada")
                .role(Role.ADMIN)
                .profile(p -> p.create(pr -> pr.bio("Mathematician")))
                .posts(p -> p
                        .create(post -> post.title("Notes").published(true).views(10).rating(4.5)
                                .price(new BigDecimal("12.50")).data("{\"a\":1}").blob(new byte[] {1, 2, 3})
                                .big(9_000_000_000L)
                                .tags(t -> t.connectOrCreate(TagWhereUnique.name("math"), tag -> tag.name("math"))))
                        .create(post -> post.title("Draft"))),
                args -> args.include(i -> i.posts().profile()));
        expect(ada.email(), "ada@example.com", "created email");
        expect(ada.role(), Role.ADMIN, "enum with @map read back as its Java constant");
        expect(ada.posts().size(), 2, "included posts");
        expect(ada.profile().bio(), "Mathematician", "included profile");
        expect(ada.comments(), null, "relations not included are null");
        expect(ada.createdAt() != null && ada.createdAt().isBefore(Instant.now().plusSeconds(5)), true,
                "DateTime default");

        User grace = db.user().create(u -> u.email("grace@example.com").name("Grace"));
        expect(grace.role(), Role.USER, "enum default");
        expect(grace.posts(), null, "posts not included");

        // findUnique by id, by a unique field, by a compound unique, with include
        Post notes = db.post().findUnique(PostWhereUnique.authorId_title(ada.id(), "Notes"),
                args -> args.include(i -> i.author().tags())).orElseThrow();
        expect(notes.author().email(), "ada@example.com", "to-one include");
        expect(notes.tags().size(), 1, "many-to-many include");
        expect(notes.tags().get(0).name(), "math", "connectOrCreate created the tag");
        expect(notes.price().compareTo(new BigDecimal("12.5")), 0, "Decimal");
        expect(notes.data(), "{\"a\":1}", "Json as text");
        expect(notes.blob().length, 3, "Bytes");
        expect(notes.big(), 9_000_000_000L, "BigInt");
        expect(notes.rating(), 4.5, "Float");
        expect(db.user().findUnique(UserWhereUnique.email("nobody@example.com")), Optional.empty(),
                "findUnique of nothing");

        // where: scalar filters, case-insensitive, null checks, relation filters, AND/OR/NOT
        expect(titles(db.post().findMany(q -> q.where(w -> w.title().startsWith("No")))), List.of("Notes"),
                "startsWith");
        expect(titles(db.post().findMany(q -> q.where(w -> w.title().insensitive().contains("DRA")))),
                List.of("Draft"), "insensitive contains");
        expect(titles(db.post().findMany(q -> q.where(w -> w.rating().isNull()))), List.of("Draft"), "isNull");
        expect(titles(db.post().findMany(q -> q.where(w -> w.views().gte(5).published().eq(true)))),
                List.of("Notes"), "two conditions");
        expect(titles(db.post().findMany(q -> q
                        .where(w -> w.or(a -> a.title().eq("Draft"), b -> b.views().gt(5)))
                        .orderBy(o -> o.title().desc()))),
                List.of("Notes", "Draft"), "OR and orderBy desc");
        expect(titles(db.post().findMany(q -> q.where(w -> w.not(n -> n.title().in("Notes", "Other"))))),
                List.of("Draft"), "NOT with in");
        expect(emails(db.user().findMany(q -> q.where(w -> w.posts().some(p -> p.published().eq(true))))),
                List.of("ada@example.com"), "some");
        expect(emails(db.user().findMany(q -> q.where(w -> w.posts().none()))), List.of("grace@example.com"),
                "none");
        expect(emails(db.user().findMany(q -> q.where(w -> w.profile().isNull()))), List.of("grace@example.com"),
                "optional to-one is null");
        expect(titles(db.post().findMany(q -> q.where(w -> w.author().is(a -> a.role().eq(Role.ADMIN))))).size(), 2,
                "to-one is, on an enum with @map");
        expect(db.user().count(w -> w.role().in(Role.ADMIN, Role.EDITOR)), 1L, "count with enum in");

        // select, omit, distinct, take/skip, cursor
        User selected = db.user().findUniqueOrThrow(UserWhereUnique.id(ada.id()),
                args -> args.select(s -> s.email().posts(p -> p.where(w -> w.published().eq(true)))));
        expect(selected.name(), null, "unselected field is null");
        expect(selected.posts().size(), 1, "selected relation filtered");
        User omitted = db.user().findUniqueOrThrow(UserWhereUnique.id(ada.id()), args -> args.omit(UserScalarField.NAME));
        expect(omitted.name(), null, "omitted field");
        expect(omitted.email(), "ada@example.com", "not omitted field");
        expect(db.post().findMany(q -> q.distinct(PostScalarField.AUTHOR_ID)).size(), 1, "distinct");
        User counted = db.user().findUniqueOrThrow(UserWhereUnique.id(ada.id()), args -> args.include(i -> i._count()));
        expect(counted._count(), new UserCount(2, 0), "_count of every to-many relation");
        counted = db.user().findUniqueOrThrow(UserWhereUnique.id(ada.id()),
                args -> args.select(s -> s.email()._count(c -> c.posts(w -> w.published().eq(true)))));
        expect(counted._count(), new UserCount(1, null), "_count of one relation, filtered");
        expect(ada._count(), null, "_count not asked for");
        expect(titles(db.post().findMany(q -> q.orderBy(o -> o.title().asc()).skip(1).take(1))), List.of("Notes"),
                "skip and take");
        expect(titles(db.post().findMany(q -> q.orderBy(o -> o.title().asc())
                        .cursor(PostWhereUnique.id(notes.id())))), List.of("Notes"), "cursor");
        expect(emails(db.user().findMany(q -> q.orderBy(o -> o.posts().desc()))),
                List.of("ada@example.com", "grace@example.com"), "order by relation count");

        // update: scalars, atomic number operations, nested writes; extended unique where
        Post updated = db.post().update(PostWhereUnique.id(notes.id()), d -> d
                .views().increment(5)
                .content("Lovelace's notes")
                .tags(t -> t.create(tag -> tag.name("history")))
                .comments(c -> c.create(comment -> comment.text("Brilliant")
                        .author(a -> a.connect(UserWhereUnique.email("grace@example.com"))))),
                args -> args.include(i -> i.tags(t -> t.orderBy(o -> o.name().asc())).comments()));
        expect(updated.views(), 15, "increment");
        expect(updated.tags().stream().map(Tag::name).toList(), List.of("history", "math"), "nested create on m:n");
        expect(updated.comments().size(), 1, "nested create with connect");
        long stale = db.post().updateMany(w -> w.id().eq(notes.id()).views().eq(10), d -> d.views(0));
        expect(stale, 0L, "updateMany with a stale condition");
        try {
            db.post().update(PostWhereUnique.id(notes.id()).and(w -> w.views().eq(10)), d -> d.views(0));
            throw new IllegalStateException("expected P2025 for a stale version");
        } catch (SinewException e) {
            expect(e.code(), "P2025", "extended unique where that does not hold");
        }
        Post moved = db.post().update(PostWhereUnique.id(notes.id()),
                d -> d.author(a -> a.connect(UserWhereUnique.email("grace@example.com"))),
                args -> args.include(i -> i.author()));
        expect(moved.author().email(), "grace@example.com", "connect on a required to-one");
        db.user().update(UserWhereUnique.id(grace.id()), d -> d.profile(p -> p.upsert(
                create -> create.bio("Admiral"), update -> update.bio("unused"))));
        expect(db.profile().findUnique(ProfileWhereUnique.userId(grace.id())).map(Profile::bio), Optional.of("Admiral"),
                "nested upsert creates");
        db.user().update(UserWhereUnique.id(grace.id()), d -> d.profile(p -> p.delete()));
        expect(db.profile().count(), 1L, "nested delete of an optional to-one");
        expect(db.post().updateMany(w -> w.published().eq(false), d -> d.published(true).views().multiply(2)), 1L,
                "updateMany");
        expect(db.post().updateMany(w -> w.published().eq(true), d -> d.views().increment(0), 0), 0L,
                "updateMany with a limit");

        // upsert, createMany, errors
        User upserted = db.user().upsert(UserWhereUnique.email("alan@example.com"),
                c -> c.email("alan@example.com").name("Alan"), u -> u.name("unused"));
        expect(upserted.name(), "Alan", "upsert creates");
        upserted = db.user().upsert(UserWhereUnique.email("alan@example.com"),
                c -> c.email("alan@example.com"), u -> u.name("Alan Turing"));
        expect(upserted.name(), "Alan Turing", "upsert updates");
        long created = db.post().createMany(List.of(
                new PostCreateMany().title("One").authorId(upserted.id()),
                new PostCreateMany().title("Two").authorId(upserted.id())));
        expect(created, 2L, "createMany");
        try {
            db.user().create(u -> u.email("ada@example.com"));
            throw new IllegalStateException("expected P2002");
        } catch (SinewException e) {
            expect(e.code(), "P2002", "unique violation");
        }
        try {
            db.user().findUniqueOrThrow(UserWhereUnique.id(-1));
            throw new IllegalStateException("expected P2025");
        } catch (SinewException e) {
            expect(e.code(), "P2025", "findUniqueOrThrow");
        }

        // transactions: all or nothing
        try {
            db.transaction(tx -> {
                tx.user().create(u -> u.email("temp@example.com"));
                expect(tx.user().count(w -> w.email().eq("temp@example.com")), 1L, "visible inside");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException e) {
            expect(e.getMessage(), "roll back", "the body's exception");
        }
        expect(db.user().count(w -> w.email().eq("temp@example.com")), 0L, "rolled back");
        int tags = db.transaction(tx -> tx.tag().findMany().size());
        expect(tags, 2, "transaction returns the body's value");
        int serializable = db.transaction(IsolationLevel.SERIALIZABLE, tx -> tx.tag().findMany().size());
        expect(serializable, 2, "transaction at an isolation level");
        int timed = db.transaction(TransactionOptions.defaults().withTimeout(java.time.Duration.ofSeconds(30)),
                tx -> tx.tag().findMany().size());
        expect(timed, 2, "transaction with options");

        // delete cascades (foreign keys with onDelete: Cascade), deleteMany
        Post deletedPost = db.post().delete(PostWhereUnique.id(notes.id()));
        expect(deletedPost.title(), "Notes", "delete returns the record");
        expect(db.comment().count(), 0L, "comments cascaded");
        expect(db.user().deleteMany(w -> w.email().endsWith("@example.com").posts().none()), 1L, "deleteMany");
        expect(db.user().count(), 2L, "two users left");
        expect(db.post().deleteMany(w -> { }, 1), 1L, "deleteMany with a limit");
        expect(db.post().deleteMany(), 2L, "deleteMany of all");
        expect(db.queryRaw("SELECT count(*) AS n FROM \"User\"").get(0).get("n").toString(), "2", "queryRaw");
    }

    private static List<String> titles(List<Post> posts) {
        return posts.stream().map(Post::title).toList();
    }

    private static List<String> emails(List<User> users) {
        return users.stream().map(User::email).sorted().toList();
    }

    private void expect(Object actual, Object expected, String what) {
        checks++;
        if (!Objects.equals(actual, expected)) {
            throw new IllegalStateException(what + ": expected " + expected + " but was " + actual);
        }
    }
}
