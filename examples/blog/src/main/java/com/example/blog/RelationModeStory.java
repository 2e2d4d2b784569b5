package com.example.blog;

import com.example.blog.db.BlogClient;
import com.example.blog.db.Post;
import com.example.blog.db.PostWhereUnique;
import com.example.blog.db.Profile;
import com.example.blog.db.ProfileWhereUnique;
import com.example.blog.db.Tag;
import com.example.blog.db.TagWhereUnique;
import com.example.blog.db.User;
import com.example.blog.db.UserWhereUnique;
import dev.sinew.client.Sinew;
import dev.sinew.client.SinewException;
import dev.sinew.schema.model.RelationMode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The story the example tells in each relation mode: it writes a small blog with the typed client, then makes every
 * referential action of the schema happen and prints what it did to the data, checking each result as it goes (an
 * {@link IllegalStateException} says which one did not come out as the schema says).
 *
 * <p>The data: Ada, Grace and Alan, each with a profile; four posts, each with one comment by someone else; three
 * tags on six links. Then, in this order: a post for a user who does not exist (refused), Grace's id changed (her
 * posts, comments and profile follow), Ada's post deleted (its tag links and comment go), Grace deleted while she
 * still has a comment (refused), Alan deleted (his posts and their comments go, his profile stays without him).
 */
final class RelationModeStory {
    /** An id that no user has. */
    static final int NO_SUCH_USER = 99;

    /**
     * What one run ended with.
     *
     * @param mode               the relation mode it ran in
     * @param tables             the tables the push created
     * @param foreignKeys        the foreign keys the push created
     * @param checkOnCreateError the error of the create that references no user
     * @param restrictError      the error of the delete that {@code onDelete: Restrict} forbids
     * @param prismaAccepted     whether the same create, with Prisma's behaviour ({@code checkOnCreate(false)}),
     *                           went in; only tried in prisma mode, false in foreignKeys mode
     * @param data               the data left, one line per table, in id order
     */
    record Outcome(RelationMode mode, int tables, int foreignKeys, SinewException checkOnCreateError,
                   SinewException restrictError, boolean prismaAccepted, List<String> data) {
    }

    private final BlogClient db;
    private final BlogDatabase database;
    private final PrintStream out;

    RelationModeStory(BlogClient db, BlogDatabase database, PrintStream out) {
        this.db = db;
        this.database = database;
        this.out = out;
    }

    Outcome tell() {
        int tables = count("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        int foreignKeys = count("SELECT count(*) AS n FROM sqlite_master AS t, pragma_foreign_key_list(t.name) AS fk"
                + " WHERE t.type = 'table'");
        out.println("Pushed the schema to " + BlogExample.display(database.file()) + ": " + tables + " tables, "
                + (foreignKeys == 0 ? "no foreign keys" : foreignKeys + " foreign keys") + ".");
        expect(tables == 6, "6 tables (5 models and the join table _PostToTag)");
        expect(foreignKeys == (database.mode().usesForeignKeys() ? 6 : 0),
                "foreign keys only in foreignKeys mode, one per relation column");

        writeTheBlog();
        SinewException checkOnCreate = checkOnCreate();
        boolean prismaAccepted = !database.mode().usesForeignKeys() && prismaWouldAccept();
        changeGracesId();
        deleteAPostWithTags();
        SinewException restrict = deleteGraceWhileSheHasComments();
        deleteAlan();
        return new Outcome(database.mode(), tables, foreignKeys, checkOnCreate, restrict, prismaAccepted, data());
    }

    private void writeTheBlog() {
        User ada = db.user().create(u -> u.email("ada@example.com").name("Ada")
                .profile(p -> p.create(profile -> profile.bio("Writes notes on engines"))));
        User grace = db.user().create(u -> u.email("grace@example.com").name("Grace")
                .profile(p -> p.create(profile -> profile.bio("Finds bugs"))));
        User alan = db.user().create(u -> u.email("alan@example.com").name("Alan")
                .profile(p -> p.create(profile -> profile.bio("Breaks codes"))));

        post(ada, "Notes on the Analytical Engine", List.of("engines", "machines"), grace, "Loops, already in 1843?");
        post(grace, "The first compiler", List.of("languages"), ada, "Machines writing programs!");
        post(alan, "Computable numbers", List.of("machines"), ada, "What no machine can do.");
        post(alan, "Can machines think?", List.of("machines", "languages"), grace, "They can compile, at least.");

        out.println("Wrote " + db.user().count() + " users with " + db.profile().count() + " profiles, "
                + db.post().count() + " posts with " + db.comment().count() + " comments, and " + db.tag().count()
                + " tags on " + joinRows(null) + " links.");
    }

