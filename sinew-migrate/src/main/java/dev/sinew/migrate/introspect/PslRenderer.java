package dev.sinew.migrate.introspect;

import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.format.SchemaFormatter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the introspected schema as PSL text and lays it out with the formatter, so that columns are aligned and
 * attributes ordered exactly as {@code prisma format} (and Prisma's introspection) leaves them.
 */
final class PslRenderer {
    private final StringBuilder out = new StringBuilder();

    private PslRenderer() {
    }

    static String render(Psl.Schema schema, String fileName) {
        PslRenderer r = new PslRenderer();
        List<Runnable> blocks = new ArrayList<>();
        for (String config : schema.configuration()) {
            blocks.add(() -> r.out.append(config.strip()).append('\n'));
        }
        for (Psl.Model model : schema.models()) {
            blocks.add(() -> r.model(model));
        }
        for (String view : schema.views()) {
            blocks.add(() -> r.out.append(view.strip()).append('\n'));
        }
        for (Psl.Enum enumType : schema.enums()) {
            blocks.add(() -> r.enumBlock(enumType));
        }
        if (!schema.trailing().isEmpty()) {
            blocks.add(() -> schema.trailing().forEach(line -> r.out.append(line).append('\n')));
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                r.out.append('\n');
            }
            blocks.get(i).run();
        }
        return SchemaFormatter.format(new SourceFile(fileName, r.out.toString()));
    }

    private void model(Psl.Model model) {
        leading(model.comments(), "");
        documentation(model.documentation(), "");
        String prefix = model.commentedOut() ? "// " : "";
        out.append(prefix).append("model ").append(model.name()).append(" {");
        trailing(model.comments());
        out.append('\n');
        for (Psl.Field field : model.fields()) {
            field(field, prefix);
        }
        if (!model.attributes().isEmpty()) {
            out.append(prefix.isEmpty() ? "\n" : "// \n");
            for (Psl.BlockAttribute attribute : model.attributes()) {
                leading(attribute.comments(), "  ");
                out.append(prefix).append("  ").append(attribute.text());
                trailing(attribute.comments());
                out.append('\n');
            }
        }
        closing(model.comments(), prefix);
        out.append(prefix).append("}\n");
    }

    private void closing(Psl.Comments comments, String prefix) {
        for (String line : comments.closing()) {
            out.append(prefix).append("  ").append(line).append('\n');
        }
    }

    private void field(Psl.Field field, String blockPrefix) {
        leading(field.comments(), "  ");
        documentation(field.documentation(), "  ");
        String prefix = blockPrefix.isEmpty() && field.commentedOut() ? "// " : blockPrefix;
        out.append(blockPrefix.isEmpty() ? "  " + prefix : prefix + "  ");
        out.append(field.name()).append(' ').append(field.type()).append(field.arity().suffix());
        for (String attribute : field.attributes()) {
            out.append(' ').append(attribute);
        }
        trailing(field.comments());
        out.append('\n');
    }

    private void enumBlock(Psl.Enum enumType) {
        leading(enumType.comments(), "");
        documentation(enumType.documentation(), "");
        out.append("enum ").append(enumType.name()).append(" {");
        trailing(enumType.comments());
        out.append('\n');
        for (Psl.EnumValue value : enumType.values()) {
            leading(value.comments(), "  ");
            documentation(value.documentation(), "  ");
            out.append("  ").append(value.commentedOut() ? "// " : "").append(value.name());
            for (String attribute : value.attributes()) {
                out.append(' ').append(attribute);
            }
            trailing(value.comments());
            out.append('\n');
        }
        if (!enumType.attributes().isEmpty()) {
            out.append('\n');
            for (Psl.BlockAttribute attribute : enumType.attributes()) {
                leading(attribute.comments(), "  ");
                out.append("  ").append(attribute.text());
                trailing(attribute.comments());
                out.append('\n');
            }
        }
        closing(enumType.comments(), "");
        out.append("}\n");
    }

    private void documentation(String documentation, String indent) {
        if (documentation == null) {
            return;
        }
        for (String line : documentation.split("\n", -1)) {
            out.append(indent).append("///");
            if (!line.isEmpty()) {
                out.append(' ').append(line);
            }
            out.append('\n');
        }
    }

    private void leading(Psl.Comments comments, String indent) {
        for (String line : comments.leading()) {
            out.append(indent).append(line).append('\n');
        }
    }

    private void trailing(Psl.Comments comments) {
        if (comments.trailing() != null) {
            out.append(' ').append(comments.trailing());
        }
    }
}
