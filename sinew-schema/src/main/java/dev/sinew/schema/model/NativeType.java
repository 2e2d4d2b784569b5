package dev.sinew.schema.model;

import java.util.List;

/**
 * A {@code @db.Name(args)} attribute: the database type chosen for a field. Arguments are kept as written
 * ({@code VarChar(255)} gives {@code ["255"]}; {@code Decimal(10, 2)} gives {@code ["10", "2"]}).
 */
public record NativeType(String name, List<String> arguments) {
    public NativeType {
        arguments = List.copyOf(arguments);
    }

    /** The attribute text after {@code @db.}, e.g. {@code VarChar(255)}. */
    @Override
    public String toString() {
        return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")";
    }
}
