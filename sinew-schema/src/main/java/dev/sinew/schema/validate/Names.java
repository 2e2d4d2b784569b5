package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.FieldType;
import dev.sinew.schema.ast.Identifier;
import dev.sinew.schema.ast.Top;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.FieldArity;
import dev.sinew.schema.model.ReservedNames;
import dev.sinew.schema.model.ScalarKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first pass: registers every top-level block and field by name and reports clashes, reserved and malformed
 * names, in Prisma's order (block by block in source order).
 */
final class Names {
    /** Names the generated JavaScript client cannot use for a model or enum. */
    static final Set<String> RESERVED_TYPE_NAMES = ReservedNames.typeNames();

    private final Db db;
    private final Errors errors;
    private final Map<String, Block> generators = new HashMap<>();
    private final Map<String, Block> datasources = new HashMap<>();
    private final Map<String, Block> topBlocks = new HashMap<>();

    private Names(Db db, Errors errors) {
        this.db = db;
        this.errors = errors;
    }

    static void resolve(Db db, Errors errors) {
        new Names(db, errors).run();
    }

    private void run() {
        for (Top top : db.ast.tops()) {
            if (!(top instanceof Block block)) {
                continue;
            }
            Identifier name = block.name();
            if (ScalarKind.fromSchemaName(name.name()).isPresent()) {
                errors.error(DiagnosticCode.NAME_RESERVED, "\"" + name.name()
                        + "\" is a reserved scalar type name and cannot be used.", name.span());
            }
            Map<String, Block> namespace;
            switch (block.kind()) {
                case ENUM -> {
                    enumNames(block);
                    namespace = topBlocks;
                }
                case MODEL, VIEW -> {
                    modelNames(block);
                    namespace = topBlocks;
                }
                case COMPOSITE_TYPE -> {
                    compositeNames(block);
                    namespace = topBlocks;
                }
                case DATASOURCE -> {
                    duplicateProperties(block);
                    namespace = datasources;
                    db.datasources.add(block);
                }
                default -> {
                    duplicateProperties(block);
                    namespace = generators;
                    db.generators.add(block);
                }
            }
            // As in Prisma, the last block of a name wins the namespace; every block is still validated.
            Block existing = namespace.put(name.name(), block);
            if (existing != null) {
                errors.error(DiagnosticCode.NAME_DUPLICATE, "The " + typeName(block) + " \"" + name.name()
                        + "\" cannot be defined because a " + typeName(existing) + " with that name already exists.",
                        name.span());
            }
            register(block);
        }
    }

    private void register(Block block) {
        switch (block.kind()) {
            case MODEL, VIEW -> {
                Db.ModelInfo model = new Db.ModelInfo(block, db.models.size());
                for (BlockEntry.Field field : block.fields()) {
                    // Prisma drops fields it could not read: no type, or the legacy `name: Type` form.
                    if (field.type() == null || field.legacyColon()) {
                        continue;
                    }
                    Db.FieldInfo info = new Db.FieldInfo(model, null, field, arity(field.type()), model.fields.size());
                    model.fields.add(info);
                    model.fieldsByName.put(info.name, info);
                }
                db.models.add(model);
                db.tops.put(model.name, model);
            }
            case ENUM -> {
                Db.EnumInfo info = new Db.EnumInfo(block);
                db.enums.add(info);
                db.tops.put(info.name, info);
            }
            case COMPOSITE_TYPE -> {
                Db.CompositeInfo composite = new Db.CompositeInfo(block);
                for (BlockEntry.Field field : block.fields()) {
                    if (field.type() == null || field.legacyColon()) {
                        continue;
                    }
                    Db.FieldInfo info = new Db.FieldInfo(null, composite, field, arity(field.type()),
                            composite.fields.size());
                    composite.fields.add(info);
                    composite.fieldsByName.put(info.name, info);
                }
                db.composites.add(composite);
                db.tops.put(composite.name, composite);
            }
            default -> {
            }
        }
    }

    static FieldArity arity(FieldType type) {
        return switch (type.arity()) {
            case REQUIRED -> FieldArity.REQUIRED;
            case OPTIONAL -> FieldArity.OPTIONAL;
            case LIST -> FieldArity.LIST;
        };
    }

