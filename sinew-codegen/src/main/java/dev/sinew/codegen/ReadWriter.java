package dev.sinew.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.FieldInfo;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import dev.sinew.codegen.ClientSchema.RelationInfo;
import dev.sinew.schema.model.ScalarKind;
import javax.lang.model.element.Modifier;

/**
 * Per model, what a read returns and in which order: {@code select}, {@code include}, the read arguments of single
 * records ({@code select}/{@code include}/{@code omit}), those of lists (with {@code where}, {@code orderBy},
 * {@code cursor}, {@code take}, {@code skip}, {@code distinct}), and {@code orderBy}.
 */
final class ReadWriter {
    private final Types types;

    ReadWriter(Types types) {
        this.types = types;
    }

    TypeSpec.Builder select(ModelInfo model) {
        TypeSpec.Builder out = TypeSpec.classBuilder(model.select).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input)
                .addJavadoc("The fields a read of model {@code $L} returns: only those named here; the record's other"
                        + " fields are null.\n", model.name)
                .addMethod(MethodSpec.constructorBuilder().build());
        for (FieldInfo field : model.scalars) {
            out.addMethod(MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC).returns(model.select)
                    .addJavadoc(Docs.javadoc(field.field.documentation(), "Returns {@code " + field.name() + "}."))
                    .addStatement("this.arguments.put($S, true)", field.name())
                    .addStatement("return this").build());
        }
        relations(model, model.select, out);
        return out;
    }

    TypeSpec.Builder include(ModelInfo model) {
        TypeSpec.Builder out = TypeSpec.classBuilder(model.include).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input)
                .addJavadoc("The relations a read of model {@code $L} returns with the record's scalar fields.\n",
                        model.name)
                .addMethod(MethodSpec.constructorBuilder().build());
        relations(model, model.include, out);
        return out;
    }

    private void relations(ModelInfo model, ClassName self, TypeSpec.Builder out) {
        for (RelationInfo relation : model.relations) {
            ModelInfo related = relation.related;
            ClassName args = relation.isList() ? related.findManyArgs : related.args;
            String what = relation.isList() ? "records" : "record";
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc(Docs.javadoc(relation.field.documentation(), "Returns the related {@code "
                            + relation.name() + "} " + what + "."))
                    .addStatement("this.arguments.put($S, true)", relation.name())
                    .addStatement("return this").build());
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Returns the related {@code $L} $L, $L.\n", relation.name(), what,
                            relation.isList() ? "filtered, ordered and paged by {@code args}"
                                    : "with the fields {@code args} names")
                    .addParameter(Types.consumerOf(args), "args")
                    .addStatement("this.arguments.put($S, $T.build($T::new, args))", relation.name(), types.input, args)
                    .addStatement("return this").build());
        }
    }

    TypeSpec.Builder args(ModelInfo model) {
        TypeSpec.Builder out = TypeSpec.classBuilder(model.args).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input)
                .addJavadoc("What a read or write of one record of model {@code $L} returns: {@code select},"
                        + " {@code include} or {@code omit}.\n", model.name)
                .addMethod(MethodSpec.constructorBuilder().build());
        selection(model, model.args, out);
        return out;
    }

    TypeSpec.Builder findManyArgs(ModelInfo model) {
        ClassName self = model.findManyArgs;
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input)
                .addJavadoc("Which records of model {@code $L} a read returns, in which order, and what of them.\n",
                        model.name)
                .addMethod(MethodSpec.constructorBuilder().build());
        out.addMethod(MethodSpec.methodBuilder("where").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Only the records that meet these conditions; called again, both must hold.\n")
                .addParameter(Types.consumerOf(model.where), "conditions")
                .addStatement("$T where = $T.build($T::new, conditions)", types.arguments, types.input, model.where)
                .beginControlFlow("if (this.arguments.get($S) instanceof $T existing)", "where", types.arguments)
                .addStatement("existing.append($S, where)", "AND")
                .nextControlFlow("else")
                .addStatement("this.arguments.put($S, where)", "where")
                .endControlFlow()
                .addStatement("return this").build());
        out.addMethod(MethodSpec.methodBuilder("orderBy").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Sorts by these terms, after those of earlier calls.\n")
                .addParameter(Types.consumerOf(model.orderBy), "terms")
                .addStatement("$T orderBy = new $T()", model.orderBy, model.orderBy)
                .addStatement("terms.accept(orderBy)")
                .beginControlFlow("for ($T term : orderBy.terms)", Types.OBJECT)
                .addStatement("this.arguments.append($S, term)", "orderBy")
                .endControlFlow()
                .addStatement("return this").build());
        out.addMethod(MethodSpec.methodBuilder("cursor").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Starts the page at this record (cursor-based paging).\n")
                .addParameter(model.whereUnique, "record")
                .addStatement("this.arguments.put($S, record.arguments.copy())", "cursor")
                .addStatement("return this").build());
        out.addMethod(MethodSpec.methodBuilder("take").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Returns at most this many records (from the end when negative).\n")
                .addParameter(TypeName.INT, "count")
                .addStatement("this.arguments.put($S, count)", "take")
                .addStatement("return this").build());
        out.addMethod(MethodSpec.methodBuilder("skip").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Skips this many records.\n")
                .addParameter(TypeName.INT, "count")
                .addStatement("this.arguments.put($S, count)", "skip")
                .addStatement("return this").build());
        if (!model.scalars.isEmpty()) {
            out.addMethod(MethodSpec.methodBuilder("distinct").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Returns only the first record of each combination of these fields' values.\n")
                    .addParameter(ArrayTypeName.of(model.scalarField), "fields").varargs(true)
                    .beginControlFlow("for ($T field : fields)", model.scalarField)
                    .addStatement("this.arguments.append($S, field.schemaName())", "distinct")
                    .endControlFlow()
                    .addStatement("return this").build());
        }
        selection(model, self, out);
        return out;
    }

    private void selection(ModelInfo model, ClassName self, TypeSpec.Builder out) {
        out.addMethod(MethodSpec.methodBuilder("select").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Returns only these fields (and relations); the record's other fields are null.\n")
                .addParameter(Types.consumerOf(model.select), "fields")
                .addStatement("this.arguments.put($S, $T.build($T::new, fields))", "select", types.input,
                        model.select)
                .addStatement("return this").build());
        out.addMethod(MethodSpec.methodBuilder("include").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Returns these relations with the scalar fields.\n")
                .addParameter(Types.consumerOf(model.include), "relations")
                .addStatement("this.arguments.put($S, $T.build($T::new, relations))", "include", types.input,
                        model.include)
                .addStatement("return this").build());
        if (!model.scalars.isEmpty()) {
            out.addMethod(MethodSpec.methodBuilder("omit").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Leaves these scalar fields out (they are null in the record).\n")
                    .addParameter(ArrayTypeName.of(model.scalarField), "fields").varargs(true)
                    .beginControlFlow("for ($T field : fields)", model.scalarField)
                    .addStatement("this.arguments.nested($S).put(field.schemaName(), true)", "omit")
                    .endControlFlow()
                    .addStatement("return this").build());
        }
    }

    TypeSpec.Builder orderBy(ModelInfo model) {
        ClassName self = model.orderBy;
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The sort terms of model {@code $L}, in the order they are given:"
                        + " {@code o -> o.$L.desc()}.\n", model.name, sortExample(model))
                .addField(FieldSpec.builder(types.items, "terms", Modifier.FINAL)
                        .initializer("new $T()", types.items).build())
                .addMethod(MethodSpec.constructorBuilder().build());
        ClassName sort = types.support("Sort");
        ClassName nullableSort = types.support("NullableSort");
        for (FieldInfo field : model.scalars) {
            if (field.isList() || field.field.scalarKind() == ScalarKind.JSON || types.isComposite(field)) {
                continue;
            }
            ClassName kind = field.isOptional() ? nullableSort : sort;
            MethodSpec.Builder method = MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(kind, self))
                    .addJavadoc(Docs.javadoc(field.field.documentation(), "Sorts by {@code " + field.name()
                            + "}."));
            if (field.isOptional()) {
                method.addStatement("return new $T<>(this, this.terms, $S)", kind, field.name());
            } else {
                method.addStatement("return new $T<>(this, this.terms, $S, false)", kind, field.name());
            }
            out.addMethod(method.build());
        }
        for (RelationInfo relation : model.relations) {
            if (relation.isList()) {
                out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(sort, self))
                        .addJavadoc("Sorts by the number of related {@code $L} records.\n", relation.name())
                        .addStatement("return new $T<>(this, this.terms, $S, true)", sort, relation.name())
                        .build());
            } else {
                out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                        .returns(self)
                        .addJavadoc("Sorts by fields of the related {@code $L} record.\n", relation.name())
                        .addParameter(Types.consumerOf(relation.related.orderBy), "terms")
                        .addStatement("$T related = new $T()", relation.related.orderBy, relation.related.orderBy)
                        .addStatement("terms.accept(related)")
                        .beginControlFlow("for ($T term : related.terms)", Types.OBJECT)
                        .addStatement("$T wrapped = new $T()", types.arguments, types.arguments)
                        .addStatement("wrapped.put($S, term)", relation.name())
                        .addStatement("this.terms.add(wrapped)")
                        .endControlFlow()
                        .addStatement("return this").build());
            }
        }
        return out;
    }

    private static String sortExample(ModelInfo model) {
        for (FieldInfo field : model.scalars) {
            if (!field.isList()) {
                return field.javaName + "()";
            }
        }
        return "…";
    }
}
