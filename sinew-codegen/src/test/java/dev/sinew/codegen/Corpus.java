package dev.sinew.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared conformance corpus next to the repository (never copied into it). */
final class Corpus {
    private Corpus() {
    }

    /** {@code <repository root>/../shared/conformance}, found by walking up to the parent POM. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            try {
                // The parent POM names itself sinew-parent; module POMs name it only inside <parent>.
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>sinew-parent")
                        && !Files.readString(pom).contains("<parent>")) {
                    return dir.resolveSibling("shared").resolve("conformance").normalize();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no sinew-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** Every case folder of {@code cases/} and {@code realworld/cases/}, sorted. */
    static List<Path> cases() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(root().resolve("cases"), root().resolve("realworld").resolve("cases"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isDirectory).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
