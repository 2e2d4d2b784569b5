package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.FieldInfo;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import dev.sinew.codegen.ClientSchema.RelationInfo;
import dev.sinew.codegen.ClientSchema.UniqueCriterion;
import dev.sinew.schema.model.ScalarKind;
import javax.lang.model.element.Modifier;

/** Per model, the {@code where} builder (each field with its filter operators) and the unique where. */
final class FilterWriter {
    private final Types types;

    FilterWriter(Types types) {
        this.types = types;
    }

    TypeSpec.Builder where(ModelInfo model) {
        ClassName self = model.where;
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input)
                .addJavadoc("The conditions on records of model {@code $L} (Prisma's {@code $LWhereInput}). Conditions"
                        + " on different fields must all hold;\nthose given to {@code or} are alternatives.\n\n"
                        + "<pre>{@code w -> w.$L}</pre>\n", model.name, model.name, example(model));
        out.addMethod(MethodSpec.constructorBuilder().build());
        for (FieldInfo field : model.scalars) {
            if (types.isComposite(field)) {
                continue; // composite filters (MongoDB) are not offered yet
            }
            TypeName filter = scalarFilter(field, self);
            out.addMethod(MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC).returns(filter)
                    .addJavadoc(Docs.field(field.field.documentation()))
                    .addStatement("return new $T<>(this, nested($S))", raw(filter), field.name())
                    .build());
        }
        for (RelationInfo relation : model.relations) {
            String kind = relation.isList() ? "ToManyFilter" : relation.isOptional() ? "NullableToOneFilter"
                    : "ToOneFilter";
            ClassName filterClass = types.support(kind);
            TypeName filter = ParameterizedTypeName.get(filterClass, self, relation.related.where);
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC).returns(filter)
                    .addJavadoc(Docs.field(relation.field.documentation()))
                    .addStatement("return new $T<>(this, nested($S), $T::new)", filterClass,
                            relation.name(), relation.related.where)
                    .build());
        }
        TypeName conditions = Types.consumerOf(self);
        String[][] combinators = {
                {"and", "AND", "All of these conditions hold (Prisma's {@code AND})."},
                {"or", "OR", "At least one of these conditions holds (Prisma's {@code OR})."},
                {"not", "NOT", "None of these conditions holds (Prisma's {@code NOT})."}};
        for (String[] combinator : combinators) {
            out.addMethod(MethodSpec.methodBuilder(combinator[0]).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addAnnotation(Types.SAFE_VARARGS).varargs(true).returns(self)
                    .addJavadoc("$L\n", combinator[2])
                    .addParameter(ParameterSpec.builder(
                            com.palantir.javapoet.ArrayTypeName.of(conditions), "conditions").build())
                    .beginControlFlow("for ($T condition : conditions)", conditions)
                    .addStatement("this.arguments.append($S, $T.build($T::new, condition))", combinator[1],
                            types.input, self)
                    .endControlFlow()
                    .beginControlFlow("if (conditions.length == 0)")
                    .addStatement("this.arguments.put($S, new $T())", combinator[1], types.items)
                    .endControlFlow()
                    .addStatement("return this").build());
        }
        return out;
    }

    private TypeName scalarFilter(FieldInfo field, ClassName where) {
        TypeName item = types.itemType(field).box();
        if (field.isList()) {
            return ParameterizedTypeName.get(types.support("ListFilter"), where, item);
        }
        String prefix = field.isOptional() ? "Nullable" : "";
        ScalarKind kind = field.field.scalarKind();
        if (kind == ScalarKind.STRING) {
            return ParameterizedTypeName.get(types.support(prefix + "StringFilter"), where);
        }
        boolean ordered = kind == ScalarKind.INT || kind == ScalarKind.BIG_INT || kind == ScalarKind.FLOAT
                || kind == ScalarKind.DECIMAL || kind == ScalarKind.DATE_TIME;
        return ParameterizedTypeName.get(types.support(prefix + (ordered ? "ComparableFilter" : "EqualityFilter")),
                where, item);
    }

    private static ClassName raw(TypeName type) {
        return ((ParameterizedTypeName) type).rawType();
    }

    private static String example(ModelInfo model) {
        for (FieldInfo field : model.scalars) {
            if (field.field.scalarKind() == ScalarKind.STRING && !field.isList()) {
                return field.javaName + "().contains(\"a\")";
            }
        }
        for (FieldInfo field : model.scalars) {
            if (!field.isList() && field.field.scalarKind() != null) {
                return field.javaName + "().eq(…)";
            }
        }
        return "or(a -> …, b -> …)";
    }

    TypeSpec.Builder whereUnique(ModelInfo model) {
        ClassName self = model.whereUnique;
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input);
        if (model.uniques.isEmpty()) {
            out.addJavadoc("Model {@code $L} has no unique criterion, so no record of it can be named.\n", model.name);
        } else {
            UniqueCriterion first = model.uniques.get(0);
            out.addJavadoc("A unique criterion of model {@code $L} (Prisma's {@code $LWhereUniqueInput}): one record"
                            + " at most matches it.\n\n<pre>{@code $T.$L($L)}</pre>\n", model.name, model.name, self,
                    first.javaName(), String.join(", ", first.fields().stream().map(f -> "…").toList()));
        }
        out.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (UniqueCriterion unique : model.uniques) {
            MethodSpec.Builder factory = MethodSpec.methodBuilder(unique.javaName())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self);
            if (unique.isCompound()) {
                factory.addJavadoc("The record whose {@code $L} are these ({@code $L}).\n",
                        Types.names(unique.fields()), unique.name());
                CodeBlock.Builder call = CodeBlock.builder().add("return compound($S", unique.name());
                for (FieldInfo field : unique.fields()) {
                    factory.addParameter(types.fieldType(field), field.javaName);
                    call.add(", $S, $L", field.name(), field.javaName);
                }
                factory.addCode(call.add(");\n").build());
            } else {
                FieldInfo field = unique.fields().get(0);
                factory.addJavadoc(Docs.field(field.field.documentation()));
                factory.addParameter(types.fieldType(field), "value")
                        .addStatement("return single($S, value)", field.name());
            }
            out.addMethod(factory.build());
        }
        if (!model.uniques.isEmpty()) {
            out.addMethod(MethodSpec.methodBuilder("single").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(self).addParameter(Types.STRING, "field").addParameter(Types.OBJECT, "value")
                    .addStatement("$T where = new $T()", self, self)
                    .addStatement("where.set(field, value)")
                    .addStatement("return where").build());
            if (model.uniques.stream().anyMatch(UniqueCriterion::isCompound)) {
                out.addMethod(MethodSpec.methodBuilder("compound").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(self).addParameter(Types.STRING, "name")
                        .addParameter(com.palantir.javapoet.ArrayTypeName.of(Types.OBJECT), "fieldsAndValues")
                        .varargs(true)
                        .addStatement("$T where = new $T()", self, self)
                        .addStatement("$T fields = where.arguments.nested(name)", types.arguments)
                        .beginControlFlow("for (int i = 0; i < fieldsAndValues.length; i += 2)")
                        .addStatement("fields.put(($T) fieldsAndValues[i], $T.toClient(fieldsAndValues[i + 1]))",
                                Types.STRING, types.values)
                        .endControlFlow()
                        .addStatement("return where").build());
            }
            out.addMethod(MethodSpec.methodBuilder("and").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("This criterion, and conditions on other fields that the record must also meet (a"
                            + " version for optimistic locking, say);\nthe operation finds no record when they do"
                            + " not hold. Returns a new criterion.\n")
                    .addParameter(Types.consumerOf(model.where), "conditions")
                    .addStatement("$T where = new $T()", self, self)
                    .addStatement("where.arguments.putAll(this.arguments.copy())")
                    .addStatement("where.arguments.append($S, $T.build($T::new, conditions))", "AND", types.input,
                            model.where)
                    .addStatement("return where").build());
        }
        return out;
    }
}