    /** One post, created with its tags (made when new) and one comment, in one nested write. */
    private void post(User author, String title, List<String> tags, User commenter, String comment) {
        db.post().create(p -> p.title(title).published(true)
                .author(a -> a.connect(UserWhereUnique.id(author.id())))
                .tags(t -> tags.forEach(tag -> t.connectOrCreate(TagWhereUnique.name(tag), c -> c.name(tag))))
                .comments(c -> c.create(text -> text.body(comment)
                        .author(a -> a.connect(UserWhereUnique.id(commenter.id()))))));
    }

    private SinewException checkOnCreate() {
        out.println();
        out.println("Check on create: a post by user #" + NO_SUCH_USER + ", who does not exist.");
        long posts = db.post().count();
        SinewException refused = refusal(() -> db.post().create(p -> p.title("Nobody's post").authorId(NO_SUCH_USER)),
                "the post for a user who does not exist");
        out.println("  Refused: " + refused.code() + " " + refused.getMessage());
        expect("P2003".equals(refused.code()), "P2003 for a reference to nothing, in both modes");
        expect(db.post().count() == posts, "no post stored");
        return refused;
    }

    /** Prisma's own prisma mode does not check creates; {@code checkOnCreate(false)} behaves as it does. */
    private boolean prismaWouldAccept() {
        try (BlogClient prismaLike = BlogClient.of(Sinew.builder().schema(database.schema()).checkOnCreate(false)
                .build())) {
            Post dangling = prismaLike.post().create(p -> p.title("Nobody's post").authorId(NO_SUCH_USER));
            boolean accepted = db.post().findUnique(PostWhereUnique.id(dangling.id())).isPresent()
                    && db.user().findUnique(UserWhereUnique.id(NO_SUCH_USER)).isEmpty();
            out.println("  Prisma's client does not check: with checkOnCreate(false), which behaves as it does, post #"
                    + dangling.id() + " goes in");
            out.println("  for user #" + dangling.authorId() + ", who does not exist. (Deleted again.)");
            prismaLike.post().delete(PostWhereUnique.id(dangling.id()));
            expect(accepted, "checkOnCreate(false) lets the dangling post in, as Prisma does");
            return accepted;
        }
    }

    private void changeGracesId() {
        out.println();
        out.println("onUpdate Cascade: Grace's id changes from 2 to 20.");
        db.user().update(UserWhereUnique.email("grace@example.com"), d -> d.id(20));
        long posts = db.post().count(w -> w.authorId().eq(20));
        long comments = db.comment().count(w -> w.authorId().eq(20));
        Profile profile = db.profile().findUnique(ProfileWhereUnique.userId(20)).orElse(null);
        expect(profile != null, "Grace's profile follows her new id");
        long stillAt2 = db.post().count(w -> w.authorId().eq(2)) + db.comment().count(w -> w.authorId().eq(2))
                + db.profile().count(w -> w.userId().eq(2));
        out.println("  What pointed at her followed: her " + posts + " post, her " + comments
                + " comments and her profile (#" + profile.id() + ") now hold 20; " + stillAt2 + " rows hold 2.");
        expect(posts == 1 && comments == 2 && stillAt2 == 0, "Grace's post, comments and profile follow her new id");
    }

    private void deleteAPostWithTags() {
        Post post = db.post().findFirstOrThrow(q -> q.where(w -> w.title().eq("Notes on the Analytical Engine"))
                .include(i -> i.tags().comments()));
        out.println();
        out.println("Many-to-many: deleting Ada's post \"" + post.title() + "\", tagged " + names(post.tags()) + ".");
        long links = joinRows(post.id());
        db.post().delete(PostWhereUnique.id(post.id()));
        long linksLeft = joinRows(post.id());
        long commentsLeft = db.comment().count(w -> w.postId().eq(post.id()));
        long tags = db.tag().count();
        out.println("  Its " + links + " rows in _PostToTag went with it (" + linksLeft + " left), and its "
                + post.comments().size() + " comment (Cascade, " + commentsLeft + " left); all " + tags
                + " tags remain.");
        expect(links == 2 && linksLeft == 0 && commentsLeft == 0 && tags == 3,
                "the join rows and the comment go with the post, the tags stay");
    }

    private SinewException deleteGraceWhileSheHasComments() {
        long comments = db.comment().count(w -> w.authorId().eq(20));
        out.println();
        out.println("onDelete Restrict: deleting Grace, who still has " + comments + " comment.");
        long users = db.user().count();
        long posts = db.post().count();
        SinewException refused = refusal(() -> db.user().delete(UserWhereUnique.id(20)),
                "deleting a user who has comments");
        out.println("  Refused: " + refused.code() + " " + refused.getMessage());
        boolean unchanged = db.user().count() == users && db.post().count() == posts
                && db.comment().count(w -> w.authorId().eq(20)) == comments;
        out.println("  " + (unchanged ? "Nothing changed: Grace, her post and her comment are still there."
                : "Something changed!"));
        expect(comments == 1 && unchanged, "the refused delete changes nothing");
        expect(refused.code().equals(database.mode().usesForeignKeys() ? "P2003" : "P2014"),
                "P2003 from the database's foreign key, P2014 from the emulation");
        return refused;
    }

