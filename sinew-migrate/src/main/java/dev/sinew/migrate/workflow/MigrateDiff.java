package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Provider;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.connect.DatabaseUrl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate diff}: the migration from one schema source to another. A source is nothing ({@code --*-empty}), a
 * Prisma schema ({@code --*-schema}), a live database ({@code --*-url}), or a migrations folder replayed on a shadow
 * database ({@code --*-migrations}). Both sides must be of the same database; the side that knows its provider tells
 * the other.
 */
public final class MigrateDiff {

    /** One side of the diff. */
    public sealed interface Source {
        /** {@code --from-empty}, {@code --to-empty}. */
        record Empty() implements Source {
        }

        /** {@code --from-schema F}: the schema its datamodel calls for. */
        record Schema(Datamodel datamodel) implements Source {
        }

        /** {@code --from-url U}: the schema of a live database, read from its catalog. */
        record Url(DatabaseUrl url) implements Source {
        }

        /** {@code --from-migrations DIR}: the schema the migrations produce on a shadow database. */
        record Migrations(MigrationsDirectory directory) implements Source {
        }
    }

    /** The migration and the dialect it renders in. */
    public record Outcome(Dialect dialect, Migration migration) {
    }

    private MigrateDiff() {}

    /**
     * Diffs two sources.
     *
     * @param shadowDatabaseUrl where to replay a migrations folder on PostgreSQL and MySQL; null on SQLite
     * @throws MigrateException {@code C323} when the sides are of different databases, {@code C324} when a
     *                          migrations folder needs a shadow database and none was given
     */
    public static Outcome diff(Source from, Source to, DatabaseUrl shadowDatabaseUrl) {
        Provider provider = provider(from, to, shadowDatabaseUrl);
        Dialect dialect = Dialect.forProvider(provider.schemaName());
        SqlSchema previous = read(from, provider, shadowDatabaseUrl);
        SqlSchema next = read(to, provider, shadowDatabaseUrl);
        if (from instanceof Source.Url u && to instanceof Source.Schema) {
            next = onDatabase(u.url(), provider, next);
        } else if (to instanceof Source.Url u && from instanceof Source.Schema) {
            previous = onDatabase(u.url(), provider, previous);
        }
        return new Outcome(dialect, new SchemaDiffer(dialect).diff(previous, next));
    }

    private static SqlSchema onDatabase(DatabaseUrl url, Provider provider, SqlSchema calculated) {
        Database database = Database.of(url, provider);
        try (Connection connection = database.connect()) {
            return database.onThisDatabase(calculated, connection);
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed: " + DbPush.oneLine(e.getMessage()),
                    "check the database", List.of(), e);
        }
    }

    private static Provider provider(Source from, Source to, DatabaseUrl shadow) {
        Optional<Provider> a = known(from);
        Optional<Provider> b = known(to);
        if (a.isPresent() && b.isPresent() && DatabaseUrl.Family.of(a.get()) != DatabaseUrl.Family.of(b.get())) {
            throw new MigrateException("C323", "The two sides of the diff are different databases: "
                    + a.get().schemaName() + " and " + b.get().schemaName(),
                    "diff two sources of the same database");
        }
        Optional<Provider> fromUrls = urlProvider(from).or(() -> urlProvider(to))
                .or(() -> Optional.ofNullable(shadow).map(MigrateDiff::providerOfFamily));
        Provider provider = a.or(() -> b).or(() -> fromUrls).orElse(Provider.SQLITE);
        for (Source side : List.of(from, to)) {
            if (side instanceof Source.Url u && !u.url().suits(provider)) {
                throw new MigrateException("C323", "The URL " + u.url().given() + " is not a " + provider.schemaName()
                        + " database, but the other side of the diff is", "diff two sources of the same database");
            }
        }
        if (!provider.isRelational()) {
            throw new MigrateException("C310", "MongoDB has no SQL schema to diff",
                    "use a relational provider (postgresql, mysql, sqlite, sqlserver, cockroachdb)");
        }
        return provider;
    }

    /** The provider a schema names, or a migrations folder's lock file. */
    private static Optional<Provider> known(Source source) {
        if (source instanceof Source.Schema s) {
            return s.datamodel().provider();
        }
        if (source instanceof Source.Migrations m) {
            return m.directory().lockedProvider().flatMap(Provider::fromSchemaName);
        }
        return Optional.empty();
    }

    private static Optional<Provider> urlProvider(Source source) {
        return source instanceof Source.Url u ? Optional.of(providerOfFamily(u.url())) : Optional.empty();
    }

    private static Provider providerOfFamily(DatabaseUrl url) {
        return switch (url.family()) {
            case POSTGRESQL -> Provider.POSTGRESQL;
            case MYSQL -> Provider.MYSQL;
            case SQLITE -> Provider.SQLITE;
            case SQLSERVER -> Provider.SQLSERVER;
        };
    }

    private static SqlSchema read(Source source, Provider provider, DatabaseUrl shadowUrl) {
        if (source instanceof Source.Empty) {
            return SqlSchema.empty();
        }
        if (source instanceof Source.Schema s) {
            return SqlSchemaCalculator.calculate(s.datamodel());
        }
        if (source instanceof Source.Url u) {
            Database database = Database.of(u.url(), provider);
            try (Connection connection = database.connect()) {
                return database.introspect(connection);
            } catch (SQLException e) {
                throw new MigrateException("C321", "The database failed: " + DbPush.oneLine(e.getMessage()),
                        "check the database", List.of(), e);
            }
        }
        Source.Migrations m = (Source.Migrations) source;
        if (!m.directory().exists()) {
            throw new MigrateException("C325", "The migrations directory " + m.directory().path() + " does not exist",
                    "give the folder that holds the migration directories, e.g. prisma/migrations");
        }
        m.directory().checkProvider(provider);
        ShadowDatabase shadow;
        if (shadowUrl != null) {
            shadow = ShadowDatabase.explicit(shadowUrl, provider);
        } else if (provider == Provider.SQLITE) {
            shadow = ShadowDatabase.temporarySqlite();
        } else {
            throw new MigrateException("C324", "You must pass the --shadow-database-url if you want to diff a "
                    + "migrations directory.", "name an empty " + provider.displayName() + " database that may be "
                    + "emptied with --shadow-database-url; SQLite needs none");
        }
        try (shadow) {
            shadow.apply(m.directory().list());
            return shadow.schema();
        }
    }
}
