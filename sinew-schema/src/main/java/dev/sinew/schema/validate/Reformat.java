package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.SchemaAst;
import dev.sinew.schema.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code prisma format} adds to a schema whose names and relations resolve: the missing side of a relation
 * (back-relation list or optional field, or the forward field with its {@code @relation}), the scalar fields a
 * relation needs, and missing {@code @relation} attributes or their {@code fields:}/{@code references:}.
 *
 * <p>Like Prisma, it inserts text into the source, so that printing the result lays it out as usual.
 */
final class Reformat {
    private record Bit(int position, String content) {}

    private final Db db;
    private final String source;
    private final List<Bit> bits = new ArrayList<>();

    private Reformat(Db db) {
        this.db = db;
        this.source = db.ast.source().text();
    }

    /** The source with the missing bits inserted, or the source unchanged when the schema does not resolve. */
    static String addMissingBits(SchemaAst ast, Diagnostics parseDiagnostics) {
        if (parseDiagnostics.hasErrors()) {
            return ast.source().text();
        }
        Errors errors = new Errors(new Diagnostics(ast.source()));
        Db db = new Db(ast);
        Names.resolve(db, errors);
        Types.resolve(db, errors);
        Attributes.resolve(db, errors, ast.source());
        Relations.infer(db);
        if (errors.hasErrors()) {
            return ast.source().text();
        }
        return new Reformat(db).run();
    }

    private String run() {
        for (Db.RelationInfo relation : db.relations) {
            if (relation.isInline()) {
                missingRelationFields(relation);
                missingScalarFields(relation);
            }
        }
        for (Db.RelationInfo relation : db.relations) {
            if (relation.isInline()) {
                missingRelationAttribute(relation);
            }
        }
        for (Db.RelationInfo relation : db.relations) {
            if (relation.isInline()) {
                missingRelationArguments(relation);
            }
        }
        if (bits.isEmpty()) {
            return source;
        }
        List<Bit> sorted = new ArrayList<>(bits);
        sorted.sort(Comparator.comparingInt(Bit::position));
        StringBuilder out = new StringBuilder(source.length() + 256);
        int last = 0;
        for (Bit bit : sorted) {
            out.append(source, last, bit.position()).append(bit.content());
            last = bit.position();
        }
        return out.append(source.substring(last)).toString();
    }

    private static int closingBrace(Db.ModelInfo model) {
        return model.block.span().end() - 1;
    }

    private void missingRelationFields(Db.RelationInfo relation) {
        Db.ModelInfo referencing = relation.modelA;
        Db.ModelInfo referenced = relation.modelB;
        if (relation.fieldB == null) {
            String ignore = referencing.ignored ? "@ignore" : "";
            boolean oneToOne = relation.kind == Db.RelationKind.ONE_TO_ONE;
            String name = oneToOne ? camelCase(referencing.name) : plural(camelCase(referencing.name));
            bits.add(new Bit(closingBrace(referenced), name + " " + referencing.name + (oneToOne ? "?" : "[]") + " "
                    + ignore + "\n"));
        }
        if (relation.fieldA == null) {
            String arity = arity(forwardArity(relation));
            String name = arity.equals("[]") ? plural(camelCase(referenced.name)) : camelCase(referenced.name);
            bits.add(new Bit(closingBrace(referencing), name + " " + referenced.name + arity + " @relation("
                    + fieldsArgument(relation) + ", " + referencesArgument(relation) + ")\n"));
        }
    }

    private void missingScalarFields(Db.RelationInfo relation) {
        if (relation.referencingFields() != null) {
            return;
        }
        for (Inferred field : inferScalarFields(relation)) {
            Db.FieldInfo existing = relation.modelA.fieldsByName.get(field.name);
            if (existing != null && existing.isScalar()) {
                continue;
            }
            if (field.type.scalarKind != Db.ScalarTypeKind.BUILTIN) {
                return;
            }
            String attributes = field.type.nativeType == null ? ""
                    : source.substring(field.type.nativeType.attribute().span().start(),
                    field.type.nativeType.attribute().span().end());
            bits.add(new Bit(closingBrace(relation.modelA), field.name + " " + field.type.builtin.schemaName()
                    + arity(field.arity) + " " + attributes + "\n"));
        }
    }

    private void missingRelationAttribute(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.fieldA;
        if (forward == null || forward.relationAttribute != null) {
            return;
        }
        int position = forward.ast.type().span().end();
        bits.add(new Bit(position, " @relation(" + fieldsArgument(relation) + ", " + referencesArgument(relation)
                + ")"));
    }

    private void missingRelationArguments(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.fieldA;
        if (forward == null || forward.relationAttribute == null) {
            return;
        }
        List<String> extra = new ArrayList<>();
        if (forward.referencingFields == null) {
            extra.add(fieldsArgument(relation));
        }
        if (forward.referencedFields == null) {
            extra.add(referencesArgument(relation));
        }
        if (extra.isEmpty()) {
            return;
        }
        Attribute attribute = forward.relationAttribute;
        String joined = String.join(", ", extra);
        if (attribute.argumentsOrEmpty().isEmpty()) {
            int position = attribute.arguments() == null ? attribute.span().end() : attribute.arguments().span().end();
            if (attribute.arguments() == null) {
                bits.add(new Bit(position, "(" + joined + ")"));
            } else {
                bits.add(new Bit(position - 1, joined));
            }
        } else {
            bits.add(new Bit(attribute.arguments().span().end() - 1, ", " + joined));
        }
    }

