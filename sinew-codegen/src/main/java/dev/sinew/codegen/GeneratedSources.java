package dev.sinew.codegen;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The files of a generated client, in memory until {@link #writeTo(Path)}. */
public final class GeneratedSources {
    private final List<GeneratedFile> files;

    GeneratedSources(List<GeneratedFile> files) {
        this.files = List.copyOf(files);
    }

    public List<GeneratedFile> files() {
        return files;
    }

    /**
     * What {@link #writeTo(Path)} did.
     *
     * @param written   files created or changed
     * @param unchanged files that already had this content (left untouched, so builds need not recompile them)
     * @param deleted   files an earlier generation wrote that this one no longer makes (a model removed)
     */
    public record WriteReport(int written, int unchanged, int deleted) {
    }

    /**
     * Writes every file below {@code outputFolder} (the source root: files go to their package's folder), leaves
     * files with unchanged content untouched, and deletes the generated files of an earlier run that this one no
     * longer makes. Files that the generator did not write (without {@link GeneratedFile#MARKER}) are never
     * touched.
     *
     * @throws CodegenException when the folder cannot be written
     */
    public WriteReport writeTo(Path outputFolder) {
        int written = 0;
        int unchanged = 0;
        int deleted = 0;
        Set<Path> packageFolders = new HashSet<>();
        Set<Path> paths = new HashSet<>();
        try {
            for (GeneratedFile file : files) {
                Path path = outputFolder.resolve(file.path()).normalize();
                paths.add(path);
                packageFolders.add(path.getParent());
                Files.createDirectories(path.getParent());
                if (Files.isRegularFile(path) && Files.readString(path, StandardCharsets.UTF_8)
                        .equals(file.content())) {
                    unchanged++;
                    continue;
                }
                Files.writeString(path, file.content(), StandardCharsets.UTF_8);
                written++;
            }
            for (Path folder : packageFolders) {
                List<Path> stale = new ArrayList<>();
                try (Stream<Path> list = Files.list(folder)) {
                    list.filter(p -> p.toString().endsWith(".java") && !paths.contains(p) && Files.isRegularFile(p))
                            .forEach(stale::add);
                }
                for (Path path : stale) {
                    if (isGenerated(path)) {
                        Files.delete(path);
                        deleted++;
                    }
                }
            }
        } catch (IOException e) {
            throw new CodegenException("G107", "cannot write the generated client to " + outputFolder + ": "
                    + e.getMessage(), "check that the output folder can be written", e);
        }
        return new WriteReport(written, unchanged, deleted);
    }

    private static boolean isGenerated(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.startsWith(GeneratedFile.MARKER);
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
