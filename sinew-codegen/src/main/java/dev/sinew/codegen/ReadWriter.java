package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
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
                    .addJavadoc(Docs.field(field.field.documentation()))
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

    /** The relations {@code _count} counts, each with an optional filter of the related records. */
    TypeSpec.Builder countSelect(ModelInfo model) {
        TypeSpec.Builder out = TypeSpec.classBuilder(model.countSelect).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(types.input)
                .addJavadoc("The to-many relations of model {@code $L} whose related records {@code _count}"
                        + " counts.\n", model.name)
                .addMethod(MethodSpec.constructorBuilder().build());
        for (RelationInfo relation : model.listRelations()) {
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                    .returns(model.countSelect)
                    .addJavadoc(Docs.field(relation.field.documentation()))
                    .addStatement("this.arguments.put($S, true)", relation.name())
                    .addStatement("return this").build());
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                    .returns(model.countSelect)
                    .addParameter(Types.consumerOf(relation.related.where), "where")
                    .addStatement("nested($S).put($S, $T.build($T::new, where))", relation.name(), "where",
                            types.input, relation.related.where)
                    .addStatement("return this").build());
        }
        return out;
    }

    private void relations(ModelInfo model, ClassName self, TypeSpec.Builder out) {
        for (RelationInfo relation : model.relations) {
            ModelInfo related = relation.related;
            ClassName args = relation.isList() ? related.findManyArgs : related.args;
            String what = relation.isList() ? "records" : "record";
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc(Docs.field(relation.field.documentation()))
                    .addStatement("this.arguments.put($S, true)", relation.name())
                    .addStatement("return this").build());
            out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC).returns(self)
                    .addParameter(Types.consumerOf(args), "args")
                    .addStatement("this.arguments.put($S, $T.build($T::new, args))", relation.name(), types.input, args)
                    .addStatement("return this").build());
        }
        if (model.count != null) {
            out.addMethod(MethodSpec.methodBuilder("_count").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Returns the number of related records of every to-many relation, in the record's"
                            + " {@code _count}.\n")
                    .addStatement("this.arguments.put($S, true)", "_count")
                    .addStatement("return this").build());
            out.addMethod(MethodSpec.methodBuilder("_count").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Returns the numbers of related records of these relations, in the record's"
                            + " {@code _count}.\n")
                    .addParameter(Types.consumerOf(model.countSelect), "relations")
                    .addStatement("nested($S).put($S, $T.build($T::new, relations))", "_count", "select",
                            types.input, model.countSelect)
                    .addStatement("return this").build());
        }
    }

    TypeSpec.Builder args(ModelInfo model) {
        return TypeSpec.classBuilder(model.args).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(types.support("RecordArguments"), model.args, model.select,
                        model.include, scalarFields(model)))
                .addJavadoc("What a read or write of one record of model {@code $L} returns: {@code select},"
                        + " {@code include} or {@code omit}.\n", model.name)
                .addMethod(MethodSpec.constructorBuilder()
                        .addStatement("super($T::new, $T::new)", model.select, model.include).build())
                .addMethod(self(model.args));
    }

    TypeSpec.Builder findManyArgs(ModelInfo model) {
        return TypeSpec.classBuilder(model.findManyArgs).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(types.support("ListArguments"), model.findManyArgs,
                        model.where, model.orderBy, model.whereUnique, model.select, model.include,
                        scalarFields(model)))
                .addJavadoc("Which records of model {@code $L} a read returns, in which order, and what of them.\n",
                        model.name)
                .addMethod(MethodSpec.constructorBuilder()
                        .addStatement("super($T::new, $T::new, $T::new, $T::new)", model.where, model.orderBy,
                                model.select, model.include).build())
                .addMethod(self(model.findManyArgs));
    }

    /** The model's scalar field enum; the interface of such enums when the model has no scalar field. */
    private TypeName scalarFields(ModelInfo model) {
        return model.scalars.isEmpty() ? types.support("SinewEnum") : model.scalarField;
    }

    private static MethodSpec self(ClassName self) {
        return MethodSpec.methodBuilder("self").addAnnotation(Types.OVERRIDE).returns(self)
                .addStatement("return this").build();
    }

    TypeSpec.Builder orderBy(ModelInfo model) {
        ClassName self = model.orderBy;
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The sort terms of model {@code $L}, in the order they are given:"
                        + " {@code o -> o.$L.desc()}.\n", model.name, sortExample(model))
                .superclass(types.support("OrderTerms"))
                .addMethod(MethodSpec.constructorBuilder().build());
        ClassName sort = types.support("SortDirection");
        ClassName nullableSort = types.support("NullableSortDirection");
        for (FieldInfo field : model.scalars) {
            if (field.isList() || field.field.scalarKind() == ScalarKind.JSON || types.isComposite(field)) {
                continue;
            }
            ClassName kind = field.isOptional() ? nullableSort : sort;
            MethodSpec.Builder method = MethodSpec.methodBuilder(field.javaName).addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(kind, self))
                    .addJavadoc(Docs.field(field.field.documentation()));
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
                        .addStatement("return new $T<>(this, this.terms, $S, true)", sort, relation.name())
                        .build());
            } else {
                out.addMethod(MethodSpec.methodBuilder(relation.javaName).addModifiers(Modifier.PUBLIC)
                        .returns(self)
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
