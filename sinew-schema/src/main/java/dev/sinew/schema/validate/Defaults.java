package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.ScalarKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks {@code @default(...)} against the field's type, as Prisma's parser database does. */
final class Defaults {
    private static final Set<String> KNOWN_FUNCTIONS =
            Set.of("autoincrement", "cuid", "dbgenerated", "nanoid", "now", "uuid", "auto", "ulid");

    private final Db db;
    private final Errors errors;
    private final Coerce coerce;
    private final AttributeVisitor visitor;

    Defaults(Db db, Errors errors, Coerce coerce, AttributeVisitor visitor) {
        this.db = db;
        this.errors = errors;
        this.coerce = coerce;
        this.visitor = visitor;
    }

    void modelFieldDefault(Db.FieldInfo field) {
        Expression value = visitor.defaultArgument("value");
        if (value == null) {
            return;
        }
        String mappedName = null;
        Expression map = visitor.optionalArgument("map");
        if (map != null) {
            mappedName = coerce.string(map);
            if (mappedName != null && mappedName.isEmpty()) {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "The `map` argument cannot be an empty string.");
                mappedName = null;
            }
        }
        DefaultValue resolved;
        if (value instanceof Expression.FunctionCall call && call.name().equals("dbgenerated")) {
            resolved = dbgenerated(call);
        } else {
            resolved = switch (field.scalarKind) {
                case COMPOSITE -> refuseCompositeDefault(field);
                case ENUM -> field.isList() ? enumListDefault(field, value) : enumDefault(field, value);
                case BUILTIN -> builtinDefault(field, value, mappedName, false);
                case UNSUPPORTED -> {
                    visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                            "Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
                    yield null;
                }
            };
        }
        if (resolved != null) {
            field.defaultValue = new Db.DefaultInfo(visitor.current(), value, resolved, mappedName);
        }
    }

    /** A field whose type is a composite type has no default, on a model or in a composite type; always null. */
    private DefaultValue refuseCompositeDefault(Db.FieldInfo field) {
        errors.error(DiagnosticCode.DEFAULT_INVALID, "Error validating field `" + field.name
                + "` in composite type `" + field.compositeType.name + "`: Defaults on fields of type "
                + "composite are not supported. Please remove the `@default` attribute.",
                visitor.current().span());
        return null;
    }

    void compositeFieldDefault(Db.FieldInfo field) {
        Expression value = visitor.defaultArgument("value");
        if (value == null) {
            return;
        }
        if (visitor.optionalArgument("map") != null) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                    "The `map` argument is not allowed on a composite type field.");
        }
        if (value instanceof Expression.FunctionCall call && call.name().equals("dbgenerated")) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                    "Fields of composite types cannot have `dbgenerated()` as default.");
            return;
        }
        DefaultValue resolved = switch (field.scalarKind) {
            case COMPOSITE -> refuseCompositeDefault(field);
            case ENUM -> field.isList() ? enumListDefault(field, value) : enumDefault(field, value);
            case BUILTIN -> builtinDefault(field, value, null, true);
            case UNSUPPORTED -> {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                        "Composite field of type `Unsupported` cannot have default values.");
                yield null;
            }
        };
        if (resolved != null) {
            field.defaultValue = new Db.DefaultInfo(visitor.current(), value, resolved, null);
        }
    }

    private DefaultValue dbgenerated(Expression.FunctionCall call) {
        List<Argument> args = call.arguments().arguments();
        boolean bad = args.size() > 1;
        if (bad) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`dbgenerated()` takes a single String argument");
        }
        Expression first = args.isEmpty() ? null : args.get(0).value();
        if (first instanceof Expression.StringValue s && s.value().isEmpty()) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                    "dbgenerated() takes either no argument, or a single nonempty string argument.");
            return null;
        }
        if (first == null || first instanceof Expression.StringValue) {
            return bad ? null : new DefaultValue.DbGenerated(first == null ? null
                    : ((Expression.StringValue) first).value());
        }
        visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`dbgenerated()` takes a single String argument");
        return null;
    }

    private DefaultValue enumDefault(Db.FieldInfo field, Expression value) {
        if (value instanceof Expression.ConstantValue constant) {
            if (field.enumType.hasValue(constant.value())) {
                return new DefaultValue.EnumValue(constant.value());
            }
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "The defined default value `" + constant.value()
                    + "` is not a valid value of the enum specified for the field.");
            return null;
        }
        visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "Expected an enum value, but found `"
                + Expressions.render(value) + "`.");
        return null;
    }

    private DefaultValue enumListDefault(Db.FieldInfo field, Expression value) {
        if (!(value instanceof Expression.ArrayValue array)) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "Expected an enum value, but found `"
                    + Expressions.render(value) + "`.");
            return null;
        }
        List<DefaultValue> items = new ArrayList<>();
        for (Expression item : array.items()) {
            DefaultValue resolved = enumDefault(field, item);
            if (resolved == null) {
                return null;
            }
            items.add(resolved);
        }
        return new DefaultValue.ListValue(items);
    }

    private DefaultValue builtinDefault(Db.FieldInfo field, Expression value, String mappedName, boolean composite) {
        ScalarKind type = field.builtin;
        if (value instanceof Expression.FunctionCall call) {
            String name = call.name();
            List<Argument> args = call.arguments().arguments();
            if (!composite && name.equals("autoincrement") && mappedName != null) {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                        "Naming an autoincrement default value is not allowed.");
                return null;
            }
            if (composite && (name.equals("autoincrement") || name.equals("auto"))) {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "The function `" + name
                        + "()` is not supported on composite fields.");
                return null;
            }
            if (!composite && name.equals("autoincrement") && (type == ScalarKind.INT || type == ScalarKind.BIG_INT)) {
                return noArguments(name, args) ? new DefaultValue.Autoincrement() : null;
            }
            if (type == ScalarKind.STRING && name.equals("cuid")) {
                Integer version = versionArgument("cuid", args, 1, Set.of(1, 2),
                        "`cuid()` takes either no argument, or a single integer argument which is either 1 or 2.");
                return version == null ? null : new DefaultValue.Cuid(version);
            }
            if (type == ScalarKind.STRING && name.equals("uuid")) {
                Integer version = versionArgument("uuid", args, 4, Set.of(4, 7),
                        "`uuid()` takes either no argument, or a single integer argument which is either 4 or 7.");
                return version == null ? null : new DefaultValue.Uuid(version);
            }
            if (type == ScalarKind.STRING && name.equals("ulid")) {
                return noArguments(name, args) ? new DefaultValue.Ulid() : null;
            }
            if (!composite && type == ScalarKind.STRING && name.equals("nanoid")) {
                return nanoid(args);
            }
            if (type == ScalarKind.DATE_TIME && name.equals("now")) {
                return noArguments(name, args) ? new DefaultValue.Now() : null;
            }
            if (!composite && name.equals("auto")) {
                if (!args.isEmpty()) {
                    visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`auto()` takes no arguments");
                    return null;
                }
                return new DefaultValue.Auto();
            }
            if (!KNOWN_FUNCTIONS.contains(name)) {
                if (composite) {
                    errors.error(DiagnosticCode.DEFAULT_INVALID, "Unknown function in @default(): `" + name + "` is not "
                            + "known. You can read about the available functions here: "
                            + "https://pris.ly/d/attribute-functions", call.span());
                    return null;
                }
                db.unknownFunctionDefaults.add(field);
                DefaultValue sequence = unknownFunction(call);
                if (sequence == null) {
                    field.defaultValue = new Db.DefaultInfo(visitor.current(), value, null, mappedName);
                }
                return sequence;
            }
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "The function `" + name
                    + "()` cannot be used on fields of type `" + type.schemaName() + "`.");
            return null;
        }
        if (field.isList()) {
            if (!(value instanceof Expression.ArrayValue array)) {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                        "The default value of a list field must be a list.");
                return null;
            }
            List<DefaultValue> items = new ArrayList<>();
            for (Expression item : array.items()) {
                DefaultValue literal = literal(type, item);
                if (literal == null) {
                    return null;
                }
                items.add(literal);
            }
            return new DefaultValue.ListValue(items);
        }
        if (value instanceof Expression.ArrayValue) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID,
                    "The default value of a non-list field cannot be a list.");
            return null;
        }
        return literal(type, value);
    }

    /** Functions the connector decides on later ({@code sequence()} on CockroachDB). */
    private static DefaultValue unknownFunction(Expression.FunctionCall call) {
        if (call.name().equals("sequence")) {
            Map<String, String> options = new LinkedHashMap<>();
            for (Argument argument : call.arguments().arguments()) {
                if (argument.name() != null && argument.value() != null) {
                    options.put(argument.name().name(), Expressions.render(argument.value()));
                }
            }
            return new DefaultValue.Sequence(options);
        }
        return null;
    }

    private boolean noArguments(String name, List<Argument> args) {
        if (args.isEmpty()) {
            return true;
        }
        visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "The `" + name + "` function does not take any "
                + "argument. Consider changing this default to `" + name + "()`.");
        return false;
    }

    private Integer versionArgument(String name, List<Argument> args, int defaultVersion, Set<Integer> allowed,
                                    String badVersion) {
        if (args.size() > 1) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`" + name + "()` takes a single Int argument.");
        }
        Expression first = args.isEmpty() ? null : args.get(0).value();
        if (first == null) {
            return args.size() > 1 ? null : defaultVersion;
        }
        if (first instanceof Expression.NumericValue number) {
            Integer version = parseSmall(number.raw());
            if (version == null || !allowed.contains(version)) {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, badVersion);
                return null;
            }
            return args.size() > 1 ? null : version;
        }
        visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`" + name + "()` takes a single Int argument.");
        return null;
    }

    private DefaultValue nanoid(List<Argument> args) {
        if (args.size() > 1) {
            visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`nanoid()` takes a single Int argument.");
        }
        Expression first = args.isEmpty() ? null : args.get(0).value();
        if (first == null) {
            return args.size() > 1 ? null : new DefaultValue.Nanoid(null);
        }
        if (first instanceof Expression.NumericValue number) {
            Integer length = parseSmall(number.raw());
            if (length == null || length < 2 || length > 255) {
                visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`nanoid()` takes either no argument, or a "
                        + "single integer argument between 2 and 255.");
                return null;
            }
            return args.size() > 1 ? null : new DefaultValue.Nanoid(length);
        }
        visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "`nanoid()` takes a single Int argument.");
        return null;
    }

    private static Integer parseSmall(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private DefaultValue literal(ScalarKind type, Expression value) {
        switch (type) {
            case STRING, JSON, BYTES, DATE_TIME -> {
                if (value instanceof Expression.StringValue s) {
                    return new DefaultValue.Literal(s.value());
                }
            }
            case INT, BIG_INT -> {
                if (value instanceof Expression.NumericValue n) {
                    try {
                        return new DefaultValue.Literal(Long.parseLong(n.raw()));
                    } catch (NumberFormatException e) {
                        return new DefaultValue.Literal(new BigDecimal(n.raw()));
                    }
                }
            }
            case FLOAT -> {
                if (value instanceof Expression.NumericValue n) {
                    return new DefaultValue.Literal(new BigDecimal(n.raw()));
                }
            }
            case DECIMAL -> {
                if (value instanceof Expression.NumericValue n) {
                    return new DefaultValue.Literal(new BigDecimal(n.raw()));
                }
                if (value instanceof Expression.StringValue s) {
                    try {
                        return new DefaultValue.Literal(new BigDecimal(s.value()));
                    } catch (NumberFormatException e) {
                        // the pipeline reports the unparsable decimal
                        return new DefaultValue.Literal(s.value());
                    }
                }
            }
            case BOOLEAN -> {
                if (value instanceof Expression.ConstantValue c) {
                    if (c.value().equals("true") || c.value().equals("false")) {
                        return new DefaultValue.Literal(Boolean.valueOf(c.value()));
                    }
                    errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default",
                            "A boolean literal must be `true` or `false`.", c.span());
                    return null;
                }
            }
        }
        visitor.attributeError(DiagnosticCode.DEFAULT_INVALID, "Expected a " + type.schemaName()
                + " value, but found `" + Expressions.render(value) + "`.");
        return null;
    }
}
