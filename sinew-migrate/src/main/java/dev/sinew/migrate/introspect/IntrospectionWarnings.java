package dev.sinew.migrate.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What introspection wants the user to know about the schema it wrote, with Prisma's texts. {@link #render()} gives
 * the block that {@code db pull} prints under {@code *** WARNING ***}.
 */
public final class IntrospectionWarnings {
    private final List<String[]> fieldsWithEmptyNames = new ArrayList<>();
    private final List<String[]> remappedFields = new ArrayList<>();
    private final List<String[]> enumValuesWithEmptyNames = new ArrayList<>();
    private final List<String> modelsWithoutColumns = new ArrayList<>();
    private final List<String> modelsWithoutIdentifiers = new ArrayList<>();
    private final List<String> reintrospectedIdNames = new ArrayList<>();
    private final List<String[]> unsupportedTypes = new ArrayList<>();
    private final List<String> remappedModels = new ArrayList<>();
    private final List<String[]> remappedValues = new ArrayList<>();
    private final List<String> remappedEnums = new ArrayList<>();
    private final List<String> reintrospectedRelations = new ArrayList<>();

    IntrospectionWarnings() {
    }

    void fieldWithEmptyName(String model, String field) {
        fieldsWithEmptyNames.add(new String[] {model, field});
    }

    void remappedField(String model, String field) {
        remappedFields.add(new String[] {model, field});
    }

    void enumValueWithEmptyName(String enumName, String value) {
        enumValuesWithEmptyNames.add(new String[] {enumName, value});
    }

    void modelWithoutColumns(String model) {
        modelsWithoutColumns.add(model);
    }

    void modelWithoutIdentifier(String model) {
        modelsWithoutIdentifiers.add(model);
    }

    void reintrospectedIdName(String model) {
        reintrospectedIdNames.add(model);
    }

    void unsupportedType(String model, String field, String type) {
        unsupportedTypes.add(new String[] {model, field, type});
    }

    void remappedModel(String model) {
        remappedModels.add(model);
    }

    void remappedValue(String enumName, String value) {
        remappedValues.add(new String[] {enumName, value});
    }

    void remappedEnum(String enumName) {
        remappedEnums.add(enumName);
    }

    void reintrospectedRelation(String relatedModel) {
        reintrospectedRelations.add(relatedModel);
    }

    /** Whether there is nothing to report. */
    public boolean isEmpty() {
        return fieldsWithEmptyNames.isEmpty() && remappedFields.isEmpty() && enumValuesWithEmptyNames.isEmpty()
                && modelsWithoutColumns.isEmpty() && modelsWithoutIdentifiers.isEmpty()
                && reintrospectedIdNames.isEmpty() && unsupportedTypes.isEmpty() && remappedModels.isEmpty()
                && remappedValues.isEmpty() && remappedEnums.isEmpty() && reintrospectedRelations.isEmpty();
    }

    /**
     * The models listed by the warning that relations were copied from the previous schema (prisma mode), once per
     * copied relation field, in the order Prisma lists them.
     */
    public List<String> reintrospectedRelations() {
        return List.copyOf(reintrospectedRelations);
    }

    /** The models left out of the client because they have no unique identifier. */
    public List<String> modelsWithoutIdentifiers() {
        return List.copyOf(modelsWithoutIdentifiers);
    }

    /**
     * The warnings as Prisma prints them: {@code *** WARNING ***}, then per kind a blank line, the message and one
     * {@code   - item} line per item; empty when there is none.
     */
    public String render() {
        if (isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("*** WARNING ***\n");
        grouped(out, "These fields were commented out because their names are currently not supported by Prisma. "
                + "Please provide valid ones that match [a-zA-Z][a-zA-Z0-9_]* using the `@map` attribute:",
                fieldsWithEmptyNames);
        list(out, "These fields were enriched with `@map` information taken from the previous Prisma schema:",
                remappedFields.stream().map(f -> "Model: \"" + f[0] + "\", field: \"" + f[1] + "\"").toList());
        list(out, "These enum values were commented out because their names are currently not supported by Prisma. "
                + "Please provide valid ones that match [a-zA-Z][a-zA-Z0-9_]* using the `@map` attribute:",
                enumValuesWithEmptyNames.stream().map(v -> "Enum: \"" + v[0] + "\", value: \"" + v[1] + "\"")
                        .toList());
        list(out, "The following models were commented out as we could not retrieve columns for them. "
                + "Please check your privileges:", quoted(modelsWithoutColumns));
        list(out, "The following models were ignored as they do not have a valid unique identifier or id. "
                + "This is currently not supported by Prisma Client:", quoted(modelsWithoutIdentifiers));
        list(out, "These models were enriched with custom compound id names taken from the previous Prisma schema:",
                quoted(reintrospectedIdNames));
        list(out, "These fields are not supported by Prisma Client, because Prisma currently does not support their "
                + "types:", unsupportedTypes.stream().map(f -> "Model: \"" + f[0] + "\", field: \"" + f[1]
                + "\", original data type: \"" + f[2] + "\"").toList());
        list(out, "These models were enriched with `@@map` information taken from the previous Prisma schema:",
                quoted(remappedModels));
        list(out, "These enum values were enriched with `@map` information taken from the previous Prisma schema:",
                remappedValues.stream().map(v -> "Enum: \"" + v[0] + "\", value: \"" + v[1] + "\"").toList());
        list(out, "These enums were enriched with `@@map` information taken from the previous Prisma schema:",
                quoted(remappedEnums));
        list(out, "Relations were copied from the previous data model due to not using foreign keys in the database. "
                + "If any of the relation columns changed in the database, the relations might not be correct "
                + "anymore:", quoted(reintrospectedRelations));
        return out.toString();
    }

    /** Prisma groups these by model and sorts models and fields. */
    private static void grouped(StringBuilder out, String message, List<String[]> items) {
        if (items.isEmpty()) {
            return;
        }
        TreeMap<String, TreeSet<String>> byModel = new TreeMap<>();
        for (String[] item : items) {
            byModel.computeIfAbsent(item[0], k -> new TreeSet<>()).add(item[1]);
        }
        out.append('\n').append(message).append('\n');
        byModel.forEach((model, fields) -> {
            out.append("  - Model: \"").append(model).append("\", field(s): [");
            out.append(String.join(", ", fields.stream().map(f -> "\"" + f + "\"").toList()));
            out.append("]\n");
        });
    }

    private static void list(StringBuilder out, String message, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append('\n').append(message).append('\n');
        for (String item : items) {
            out.append("  - ").append(item).append('\n');
        }
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList();
    }

    @Override
    public String toString() {
        return render();
    }
}
