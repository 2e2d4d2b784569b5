package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.FieldInfo;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import dev.sinew.codegen.ClientSchema.RelationInfo;
import javax.lang.model.element.Modifier;

/**
 * Per model, the data of create and update: scalar values, atomic number operations, and the nested writes of
 * relation fields; and the scalar-only data of createMany and updateMany.
 */
final class DataWriter {
    private final Types types;

    DataWriter(Types types) {
        this.types = types;
    }

    TypeSpec.Builder create(ModelInfo model) {
        TypeSpec.Builder out = builder(model.create, false,
                "The data of a new record of model {@code " + model.name + "} (Prisma's {@code " + model.name
                        + "CreateInput}, or its unchecked form when foreign key fields are set directly).");
        scalars(model, model.create, out, false);
        for (RelationInfo relation : model.relations) {
            ModelInfo related = relation.related;
            TypeName write = relation.isList()
                    ? ParameterizedTypeName.get(types.support("ToManyCreate"), related.create, related.createMany,
                    related.whereUnique)
                    : ParameterizedTypeName.get(types.support("ToOneCreate"), related.create, related.whereUnique);
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                    .returns(model.create)
                    .addJavadoc(Docs.field(relation.field.documentation()))
                    .addParameter(Types.consumerOf(write), "writes")
                    .addStatement("writes.accept(new $T<>(nested($S), $T::new))",
                            ((ParameterizedTypeName) write).rawType(), relation.name(), related.create)
                    .addStatement("return this").build());
        }
        return out;
    }

    TypeSpec.Builder createMany(ModelInfo model) {
        TypeSpec.Builder out = builder(model.createMany, true,
                "The data of one record of a {@code createMany} of model {@code " + model.name
                        + "}: scalar fields only, foreign keys set directly.");
        scalars(model, model.createMany, out, false);
        return out;
    }

    TypeSpec.Builder update(ModelInfo model) {
        TypeSpec.Builder out = builder(model.update, false,
                "The changes to a record of model {@code " + model.name + "} (Prisma's {@code " + model.name
                        + "UpdateInput}); fields not given keep their values.");
        scalars(model, model.update, out, true);
        for (RelationInfo relation : model.relations) {
            ModelInfo related = relation.related;
            ClassName kind;
            TypeName write;
            if (relation.isList()) {
                kind = types.support("ToManyUpdate");
                write = ParameterizedTypeName.get(kind, related.create, related.createMany, related.whereUnique,
                        related.where, related.update, related.updateMany);
            } else {
                kind = types.support(relation.isOptional() ? "NullableToOneUpdate" : "ToOneUpdate");
                write = ParameterizedTypeName.get(kind, related.create, related.whereUnique, related.update);
            }
            MethodSpec.Builder method = MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                    .returns(model.update)
                    .addJavadoc(Docs.field(relation.field.documentation()))
                    .addParameter(Types.consumerOf(write), "writes");
            if (relation.isList()) {
                method.addStatement("writes.accept(new $T<>(nested($S), $T::new, $T::new, $T::new,"
                                + " $T::new))", kind, relation.name(), related.create, related.where, related.update,
                        related.updateMany);
            } else {
                method.addStatement("writes.accept(new $T<>(nested($S), $T::new, $T::new))", kind,
                        relation.name(), related.create, related.update);
            }
            out.addMethod(method.addStatement("return this").build());
        }
        return out;
    }

    TypeSpec.Builder updateMany(ModelInfo model) {
        TypeSpec.Builder out = builder(model.updateMany, false,
                "The changes an {@code updateMany} of model {@code " + model.name
                        + "} makes to every record it matches: scalar fields only.");
        scalars(model, model.updateMany, out, true);
        return out;
    }

    private TypeSpec.Builder builder(ClassName self, boolean publicConstructor, String doc) {
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input).addJavadoc("$L\n", doc);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        if (publicConstructor) {
            constructor.addModifiers(Modifier.PUBLIC).addJavadoc("No fields set yet.\n");
        }
        return out.addMethod(constructor.build());
    }

    private void scalars(ModelInfo model, ClassName self, TypeSpec.Builder out, boolean update) {
        for (FieldInfo field : model.scalars) {
            out.addMethod(MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc(Docs.field(field.field.documentation()))
                    .addParameter(types.fieldType(field), "value")
                    .addStatement(types.isComposite(field) ? CodeBlock.of("this.arguments.put($S, $L)", field.name(),
                            types.write(field, "value")) : CodeBlock.of("set($S, value)", field.name()))
                    .addStatement("return this").build());
            if (update && Types.isNumber(field) && !field.isList()) {
                TypeName ops = ParameterizedTypeName.get(types.support("NumberUpdate"), self,
                        types.itemType(field));
                out.addMethod(MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC).returns(ops)
                        .addStatement("return new $T<>(this, nested($S))",
                                types.support("NumberUpdate"), field.name())
                        .build());
            }
            if (update && field.isList() && !types.isComposite(field)) {
                ClassName listUpdate = types.support("ScalarListUpdate");
                out.addMethod(MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(listUpdate, self, types.itemType(field)))
                        .addJavadoc("The list's operations: set it, or push values onto it.\n")
                        .addStatement("return new $T<>(this, nested($S))", listUpdate, field.name())
                        .build());
            }
        }
    }
}
