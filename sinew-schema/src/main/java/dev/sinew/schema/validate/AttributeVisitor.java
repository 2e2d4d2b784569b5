package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.ArgumentList;
import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.ast.Span;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the attributes of one field or block the way Prisma does, so that the same generic errors come out in the
 * same order: repeated single attributes, duplicate and unnamed arguments, arguments missing a value, trailing
 * commas, arguments nobody asked for ("No such argument.") and attributes nobody visited ("Attribute not known").
 *
 * <p>Usage: {@link #visit} a list, ask for attributes by name ({@link #optionalSingle}, {@link #repeated},
 * {@link #datasourceScoped}), read their arguments, close each with {@link #validateArguments} or
 * {@link #discardArguments}, and close the list with {@link #validateAttributes}.
 */
final class AttributeVisitor {
    private final Errors errors;
    private final SourceFile source;
    private List<Attribute> attributes = List.of();
    private boolean[] used = new boolean[0];
    private Attribute current;
    private final Map<String, Argument> args = new HashMap<>();
    private String prefix = "@";

    AttributeVisitor(Errors errors, SourceFile source) {
        this.errors = errors;
        this.source = source;
    }

    /** Starts on a list of attributes; {@code blockLevel} selects the {@code @@} spelling of nested messages. */
    void visit(List<Attribute> list, boolean blockLevel) {
        attributes = list;
        used = new boolean[list.size()];
        prefix = blockLevel ? "@@" : "@";
    }

    /** An attribute that may appear at most once; repeated, every occurrence is reported and none is used. */
    boolean optionalSingle(String name) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (first < 0) {
            return false;
        }
        if (count > 1) {
            for (int i = 0; i < attributes.size(); i++) {
                Attribute attribute = attributes.get(i);
                if (attribute.name().equals(name)) {
                    errors.error(DiagnosticCode.ATTRIBUTE_DUPLICATE,
                            "Attribute \"@" + name + "\" can only be defined once.", attribute.span());
                    used[i] = true;
                }
            }
            return false;
        }
        used[first] = true;
        return start(attributes.get(first));
    }

    /** The next unvisited occurrence of a repeatable attribute ({@code @@index}); false when there is none. */
    boolean repeated(String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (!used[i] && attributes.get(i).name().equals(name)) {
                used[i] = true;
                if (start(attributes.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A {@code @<datasource>.Type(args)} attribute: every dotted attribute is taken, the last one counts. */
    Attribute datasourceScoped() {
        Attribute found = null;
        for (int i = 0; i < attributes.size(); i++) {
            Attribute attribute = attributes.get(i);
            int dot = attribute.name().indexOf('.');
            if (dot < 0) {
                continue;
            }
            used[i] = true;
            if (found != null) {
                errors.error(DiagnosticCode.ATTRIBUTE_DUPLICATE, "Attribute \"@" + attribute.name().substring(0, dot)
                        + "\" can only be defined once.", attribute.span());
            }
            found = attribute;
        }
        return found;
    }

    Attribute current() {
        return current;
    }

    /** The argument named {@code name}, else the unnamed one; reports it missing when there is neither. */
    Expression defaultArgument(String name) {
        Argument named = args.remove(name);
        Argument unnamed = args.remove(null);
        if (named != null && unnamed != null) {
            errors.error(DiagnosticCode.ARGUMENT_DUPLICATE, "Argument \"" + name
                    + "\" is already specified as unnamed argument.", named.span());
            return null;
        }
        if (named == null && unnamed == null) {
            errors.error(DiagnosticCode.ARGUMENT_MISSING, "Argument \"" + name + "\" is missing.", current.span());
            return null;
        }
        return named != null ? named.value() : unnamed.value();
    }

    /** The default argument without reporting it missing. */
    Expression defaultArgumentIfPresent(String name) {
        if (!args.containsKey(name) && !args.containsKey(null)) {
            return null;
        }
        return defaultArgument(name);
    }

    Expression optionalArgument(String name) {
        Argument argument = args.remove(name);
        return argument == null ? null : argument.value();
    }

    /** The span of a named argument of the current attribute, for messages that point at it. */
    Span argumentSpan(String name) {
        if (current.arguments() != null) {
            for (Argument argument : current.arguments().arguments()) {
                if (argument.name() != null && argument.name().name().equals(name)) {
                    return argument.span();
                }
            }
        }
        return current.span();
    }

    /** Reports the arguments nobody read and ends the current attribute. */
    void validateArguments() {
        List<Argument> remaining = new ArrayList<>(args.values());
        remaining.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        for (Argument argument : remaining) {
            errors.error(DiagnosticCode.ARGUMENT_UNKNOWN, "No such argument.", argument.span());
        }
        discardArguments();
    }

    void discardArguments() {
        current = null;
        args.clear();
    }

    /** Reports the attributes nobody visited. */
    void validateAttributes() {
        for (int i = 0; i < attributes.size(); i++) {
            if (!used[i]) {
                errors.error(DiagnosticCode.ATTRIBUTE_UNKNOWN, "Attribute not known: \"@" + attributes.get(i).name()
                        + "\".", attributes.get(i).span());
            }
        }
        attributes = List.of();
        used = new boolean[0];
    }

    /** {@code Error parsing attribute "@name": message} on the current attribute. */
    void attributeError(DiagnosticCode code, String message) {
        errors.attribute(code, "@" + current.name(), message, current.span());
    }

    private boolean start(Attribute attribute) {
        boolean reasonablyValid = true;
        List<ArgumentList> lists = new ArrayList<>();
        if (attribute.arguments() != null) {
            lists.add(attribute.arguments());
            for (Argument argument : attribute.arguments().arguments()) {
                if (argument.value() instanceof Expression.FunctionCall call) {
                    lists.add(call.arguments());
                }
            }
        }
        for (ArgumentList list : lists) {
            for (Argument argument : list.arguments()) {
                if (argument.isEmpty()) {
                    errors.attribute(DiagnosticCode.ARGUMENT_EMPTY, "@" + attribute.name(), "The `"
                            + argument.name().name() + "` argument is missing a value.", argument.name().span());
                    reasonablyValid = false;
                }
            }
            for (Argument argument : list.arguments()) {
                if (argument.value() instanceof Expression.ArrayValue array) {
                    for (Expression item : array.items()) {
                        if (item instanceof Expression.FunctionCall call) {
                            for (Argument nested : call.arguments().arguments()) {
                                if (nested.isEmpty()) {
                                    errors.attribute(DiagnosticCode.ARGUMENT_EMPTY, "@@" + attribute.name(), "The `"
                                            + nested.name().name() + "` argument is missing a value.",
                                            nested.name().span());
                                }
                            }
                        }
                    }
                }
            }
            if (list.trailingComma()) {
                errors.attribute(DiagnosticCode.ARGUMENT_TRAILING_COMMA, "@" + attribute.name(),
                        "Trailing commas are not valid in attribute arguments, please remove the comma.",
                        trailingCommaSpan(list));
            }
        }
        if (!reasonablyValid) {
            return false;
        }
        current = attribute;
        args.clear();
        List<String> unnamed = new ArrayList<>();
        for (Argument argument : attribute.argumentsOrEmpty()) {
            if (argument.isEmpty()) {
                continue;
            }
            String key = argument.name() == null ? null : argument.name().name();
            Argument existing = args.put(key, argument);
            if (existing != null) {
                if (key == null) {
                    if (unnamed.isEmpty()) {
                        unnamed.add(Expressions.render(existing.value()));
                    }
                    unnamed.add(Expressions.render(argument.value()));
                } else {
                    errors.error(DiagnosticCode.ARGUMENT_DUPLICATE, "Argument \"" + key + "\" is already specified.",
                            argument.span());
                }
            }
        }
        if (!unnamed.isEmpty()) {
            attributeError(DiagnosticCode.ARGUMENT_DUPLICATE, "You provided multiple unnamed arguments. This is not "
                    + "possible. Did you forget the brackets? Did you mean `[" + String.join(", ", unnamed) + "]`?");
        }
        return true;
    }

    private Span trailingCommaSpan(ArgumentList list) {
        int comma = source.text().lastIndexOf(',', list.span().end() - 1);
        return comma >= list.span().start() ? new Span(comma, comma + 1) : list.span();
    }
}
