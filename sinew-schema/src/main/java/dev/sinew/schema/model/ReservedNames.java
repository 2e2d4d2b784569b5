package dev.sinew.schema.model;

import java.util.Set;

/**
 * Names that a model or enum cannot have because the generated client uses them (Prisma's reserved type names).
 * The validator refuses them; introspection renames a table that has one.
 */
public final class ReservedNames {
    private ReservedNames() {}

    static final Set<String> TYPE_NAMES = Set.of("PrismaClient", "async", "await", "break", "case", "catch",
            "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends",
            "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface",
            "let", "new", "null", "package", "private", "protected", "public", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "using", "var", "void", "while", "with", "yield");

    /** Whether a model or enum may not be named {@code name}. */
    public static boolean isReservedTypeName(String name) {
        return TYPE_NAMES.contains(name);
    }

    /** Every reserved type name. */
    public static Set<String> typeNames() {
        return TYPE_NAMES;
    }
}
