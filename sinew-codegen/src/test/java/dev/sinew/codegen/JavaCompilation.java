package dev.sinew.codegen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in process with {@code javax.tools}, as strictly as the generated code promises:
 * {@code --release 17 -Xlint:all -Werror}, against the test class path (the dynamic client and the schema module).
 */
final class JavaCompilation {
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    /** The outcome: the diagnostics, and where the classes went. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {
        /** Every diagnostic, one per line, with its file and line. */
        String report() {
            return diagnostics.stream().map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":"
                            + d.getLineNumber() + ": ") + d.getKind() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
        }

        /** A class loader over the compiled classes and the test class path. */
        URLClassLoader classLoader() {
            try {
                return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaCompilation.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private JavaCompilation() {
    }

    /** Compiles the generated files (and any extra sources) into {@code classes}. */
    static Result compile(List<GeneratedFile> files, Path classes) {
        return compile(files, classes, List.of());
    }

    /** As {@link #compile(List, Path)}, with more class path entries (classes compiled before) first. */
    static Result compile(List<GeneratedFile> files, Path classes, List<Path> classPathFirst) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile file : files) {
            sources.add(new Source(file.path(), file.content()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = COMPILER.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            manager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            List<File> classPath = new ArrayList<>();
            classPathFirst.forEach(p -> classPath.add(p.toFile()));
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                classPath.add(new File(entry));
            }
            manager.setLocation(StandardLocation.CLASS_PATH, classPath);
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                    "-implicit:none", "-encoding", "UTF-8");
            boolean ok = COMPILER.getTask(null, manager, diagnostics, options, null, sources).call();
            return new Result(ok, diagnostics.getDiagnostics(), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String content;

        Source(String path, String content) {
            super(java.net.URI.create("string:///" + path), Kind.SOURCE);
            this.content = content;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}
