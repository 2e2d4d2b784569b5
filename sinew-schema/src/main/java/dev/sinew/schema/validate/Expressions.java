package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.ArgumentList;
import dev.sinew.schema.ast.Expression;

/** Renders expressions the way Prisma's messages quote them. */
final class Expressions {
    private Expressions() {}

    static String render(Expression expression) {
        if (expression instanceof Expression.StringValue string) {
            return "\"" + string.value() + "\"";
        } else if (expression instanceof Expression.NumericValue number) {
            return number.raw();
        } else if (expression instanceof Expression.ConstantValue constant) {
            return constant.value();
        } else if (expression instanceof Expression.FunctionCall call) {
            return call.name() + "(" + arguments(call.arguments()) + ")";
        }
        Expression.ArrayValue array = (Expression.ArrayValue) expression;
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < array.items().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(render(array.items().get(i)));
        }
        return out.append(']').toString();
    }

    private static String arguments(ArgumentList list) {
        StringBuilder out = new StringBuilder();
        for (Argument argument : list.arguments()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            if (argument.name() != null) {
                out.append(argument.name().name()).append(": ");
            }
            if (argument.value() != null) {
                out.append(render(argument.value()));
            }
        }
        return out.toString();
    }
}
