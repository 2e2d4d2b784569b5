package dev.sinew.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The conformance corpus next to the repository: {@code ../shared/conformance} from the root POM's directory. */
final class ConformanceCorpus {

    private ConformanceCorpus() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>sinew-parent")
                        && !Files.readString(pom).contains("<parent>")) {
                    return dir.resolveSibling("shared").resolve("conformance");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no sinew-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** Every case folder: {@code cases/*} and {@code realworld/cases/*}, sorted by name. */
    static List<Path> cases() {
        List<Path> out = new ArrayList<>();
        for (Path parent : List.of(root().resolve("cases"), root().resolve("realworld").resolve("cases"))) {
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.filter(Files::isDirectory).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
