package com.example.blog;

import com.example.blog.db.BlogClient;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.migrate.workflow.DbPush;
import dev.sinew.migrate.workflow.Project;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.RelationMode;
import dev.sinew.sql.connect.DatabaseUrl;
import dev.sinew.sql.connect.DatasourceUrls;
import dev.sinew.sql.connect.ProjectVariables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new database for one run of the story: the blog's schema, copied into a folder of its own with the relation mode
 * set, and pushed to a new SQLite file there, as {@code sinew db push} does it.
 *
 * <p>The copy is made from {@link BlogClient#schema()}, the text the typed client was generated from, so the client
 * and the copy always agree on models and fields; only the datasource's {@code relationMode} differs. The client then
 * connects with the copy ({@code BlogClient.connect(schema)}), and the copy's mode is the one it runs in.
 *
 * @param mode   the relation mode of the copy
 * @param schema the copy ({@code <directory>/<mode>/schema.prisma})
 * @param file   the SQLite file its datasource names ({@code url = "file:./dev.db"}, beside the copy)
 * @param push   what the push did
 */
record BlogDatabase(RelationMode mode, Path schema, Path file, DbPush.Result push) {
    private static final Pattern RELATION_MODE = Pattern.compile("(?m)^(\\s*relationMode\\s*=\\s*)\"[^\"]*\"");

    /** Copies the schema into {@code directory/<mode>}, replacing an earlier copy and its database, and pushes it. */
    static BlogDatabase create(Path directory, RelationMode mode) {
        Path folder = directory.resolve(mode.schemaName()).toAbsolutePath().normalize();
        Path schema = folder.resolve("schema.prisma");
        try {
            Files.createDirectories(folder);
            for (String leftover : List.of("dev.db", "dev.db-journal", "dev.db-wal", "dev.db-shm")) {
                Files.deleteIfExists(folder.resolve(leftover));
            }
            Files.writeString(schema, withRelationMode(BlogClient.schema(), mode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the schema copy " + schema, e);
        }
        Datamodel datamodel = validate(schema);
        Datasource datasource = datamodel.datasource().orElseThrow();

        // What `sinew db push` does with a schema file: the datasource's URL read as Prisma reads it (a relative SQLite
        // path starts at the schema's folder), then the push. Its report (with a timing) is not wanted here.
        DatabaseUrl url = DatasourceUrls.resolve("url", datasource.url(),
                ProjectVariables.load(System.getenv(), folder, folder), folder).orElseThrow();
        Project project = new Project(datamodel, Database.of(url, datasource.provider()),
                MigrationsDirectory.besideSchema(schema));
        DbPush.Result push = DbPush.run(project, false, false, new PrintWriter(Writer.nullWriter()));
        return new BlogDatabase(mode, schema, url.file(), push);
    }

    /** The schema text with its datasource's {@code relationMode} set to {@code mode}. */
    static String withRelationMode(String schema, RelationMode mode) {
        Matcher matcher = RELATION_MODE.matcher(schema);
        if (!matcher.find()) {
            throw new IllegalStateException("the blog's schema has no relationMode line in its datasource");
        }
        return matcher.replaceFirst("$1\"" + mode.schemaName() + "\"");
    }

    /** The copy's Datamodel; its diagnostics, if it is invalid. */
    static Datamodel validate(Path schema) {
        PrismaSchema.ValidationResult result;
        try {
            result = PrismaSchema.validate(schema.getFileName().toString(), Files.readString(schema));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schema, e);
        }
        if (result.diagnostics().hasErrors()) {
            throw new IllegalStateException("the schema copy " + schema + " is invalid:\n"
                    + result.diagnostics().render());
        }
        return result.datamodel();
    }
}
