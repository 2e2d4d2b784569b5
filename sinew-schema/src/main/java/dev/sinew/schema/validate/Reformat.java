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
        // Like Prisma: right after the type name and any `[]?!` that touches it.
        int position = forward.ast.type().baseSpan().end();
        while (position < source.length() && "[]?!".indexOf(source.charAt(position)) >= 0) {
            position++;
        }
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

    /**
     * Camel case as Prisma's formatter makes it: words split at {@code _} and {@code -} and where a lower-case letter
     * or a digit is followed by a capital ({@code XMLHttpRequest} is {@code XMLHttp} and {@code Request}); the first
     * word in lower case, the others capitalised.
     */
    static String camelCase(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0) {
                char previous = word.charAt(word.length() - 1);
                if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            out.append(i == 0 ? w : upperFirst(w));
        }
        return out.toString();
    }

    /** Words whose plural is the word itself (the inflection table Prisma's formatter uses). */
    private static final Set<String> UNCOUNTABLE = Set.of("accommodation", "adulthood", "advertising", "advice",
            "aggression", "aid", "air", "aircraft", "alcohol", "anger", "applause", "arithmetic", "assistance",
            "athletics", "bacon", "baggage", "beef", "biology", "blood", "botany", "bread", "butter", "carbon",
            "cardboard", "cash", "chalk", "chaos", "chess", "crossroads", "countryside", "dancing", "deer", "dignity",
            "dirt", "dust", "economics", "education", "electricity", "engineering", "enjoyment", "envy", "equipment",
            "ethics", "evidence", "evolution", "fame", "fiction", "flour", "flu", "food", "fuel", "fun", "furniture",
            "gallows", "garbage", "garlic", "genetics", "gold", "golf", "gossip", "grammar", "gratitude", "grief",
            "guilt", "gymnastics", "happiness", "hardware", "harm", "hate", "hatred", "health", "heat", "help",
            "homework", "honesty", "honey", "hospitality", "housework", "humour", "hunger", "hydrogen", "ice",
            "importance", "inflation", "information", "innocence", "iron", "irony", "jam", "jewelry", "judo",
            "karate", "knowledge", "lack", "laughter", "lava", "leather", "leisure", "lightning", "linguine",
            "linguini", "linguistics", "literature", "litter", "livestock", "logic", "loneliness", "luck", "luggage",
            "macaroni", "machinery", "magic", "management", "mankind", "marble", "mathematics", "mayonnaise",
            "measles", "methane", "milk", "money", "mud", "music", "mumps", "nature", "news", "nitrogen", "nonsense",
            "nurture", "nutrition", "obedience", "obesity", "oxygen", "pasta", "patience", "physics", "poetry",
            "pollution", "poverty", "pride", "psychology", "publicity", "punctuation", "quartz", "racism",
            "relaxation", "reliability", "research", "respect", "revenge", "rice", "rubbish", "rum", "safety",
            "scenery", "seafood", "seaside", "series", "shame", "sheep", "shopping", "sleep", "smoke", "smoking",
            "snow", "soap", "software", "soil", "spaghetti", "species", "steam", "stuff", "stupidity", "sunshine",
            "symmetry", "tennis", "thirst", "thunder", "timber", "traffic", "transportation", "trust", "underwear",
            "unemployment", "unity", "validity", "veal", "vegetation", "vegetarianism", "vengeance", "violence",
            "vitality", "warmth", "wealth", "weather", "welfare", "wheat", "wildlife", "wisdom", "yoga", "zinc",
            "zoology");

    private static final java.util.Map<String, String> IRREGULAR = java.util.Map.of("ox", "oxen", "man", "men",
            "woman", "women", "die", "dice", "yes", "yeses", "foot", "feet", "eave", "eaves", "goose", "geese",
            "tooth", "teeth", "quiz", "quizzes");

    /** Inflection rules: the last one that matches wins; group 1 is kept and the replacement appended. */
    private static final List<Pattern> RULES = new ArrayList<>();
    private static final List<String> REPLACEMENTS = new ArrayList<>();

    private static void rule(String regex, String replacement) {
        RULES.add(Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS));
        REPLACEMENTS.add(replacement);
    }

    static {
        rule("(\\w*)s$", "s");
        rule("(\\w*([^aeiou]ese))$", "");
        rule("(\\w*(ax|test))is$", "es");
        rule("(\\w*(alias|[^aou]us|tlas|gas|ris))$", "es");
        rule("(\\w*(e[mn]u))s?$", "s");
        rule("(\\w*([^l]ias|[aeiou]las|[emjzr]as|[iu]am))$", "");
        rule("(\\w*(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$",
                "i");
        rule("(\\w*(alumn|alg|vertebr))(?:a|ae)$", "ae");
        rule("(\\w*(seraph|cherub))(?:im)?$", "im");
        rule("(\\w*(her|at|gr))o$", "oes");
        rule("(\\w*(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul"
                + "|automat|quor))(?:a|um)$", "a");
        rule("(\\w*(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))"
                + "(?:a|on)$", "a");
        rule("(\\w*)sis$", "ses");
        rule("(\\w*(kni|wi|li))fe$", "ves");
        rule("(\\w*(ar|l|ea|eo|oa|hoo))f$", "ves");
        rule("(\\w*([^aeiouy]|qu))y$", "ies");
        rule("(\\w*([^ch][ieo][ln]))ey$", "ies");
        rule("(\\w*(x|ch|ss|sh|zz)es)$", "");
        rule("(\\w*(x|ch|ss|sh|zz))$", "es");
        rule("(\\w*(matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$", "ices");
        rule("(\\w*(m|l))(?:ice|ouse)$", "ice");
        rule("(\\w*(pe))(?:rson|ople)$", "ople");
        rule("(\\w*(child))(?:ren)?$", "ren");
        rule("(\\w*eaux)$", "");
    }

    /** The English plural Prisma's formatter gives a (camel-cased) model name: {@code post} becomes {@code posts}. */
    static String plural(String word) {
        int separator = Math.max(word.lastIndexOf('-'), word.lastIndexOf('_'));
        if (separator >= 0) {
            String last = word.substring(separator + 1);
            return last.isEmpty() ? word : word.substring(0, separator + 1) + plural(last);
        }
        if (UNCOUNTABLE.contains(word)) {
            return word;
        }
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        for (int i = RULES.size() - 1; i >= 0; i--) {
            Matcher matcher = RULES.get(i).matcher(word);
            if (matcher.find() && matcher.group(1) != null) {
                return matcher.group(1) + REPLACEMENTS.get(i);
            }
        }
        return word + "s";
    }
}