    private void deleteAlan() {
        User alan = db.user().findUniqueOrThrow(UserWhereUnique.email("alan@example.com"),
                a -> a.include(i -> i.posts(p -> p.include(post -> post.comments())).comments().profile()));
        int posts = alan.posts().size();
        int theirComments = alan.posts().stream().mapToInt(p -> p.comments().size()).sum();
        List<Integer> postIds = alan.posts().stream().map(Post::id).toList();
        long links = postIds.stream().mapToLong(this::joinRows).sum();
        out.println();
        out.println("onDelete Cascade and SetNull: deleting Alan, who has " + posts + " posts, "
                + alan.comments().size() + " comments and a profile.");
        db.user().delete(UserWhereUnique.id(alan.id()));
        long postsLeft = db.post().count(w -> w.id().in(postIds));
        long commentsLeft = db.comment().count(w -> w.postId().in(postIds));
        long linksLeft = postIds.stream().mapToLong(this::joinRows).sum();
        Profile profile = db.profile().findUnique(ProfileWhereUnique.id(alan.profile().id())).orElse(null);
        expect(profile != null, "Alan's profile stays (SetNull, not Cascade)");
        out.println("  His " + posts + " posts went with him (Cascade), and with them their " + theirComments
                + " comments and " + links + " tag links: " + (postsLeft + commentsLeft + linksLeft) + " rows left.");
        out.println("  His profile (#" + profile.id() + ", \"" + profile.bio() + "\") stays; its userId is now "
                + profile.userId() + " (SetNull).");
        expect(posts == 2 && theirComments == 2 && links == 3 && postsLeft + commentsLeft + linksLeft == 0,
                "Alan's posts, their comments and their tag links go with him");
        expect(profile.userId() == null, "Alan's profile stays, without him");
    }

    /** The data left, one line per table, in id order, the way the summary prints it. */
    List<String> data() {
        List<String> lines = new ArrayList<>();
        lines.add("users     " + db.user().findMany(q -> q.orderBy(o -> o.id().asc())).stream()
                .map(u -> "#" + u.id() + " " + u.email()).collect(Collectors.joining(", ")));
        lines.add("profiles  " + db.profile().findMany(q -> q.orderBy(o -> o.id().asc())).stream()
                .map(p -> "#" + p.id() + (p.userId() == null ? " of nobody" : " of user #" + p.userId()))
                .collect(Collectors.joining(", ")));
        lines.add("posts     " + db.post().findMany(q -> q.orderBy(o -> o.id().asc()).include(i -> i.tags()))
                .stream().map(p -> "#" + p.id() + " \"" + p.title() + "\" by user #" + p.authorId() + ", tagged "
                        + names(p.tags())).collect(Collectors.joining("; ")));
        lines.add("comments  " + db.comment().findMany(q -> q.orderBy(o -> o.id().asc())).stream()
                .map(c -> "#" + c.id() + " on post #" + c.postId() + " by user #" + c.authorId())
                .collect(Collectors.joining(", ")));
        lines.add("tags      " + db.tag().findMany(q -> q.orderBy(o -> o.id().asc())).stream()
                .map(t -> "#" + t.id() + " " + t.name()).collect(Collectors.joining(", ")));
        lines.add("tag links " + db.queryRaw("SELECT \"A\" AS post, \"B\" AS tag FROM \"_PostToTag\" ORDER BY 1, 2")
                .stream().map(row -> "post #" + row.get("post") + " with tag #" + row.get("tag"))
                .collect(Collectors.joining(", ")));
        return lines;
    }

    private static String names(List<Tag> tags) {
        return tags.stream().map(Tag::name).sorted().collect(Collectors.joining(", "));
    }

    /**
     * Rows of the implicit join table, for one post or all. Read with raw SQL: the typed client only sees links whose
     * both ends exist, and the point is to show that no other rows are left behind.
     */
    private long joinRows(Integer postId) {
        return postId == null ? count("SELECT count(*) AS n FROM \"_PostToTag\"")
                : count("SELECT count(*) AS n FROM \"_PostToTag\" WHERE \"A\" = ?", postId);
    }

    private int count(String sql, Object... params) {
        List<Map<String, Object>> rows = db.queryRaw(sql, params);
        return ((Number) rows.get(0).get("n")).intValue();
    }

    /** The SinewException {@code write} throws; an IllegalStateException when it succeeds. */
    private static SinewException refusal(Runnable write, String what) {
        try {
            write.run();
        } catch (SinewException e) {
            return e;
        }
        throw new IllegalStateException("expected a refusal, but this went through: " + what);
    }

    private static void expect(boolean held, String what) {
        if (!held) {
            throw new IllegalStateException("the example did not come out as the schema says: " + what);
        }
    }
}
