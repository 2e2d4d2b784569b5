package dev.sinew.cli;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A schema file that a command read: where it is, how to name it to the user, and its text. */
final class SchemaFile {
    /** Where Prisma looks when no {@code --schema} is given, in its order. */
    static final List<String> DEFAULT_LOCATIONS = List.of("schema.prisma", "prisma/schema.prisma");

    private final Path path;
    private final String displayName;
    private final String text;

    private SchemaFile(Path path, String displayName, String text) {
        this.path = path;
        this.displayName = displayName;
        this.text = text;
    }

    static SchemaFile locate(Environment environment, Path given) {
        if (given != null) {
            Path path = environment.workingDirectory().resolve(given).normalize();
            String shown = environment.display(path);
            if (!Files.exists(path)) {
                throw new CliException(CliError.SCHEMA_NOT_FOUND, "no schema file at " + shown,
                        "check the path given to --schema; a relative path starts at the current directory");
            }
            return read(path, shown);
        }
        for (String location : DEFAULT_LOCATIONS) {
            Path path = environment.workingDirectory().resolve(location);
            if (Files.isRegularFile(path)) {
                return read(path, environment.display(path));
            }
        }
        throw new CliException(CliError.NO_SCHEMA_IN_DEFAULT_LOCATIONS,
                "no schema found at ./" + String.join(" or ./", DEFAULT_LOCATIONS),
                "run the command in the project's directory, or name the file with --schema <path>");
    }

    private static SchemaFile read(Path path, String shown) {
        if (Files.isDirectory(path)) {
            throw new CliException(CliError.SCHEMA_UNREADABLE, shown + " is a directory",
                    "name the schema file itself, e.g. --schema " + shown + "/schema.prisma");
        }
        try {
            return new SchemaFile(path, shown, Files.readString(path, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new CliException(CliError.SCHEMA_UNREADABLE, "cannot read " + shown + ": it is not UTF-8 text",
                    "save the schema with UTF-8 encoding", e);
        } catch (AccessDeniedException e) {
            throw new CliException(CliError.SCHEMA_UNREADABLE, "cannot read " + shown + ": permission denied",
                    "check the file's permissions", e);
        } catch (IOException e) {
            throw new CliException(CliError.SCHEMA_UNREADABLE, "cannot read " + shown + ": " + e.getMessage(),
                    "check that the file can be read", e);
        }
    }

    /** The path as the user would write it; also the file name in diagnostics ({@code -->  prisma/schema.prisma:3}). */
    String displayName() {
        return displayName;
    }

    String text() {
        return text;
    }

    SourceFile source() {
        return new SourceFile(displayName, text);
    }

    /** The diagnostics of the file's text. */
    Diagnostics validate() {
        return validate(source());
    }

    /** The diagnostics of another text for this file (the formatted one), named like the file. */
    Diagnostics validate(String otherText) {
        return validate(new SourceFile(displayName, otherText));
    }

    private static Diagnostics validate(SourceFile source) {
        return PrismaSchema.validate(source).diagnostics();
    }

    /** Where the file is. */
    Path path() {
        return path;
    }

    /**
     * Replaces the file's content so that it is never seen half-written: the text goes to a temporary file in the
     * same directory, which then replaces the schema in one move (atomic where the file system allows it).
     */
    void replace(String newText) {
        Path directory = path.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
            Files.writeString(temporary, newText, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AccessDeniedException e) {
            throw new CliException(CliError.SCHEMA_UNWRITABLE, "cannot write " + displayName + ": permission denied",
                    "check the permissions of the file and of its directory", e);
        } catch (IOException e) {
            throw new CliException(CliError.SCHEMA_UNWRITABLE, "cannot write " + displayName + ": " + e.getMessage(),
                    "check that the file and its directory can be written", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move took it, or nothing more can be done about it
                }
            }
        }
    }

    void write(String newText) {
        try {
            Files.writeString(path, newText, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new CliException(CliError.SCHEMA_UNWRITABLE, "cannot write " + displayName + ": permission denied",
                    "check the file's permissions", e);
        } catch (IOException e) {
            throw new CliException(CliError.SCHEMA_UNWRITABLE, "cannot write " + displayName + ": " + e.getMessage(),
                    "check that the file and its directory can be written", e);
        }
    }
}
