package dev.sinew.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** How schema names become Java names: keywords escaped, members that Java or the builders reserve avoided. */
final class JavaNames {
    /**
     * Names a field's methods and record component cannot have: {@code Object}'s methods (a record component may not
     * be called {@code hashCode}) and the fixed methods of the where builder.
     */
    private static final Set<String> RESERVED_MEMBERS = Set.of("clone", "finalize", "getClass", "hashCode", "equals",
            "notify", "notifyAll", "toString", "wait", "and", "or", "not");

    private JavaNames() {
    }

    /** A member name for a schema name: the name itself unless Java or the builders reserve it, else with a {@code _}. */
    static String member(String name) {
        String out = name;
        while (SourceVersion.isKeyword(out, SourceVersion.RELEASE_17) || RESERVED_MEMBERS.contains(out)
                || !SourceVersion.isIdentifier(out)) {
            out = SourceVersion.isIdentifier(out) ? out + "_" : sanitize(out);
        }
        return out;
    }

    /** An enum constant for a schema enum value. */
    static String constant(String name) {
        String out = name;
        while (!SourceVersion.isName(out, SourceVersion.RELEASE_17)) {
            out = SourceVersion.isIdentifier(out) ? out + "_" : sanitize(out);
        }
        return out;
    }

    /** {@code createdAt} → {@code CREATED_AT}, {@code URL} → {@code URL}, {@code user_id} → {@code USER_ID}. */
    static String upperSnake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c) && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1))
                    || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                    && Character.isUpperCase(name.charAt(i - 1)));
            if (boundary && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return constant(out.toString().toUpperCase(Locale.ROOT));
    }

    /** Prisma's accessor name for a model: the first letter in lower case ({@code BlogPost} → {@code blogPost}). */
    static String accessor(String modelName) {
        return modelName.substring(0, 1).toLowerCase(Locale.ROOT) + modelName.substring(1);
    }

    /** {@code name} made unique among {@code taken} by appending {@code _}; adds it to {@code taken}. */
    static String unique(String name, Set<String> taken) {
        String out = name;
        while (!taken.add(out)) {
            out = out + "_";
        }
        return out;
    }

    static Set<String> newNameSet() {
        return new HashSet<>();
    }

    private static String sanitize(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(i == 0 ? (Character.isJavaIdentifierStart(c) ? c : '_')
                    : (Character.isJavaIdentifierPart(c) ? c : '_'));
        }
        return out.length() == 0 ? "_" : out.toString();
    }

    /** Refuses a package name that Java would not accept. */
    static void requirePackage(String packageName) {
        if (packageName.isEmpty() || !SourceVersion.isName(packageName, SourceVersion.RELEASE_17)) {
            throw new CodegenException("G103", "`" + packageName + "` is not a Java package name",
                    "use dot-separated Java identifiers that are not keywords, e.g. package = \"com.example.db\"");
        }
    }

    /** Refuses a class name that Java would not accept. */
    static void requireTypeName(String name, String property) {
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name, SourceVersion.RELEASE_17)
                || name.contains("$")) {
            throw new CodegenException("G104", "`" + name + "` is not a Java class name (" + property + ")",
                    "use a Java identifier such as \"SinewClient\" or \"BlogClient\"");
        }
    }
}
