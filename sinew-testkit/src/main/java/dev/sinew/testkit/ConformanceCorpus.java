package dev.sinew.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance corpus (Prisma's reference outputs), which lives beside the repository and is never copied into
 * it: {@code ../shared/conformance} relative to the directory of the parent POM, found by walking up from the
 * module a test runs in.
 */
public final class ConformanceCorpus {
    private ConformanceCorpus() {
    }

    /** {@code <repository root>/../shared/conformance}. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            // The parent POM names itself sinew-parent; module POMs name it only inside <parent>.
            if (Files.isRegularFile(pom)) {
                String text = read(pom);
                if (text.contains("<artifactId>sinew-parent") && !text.contains("<parent>")) {
                    return dir.resolveSibling("shared").resolve("conformance").normalize();
                }
            }
        }
        throw new IllegalStateException("no sinew-parent pom.xml above " + start);
    }

    /** Every case folder of {@code cases/} and {@code realworld/cases/}, sorted by name within each. */
    public static List<Path> cases() {
        Path root = root();
        List<Path> out = new ArrayList<>();
        for (Path parent : List.of(root.resolve("cases"), root.resolve("realworld").resolve("cases"))) {
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.filter(Files::isDirectory).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The text of a file (UTF-8), an unchecked exception when it cannot be read. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
