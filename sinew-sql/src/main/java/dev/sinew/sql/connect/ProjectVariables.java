package dev.sinew.sql.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a schema's {@code env("NAME")} reads, as Prisma finds them: the process environment first, then the
 * {@code .env} file of the project root (the working directory) and the one next to the schema file. A variable set
 * in the process is never overridden by a file; two files that give one variable different values are an error, as
 * in Prisma.
 */
public final class ProjectVariables {

    private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$");
    private static final Pattern REFERENCE = Pattern.compile("(\\\\?)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private final Map<String, String> values;

    private ProjectVariables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Only the given variables, no files. */
    public static ProjectVariables of(Map<String, String> variables) {
        return new ProjectVariables(variables);
    }

    /**
     * The process's variables completed from the {@code .env} files.
     *
     * @param process     the process environment
     * @param projectRoot the working directory; its {@code .env} is read
     * @param schemaDir   the schema file's directory; its {@code .env} is read when it is another directory
     * @throws ConnectionSettingsException when a file cannot be read, or two files disagree
     */
    public static ProjectVariables load(Map<String, String> process, Path projectRoot, Path schemaDir) {
        Path rootFile = projectRoot.resolve(".env").toAbsolutePath().normalize();
        Path schemaFile = schemaDir == null ? rootFile : schemaDir.resolve(".env").toAbsolutePath().normalize();
        Map<String, String> fromRoot = Files.isRegularFile(rootFile) ? parse(read(rootFile), process) : Map.of();
        Map<String, String> fromSchema = !schemaFile.equals(rootFile) && Files.isRegularFile(schemaFile)
                ? parse(read(schemaFile), process) : Map.of();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, String> e : fromSchema.entrySet()) {
            String other = fromRoot.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                conflicts.add(e.getKey());
            }
        }
        if (!conflicts.isEmpty()) {
            String schemaEnv = projectRoot.toAbsolutePath().normalize().relativize(schemaFile).toString();
            List<String> details = new ArrayList<>();
            details.add("Conflicting env vars:");
            conflicts.forEach(name -> details.add("  " + name));
            throw new ConnectionSettingsException("C315",
                    "There is a conflict between env vars in .env and " + schemaEnv,
                    "We suggest to move the contents of " + schemaEnv + " to .env to consolidate your env vars.",
                    details);
        }
        Map<String, String> all = new LinkedHashMap<>(fromRoot);
        all.putAll(fromSchema);
        all.putAll(process);
        return new ProjectVariables(all);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectionSettingsException("C316", "cannot read " + file + ": " + e.getMessage(),
                    "check that the file can be read", List.of(), e);
        }
    }

    /** The value of a variable; empty when it is not set. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every variable, for {@code ConfigValue.resolve}. */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * The variables of a {@code .env} text: {@code NAME=value} lines, {@code export} allowed, {@code #} comments,
     * values in single, double or back quotes (double quotes understand {@code \n}), and {@code ${OTHER}} references
     * to the process's or the file's earlier variables.
     */
    static Map<String, String> parse(String text, Map<String, String> process) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String raw = m.group(2);
            String value;
            boolean expand = true;
            char first = raw.isEmpty() ? 0 : raw.charAt(0);
            if (first == '"' || first == '\'' || first == '`') {
                StringBuilder quoted = new StringBuilder(raw.substring(1));
                int close = closingQuote(quoted, first);
                while (close < 0 && i + 1 < lines.length) {
                    quoted.append('\n').append(lines[++i]);
                    close = closingQuote(quoted, first);
                }
                value = close < 0 ? raw : quoted.substring(0, close);
                if (first == '"') {
                    value = value.replace("\\n", "\n").replace("\\r", "\r").replace("\\\"", "\"");
                } else {
                    expand = first == '`';
                }
            } else {
                int comment = raw.indexOf(" #");
                value = (comment >= 0 ? raw.substring(0, comment) : raw.startsWith("#") ? "" : raw).strip();
            }
            out.put(name, expand ? expand(value, process, out) : value);
        }
        return out;
    }

    private static int closingQuote(CharSequence text, char quote) {
        for (int j = 0; j < text.length(); j++) {
            if (text.charAt(j) == '\\' && quote == '"') {
                j++;
            } else if (text.charAt(j) == quote) {
                return j;
            }
        }
        return -1;
    }

    private static String expand(String value, Map<String, String> process, Map<String, String> earlier) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = m.group().substring(1); // \$NAME stays literal
            } else {
                String name = m.group(2) != null ? m.group(2) : m.group(3);
                replacement = process.getOrDefault(name, earlier.getOrDefault(name, ""));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
