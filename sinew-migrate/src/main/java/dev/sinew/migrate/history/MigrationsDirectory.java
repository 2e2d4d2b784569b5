package dev.sinew.migrate.history;

import dev.sinew.migrate.MigrateException;
import dev.sinew.schema.model.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A migrations folder in Prisma's layout, so that a project can move between Prisma and Sinew: one directory per
 * migration named {@code <YYYYMMDDHHMMSS>_<name>} (UTC) holding {@code migration.sql}, applied in name order, and
 * {@code migration_lock.toml} naming the provider.
 */
public final class MigrationsDirectory {

    public static final String SCRIPT_FILE = "migration.sql";
    public static final String LOCK_FILE = "migration_lock.toml";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern LOCKED_PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("^(\\d{14})_");
    private static final int MAX_NAME_BYTES = 200;

    private final Path path;

    public MigrationsDirectory(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** The folder next to a schema file, where Prisma keeps it: {@code prisma/migrations}. */
    public static MigrationsDirectory besideSchema(Path schemaFile) {
        return new MigrationsDirectory(schemaFile.toAbsolutePath().getParent().resolve("migrations"));
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isDirectory(path);
    }

    /**
     * The migrations, in the order they apply (by directory name).
     *
     * @throws MigrateException {@code P3015} for a directory without {@code migration.sql}
     */
    public List<MigrationFolder> list() {
        if (!exists()) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(path)) {
            dirs = entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        List<MigrationFolder> out = new ArrayList<>();
        for (Path dir : dirs) {
            Path script = dir.resolve(SCRIPT_FILE);
            if (!Files.isRegularFile(script)) {
                throw new MigrateException("P3015", "Could not find the migration file at " + script
                        + ". Please delete the directory or restore the migration file.",
                        "every migration directory holds a migration.sql");
            }
            try {
                byte[] bytes = Files.readAllBytes(script);
                out.add(new MigrationFolder(dir.getFileName().toString(), dir,
                        new String(bytes, StandardCharsets.UTF_8), MigrationFolder.checksum(bytes)));
            } catch (IOException e) {
                throw unreadable(script, e);
            }
        }
        return out;
    }

    /** The migration of this name, if the folder has it. */
    public Optional<MigrationFolder> find(String name) {
        return list().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static MigrateException unreadable(Path file, IOException e) {
        return new MigrateException("C317", "cannot read " + file + ": " + e.getMessage(),
                "check that the migrations folder can be read", List.of(), e);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The lock file

    /** The provider {@code migration_lock.toml} names; empty when there is no lock file. */
    public Optional<String> lockedProvider() {
        Path lock = path.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        try {
            Matcher m = LOCKED_PROVIDER.matcher(Files.readString(lock, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw unreadable(lock, e);
        }
    }

    /**
     * Refuses a history written for another database.
     *
     * @throws MigrateException {@code P3019} when the lock file names another provider
     */
    public void checkProvider(Provider provider) {
        Optional<String> locked = lockedProvider();
        if (locked.isEmpty() || Provider.fromSchemaName(locked.get()).filter(p -> p == provider).isPresent()) {
            return;
        }
        String expected = locked.get();
        String given = provider.schemaName();
        String link = given.equals("cockroachdb") && expected.equals("postgresql")
                ? "Check out the following documentation for how to resolve this: "
                + "https://pris.ly/d/cockroachdb-postgresql-provider"
                : "Please remove your current migration directory and start a new migration history with prisma "
                + "migrate dev. Read more: https://pris.ly/d/migrate-provider-switch";
        throw new MigrateException("P3019", "The datasource provider `" + given + "` specified in your schema does "
                + "not match the one specified in the migration_lock.toml, `" + expected + "`. " + link,
                "a migrations folder belongs to one database; start a new one for " + given);
    }

    /** Prisma's lock file text for a provider. */
    public static String lockFileText(Provider provider) {
        return "# Please do not edit this file manually\n"
                + "# It should be added in your version-control system (e.g., Git)\n"
                + "provider = \"" + provider.schemaName() + "\"\n";
    }

    /** Writes the lock file when it is missing. */
    public void writeLockIfMissing(Provider provider) {
        Path lock = path.resolve(LOCK_FILE);
        if (Files.exists(lock)) {
            return;
        }
        try {
            Files.createDirectories(path);
            Files.writeString(lock, lockFileText(provider), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unwritable(lock, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // New migrations

    /**
     * Writes a new migration, named after the time (UTC) and the given name, after every migration already there.
     *
     * @param name   the migration's name as the user gave it ({@code Add users}); made a slug ({@code add_users})
     * @param script the text of {@code migration.sql}
     * @param now    the time it is created
     */
    public MigrationFolder create(String name, String script, Instant now) {
        String slug = slug(name);
        LocalDateTime time = LocalDateTime.ofInstant(now, ZoneOffset.UTC).withNano(0);
        for (MigrationFolder existing : list()) {
            Matcher m = TIMESTAMP_PREFIX.matcher(existing.name());
            if (m.find()) {
                LocalDateTime last = LocalDateTime.parse(m.group(1), TIMESTAMP);
                if (!time.isAfter(last)) {
                    time = last.plusSeconds(1); // a clock behind the last migration would sort the new one first
                }
            }
        }
        String folderName = TIMESTAMP.format(time) + "_" + slug;
        if (folderName.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES + 15) {
            throw new MigrateException("P3010", "The name of the migration is too long. It must not be longer than "
                    + "200 characters (bytes).", "give a shorter --name");
        }
        Path dir = path.resolve(folderName);
        try {
            Files.createDirectories(dir);
            byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(SCRIPT_FILE), bytes);
            return new MigrationFolder(folderName, dir, script, MigrationFolder.checksum(bytes));
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
    }

    private static MigrateException unwritable(Path file, IOException e) {
        return new MigrateException("C318", "cannot write " + file + ": " + e.getMessage(),
                "check that the migrations folder can be written", List.of(), e);
    }

    /**
     * A migration name as Prisma's CLI makes it: letters transliterated to ASCII, words split at case changes,
     * lower case, every run of other characters one underscore, at most 200 characters.
     */
    public static String slug(String name) {
        if (name == null) {
            return "";
        }
        String s = name.replace("&", " and ").replace("♥", " love ")
                .replace("ß", "ss").replace("ẞ", "Ss").replace("ä", "ae").replace("Ä", "Ae")
                .replace("ö", "oe").replace("Ö", "Oe").replace("ü", "ue").replace("Ü", "Ue")
                .replace("æ", "ae").replace("Æ", "AE").replace("ø", "o").replace("Ø", "O")
                .replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("([A-Z]{2,})(\\d+)", "$1 $2")
                .replaceAll("([a-z\\d]+)([A-Z]{2,})", "$1 $2")
                .replaceAll("([a-z\\d])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-rt-z\\d]+)", "$1 $2");
        s = s.toLowerCase(Locale.ROOT);
        s = s.replaceAll("([a-zA-Z\\d]+)'([ts])(\\s|$)", "$1$2$3");
        s = s.replaceAll("[^a-z\\d]+", "_");
        s = s.replace("\\", "");
        s = s.replaceAll("_{2,}", "_").replaceAll("^_|_$", "");
        return s.length() > MAX_NAME_BYTES ? s.substring(0, MAX_NAME_BYTES) : s;
    }
}
