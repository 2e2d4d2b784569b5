package dev.sinew.migrate.history;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One migration of a migrations folder: {@code <timestamp>_<name>/migration.sql}.
 *
 * @param name      the directory's name, which the history table records ({@code 20231108140054_init})
 * @param directory the directory
 * @param script    the text of {@code migration.sql}
 * @param checksum  the SHA-256 of the file's bytes in lower-case hex, as Prisma records it
 */
public record MigrationFolder(String name, Path directory, String script, String checksum) {

    /** The SHA-256 of a script as Prisma computes it: of its UTF-8 bytes, in lower-case hex. */
    public static String checksum(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether a recorded checksum is this file's. A file whose line endings a checkout changed (CRLF on Windows, LF
     * elsewhere) still matches, as in Prisma.
     */
    public boolean matchesChecksum(String recorded) {
        if (recorded == null) {
            return false;
        }
        String r = recorded.toLowerCase(java.util.Locale.ROOT);
        if (r.equals(checksum)) {
            return true;
        }
        String lf = script.replace("\r\n", "\n");
        return r.equals(checksum(lf.getBytes(StandardCharsets.UTF_8)))
                || r.equals(checksum(lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The file, for messages. */
    public Path scriptFile() {
        return directory.resolve(MigrationsDirectory.SCRIPT_FILE);
    }
}