    private void enumNames(Block block) {
        identifier(block.name(), "Enum");
        if (RESERVED_TYPE_NAMES.contains(block.name().name())) {
            errors.error(DiagnosticCode.NAME_RESERVED, "Error validating enum `" + block.name().name()
                    + "`: The enum name `" + block.name().name() + "` is invalid. It is a reserved name. Please change"
                    + " it. Read more at https://www.prisma.io/docs/reference/tools-and-interfaces/prisma-schema/"
                    + "data-model#naming-enums", block.span());
        }
        attributeIdentifiers(block.blockAttributes());
        Set<String> seen = new HashSet<>();
        for (BlockEntry.EnumValue value : block.enumValues()) {
            identifier(value.name(), "Enum Value");
            attributeIdentifiers(value.attributes());
            if (!seen.add(value.name().name())) {
                errors.error(DiagnosticCode.NAME_DUPLICATE, "Value \"" + value.name().name()
                        + "\" is already defined on enum \"" + block.name().name() + "\".", value.span());
            }
        }
    }

    private void modelNames(Block block) {
        boolean view = block.kind() == Block.Kind.VIEW;
        identifier(block.name(), view ? "view" : "Model");
        if (RESERVED_TYPE_NAMES.contains(block.name().name())) {
            errors.model(DiagnosticCode.NAME_RESERVED, "model", block.name().name(), "The " + (view ? "view" : "model")
                    + " name `" + block.name().name() + "` is invalid. It is a reserved name. Please change it. "
                    + "Read more at https://pris.ly/d/naming-models", block.span());
        }
        attributeIdentifiers(block.blockAttributes());
        Set<String> seen = new HashSet<>();
        for (BlockEntry.Field field : block.fields()) {
            if (field.legacyColon() || field.type() == null) {
                continue;
            }
            identifier(field.name(), view ? "field" : "Field");
            attributeIdentifiers(field.attributes());
            if (!seen.add(field.name().name())) {
                errors.error(DiagnosticCode.NAME_DUPLICATE, "Field \"" + field.name().name()
                        + "\" is already defined on " + (view ? "view" : "model") + " \"" + block.name().name()
                        + "\".", field.name().span());
            }
        }
    }

    private void compositeNames(Block block) {
        identifier(block.name(), "Composite type");
        Set<String> seen = new HashSet<>();
        for (BlockEntry.Field field : block.fields()) {
            if (field.legacyColon() || field.type() == null) {
                continue;
            }
            if (!seen.add(field.name().name())) {
                errors.error(DiagnosticCode.NAME_DUPLICATE, "Field \"" + field.name().name()
                        + "\" is already defined on composite type \"" + block.name().name() + "\".",
                        field.name().span());
            }
        }
    }

    private void duplicateProperties(Block block) {
        Set<String> seen = new HashSet<>();
        for (BlockEntry.Property property : block.properties()) {
            if (!seen.add(property.name().name())) {
                errors.error(DiagnosticCode.NAME_DUPLICATE, "Key \"" + property.name().name()
                        + "\" is already defined in " + typeName(block) + " \"" + block.name().name() + "\".",
                        property.name().span());
            }
        }
    }

    private void attributeIdentifiers(List<Attribute> attributes) {
        for (Attribute attribute : attributes) {
            identifier(new Identifier(attribute.name(), attribute.nameSpan()), "Attribute");
        }
    }

    private void identifier(Identifier identifier, String item) {
        String name = identifier.name();
        if (name.isEmpty()) {
            errors.validation(DiagnosticCode.NAME_INVALID, "The name of a " + item + " must not be empty.",
                    identifier.span());
        } else if (Character.isDigit(name.charAt(0))) {
            errors.validation(DiagnosticCode.NAME_INVALID, "The name of a " + item + " must not start with a number.",
                    identifier.span());
        } else if (name.indexOf('-') >= 0) {
            errors.validation(DiagnosticCode.NAME_INVALID, "The character `-` is not allowed in " + item + " names.",
                    identifier.span());
        }
    }

    static String typeName(Block block) {
        return switch (block.kind()) {
            case MODEL -> "model";
            case VIEW -> "view";
            case ENUM -> "enum";
            case COMPOSITE_TYPE -> "composite type";
            case DATASOURCE -> "source";
            case GENERATOR -> "generator";
        };
    }
}