    /** A scalar field a relation needs, named after the referenced model and field ({@code userId}). */
    private record Inferred(String name, dev.sinew.schema.model.FieldArity arity, Db.FieldInfo type) {}

    private List<Inferred> inferScalarFields(Db.RelationInfo relation) {
        List<List<Db.FieldInfo>> criteria = relation.modelB.uniqueCriteria();
        if (criteria.isEmpty()) {
            return List.of();
        }
        List<Inferred> out = new ArrayList<>();
        for (Db.FieldInfo field : criteria.get(0)) {
            String name = lowerFirst(relation.modelB.name) + upperFirst(field.name);
            Db.FieldInfo existing = relation.modelA.fieldsByName.get(name);
            if (existing != null && existing.isScalar()) {
                out.add(new Inferred(name, existing.arity, existing));
            } else {
                dev.sinew.schema.model.FieldArity arity = relation.fieldA != null ? relation.fieldA.arity
                        : dev.sinew.schema.model.FieldArity.OPTIONAL;
                out.add(new Inferred(name, arity, field));
            }
        }
        return out;
    }

    private dev.sinew.schema.model.FieldArity forwardArity(Db.RelationInfo relation) {
        if (relation.fieldA != null) {
            return relation.fieldA.arity;
        }
        return inferScalarFields(relation).stream().anyMatch(f -> f.arity() == dev.sinew.schema.model.FieldArity.OPTIONAL)
                ? dev.sinew.schema.model.FieldArity.OPTIONAL : dev.sinew.schema.model.FieldArity.REQUIRED;
    }

    private static String arity(dev.sinew.schema.model.FieldArity arity) {
        return switch (arity) {
            case REQUIRED -> "";
            case OPTIONAL -> "?";
            case LIST -> "[]";
        };
    }

    private String fieldsArgument(Db.RelationInfo relation) {
        return "fields: [" + String.join(", ", inferScalarFields(relation).stream().map(Inferred::name).toList())
                + "]";
    }

    private static String referencesArgument(Db.RelationInfo relation) {
        List<Db.FieldInfo> referenced = relation.referencedFields();
        if (referenced == null) {
            List<List<Db.FieldInfo>> criteria = relation.modelB.uniqueCriteria();
            referenced = criteria.isEmpty() ? List.of() : criteria.get(0);
        }
        return "references: [" + String.join(", ", referenced.stream().map(f -> f.name).toList()) + "]";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** {@code BlogPost} and {@code blog_post} become {@code blogPost}. */
    static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-') {
                upperNext = out.length() > 0;
            } else if (upperNext) {
                out.append(Character.toUpperCase(c));
                upperNext = false;
            } else {
                out.append(out.length() == 0 ? Character.toLowerCase(c) : c);
            }
        }
        return out.toString();
    }

    private static final Set<String> UNCOUNTABLE = Set.of("equipment", "information", "rice", "money", "species",
            "series", "fish", "sheep", "jeans", "police");
    private static final String[][] IRREGULAR = {{"person", "people"}, {"man", "men"}, {"child", "children"},
            {"sex", "sexes"}, {"move", "moves"}, {"zombie", "zombies"}};
    private static final String[][] RULES = {
            {"(?i)(quiz)$", "$1zes"}, {"(?i)^(oxen)$", "$1"}, {"(?i)^(ox)$", "$1en"}, {"(?i)^(m|l)ice$", "$1ice"},
            {"(?i)^(m|l)ouse$", "$1ice"}, {"(?i)(matr|vert|ind)(?:ix|ex)$", "$1ices"}, {"(?i)(x|ch|ss|sh)$", "$1es"},
            {"(?i)([^aeiouy]|qu)y$", "$1ies"}, {"(?i)(hive)$", "$1s"}, {"(?i)(?:([^f])fe|([lr])f)$", "$1$2ves"},
            {"(?i)sis$", "ses"}, {"(?i)([ti])a$", "$1a"}, {"(?i)([ti])um$", "$1a"}, {"(?i)(buffal|tomat)o$", "$1oes"},
            {"(?i)(bu)s$", "$1ses"}, {"(?i)(alias|status)$", "$1es"}, {"(?i)(octop|vir)i$", "$1i"},
            {"(?i)(octop|vir)us$", "$1i"}, {"(?i)^(ax|test)is$", "$1es"}, {"(?i)s$", "s"}, {"$", "s"}};

    /** English plural of the last word, with the usual inflection rules. */
    static String plural(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String uncountable : UNCOUNTABLE) {
            if (lower.endsWith(uncountable)) {
                return word;
            }
        }
        for (String[] irregular : IRREGULAR) {
            if (lower.endsWith(irregular[0]) && (lower.length() == irregular[0].length()
                    || Character.isUpperCase(word.charAt(word.length() - irregular[0].length())))) {
                int at = word.length() - irregular[0].length();
                String replacement = irregular[1];
                if (Character.isUpperCase(word.charAt(at))) {
                    replacement = upperFirst(replacement);
                }
                return word.substring(0, at) + replacement;
            }
        }
        for (String[] rule : RULES) {
            Matcher matcher = Pattern.compile(rule[0]).matcher(word);
            if (matcher.find()) {
                return matcher.replaceFirst(rule[1].replace("$2", matcher.groupCount() >= 2
                        && matcher.group(2) != null ? "$2" : "").replace("$1", matcher.groupCount() >= 1
                        && matcher.group(1) != null ? "$1" : ""));
            }
        }
        return word + "s";
    }
}
