package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import javax.lang.model.element.Modifier;

/**
 * Per model, its operations with types ({@code db.user()}): each builds the dynamic client's arguments and maps the
 * result into the model's record. Views get the reads only.
 */
final class DelegateWriter {
    private final Types types;

    DelegateWriter(Types types) {
        this.types = types;
    }

    TypeSpec.Builder delegate(ModelInfo model) {
        ClassName record = model.record;
        TypeName optional = Types.optionalOf(record);
        TypeName list = Types.listOf(record);
        TypeName args = Types.consumerOf(model.args);
        TypeName findMany = Types.consumerOf(model.findManyArgs);
        TypeSpec.Builder out = TypeSpec.classBuilder(model.delegate).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The operations on $L {@code $L}, with Prisma Client's names. Every write is one"
                                + " transaction;\nfailures are {@link $T}s with Prisma's error codes.\n",
                        model.isView() ? "view" : "model", model.name,
                        ClassName.get("dev.sinew.client", "SinewException"))
                .addField(FieldSpec.builder(Types.MODEL_CLIENT, "model", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addParameter(Types.MODEL_CLIENT, "model")
                        .addStatement("this.model = model").build());
        boolean unique = !model.uniques.isEmpty();
        if (unique) {
            out.addMethod(method("findUnique", optional, "The record {@code where} names, if there is one.")
                    .addParameter(model.whereUnique, "where")
                    .addStatement("return findUnique(where, args -> { })").build());
            out.addMethod(method("findUnique", optional, "The record {@code where} names, if there is one, with"
                    + " what {@code args} selects.")
                    .addParameter(model.whereUnique, "where").addParameter(args, "args")
                    .addStatement("$T call = $T.build($T::new, args)", types.arguments, types.input, model.args)
                    .addStatement("call.put($S, where.arguments.copy())", "where")
                    .addStatement("return $T.ofNullable(model.findUnique(call)).map($T::fromMap)", Types.OPTIONAL,
                            record).build());
            out.addMethod(method("findUniqueOrThrow", record, "The record {@code where} names; {@code P2025} when"
                    + " there is none.")
                    .addParameter(model.whereUnique, "where")
                    .addStatement("return findUniqueOrThrow(where, args -> { })").build());
            out.addMethod(method("findUniqueOrThrow", record, "The record {@code where} names, with what"
                    + " {@code args} selects; {@code P2025} when there is none.")
                    .addParameter(model.whereUnique, "where").addParameter(args, "args")
                    .addStatement("$T call = $T.build($T::new, args)", types.arguments, types.input, model.args)
                    .addStatement("call.put($S, where.arguments.copy())", "where")
                    .addStatement("return $T.fromMap(model.findUniqueOrThrow(call))", record).build());
        }
        out.addMethod(method("findFirst", optional, "The first record, if there is one.")
                .addStatement("return findFirst(args -> { })").build());
        out.addMethod(method("findFirst", optional, "The first record that {@code args} finds, if there is one.")
                .addParameter(findMany, "args")
                .addStatement("return $T.ofNullable(model.findFirst($T.build($T::new, args))).map($T::fromMap)",
                        Types.OPTIONAL, types.input, model.findManyArgs, record).build());
        out.addMethod(method("findFirstOrThrow", record, "The first record; {@code P2025} when there is none.")
                .addStatement("return findFirstOrThrow(args -> { })").build());
        out.addMethod(method("findFirstOrThrow", record, "The first record that {@code args} finds; {@code P2025}"
                + " when there is none.")
                .addParameter(findMany, "args")
                .addStatement("return $T.fromMap(model.findFirstOrThrow($T.build($T::new, args)))", record,
                        types.input, model.findManyArgs).build());
        out.addMethod(method("findMany", list, "Every record.")
                .addStatement("return findMany(args -> { })").build());
        out.addMethod(method("findMany", list, "The records {@code args} finds, in its order.")
                .addParameter(findMany, "args")
                .addStatement("return $T.map(model.findMany($T.build($T::new, args)), $T::fromMap)", types.values,
                        types.input, model.findManyArgs, record).build());
        out.addMethod(method("count", TypeName.LONG, "The number of records.")
                .addStatement("return model.count()").build());
        out.addMethod(method("count", TypeName.LONG, "The number of records that meet the conditions.")
                .addParameter(Types.consumerOf(model.where), "where")
                .addStatement("$T call = new $T()", types.arguments, types.arguments)
                .addStatement("call.put($S, $T.build($T::new, where))", "where", types.input, model.where)
                .addStatement("return model.count(call)").build());
        if (!model.isView()) {
            writes(model, out, unique);
        }
        out.addMethod(method("dynamic", Types.MODEL_CLIENT, "The dynamic client of this model, which takes and"
                + " returns Prisma-shaped maps.")
                .addStatement("return model").build());
        return out;
    }

    private void writes(ModelInfo model, TypeSpec.Builder out, boolean unique) {
        ClassName record = model.record;
        TypeName args = Types.consumerOf(model.args);
        TypeName create = Types.consumerOf(model.create);
        TypeName update = Types.consumerOf(model.update);
        out.addMethod(method("create", record, "Creates a record (and the related records its data creates).")
                .addParameter(create, "data")
                .addStatement("return create(data, args -> { })").build());
        out.addMethod(method("create", record, "Creates a record, and returns what {@code args} selects of it.")
                .addParameter(create, "data").addParameter(args, "args")
                .addStatement("$T call = $T.build($T::new, args)", types.arguments, types.input, model.args)
                .addStatement("call.put($S, $T.build($T::new, data))", "data", types.input, model.create)
                .addStatement("return $T.fromMap(model.create(call))", record).build());
        out.addMethod(method("createMany", TypeName.LONG, "Creates records in one statement; returns how many.")
                .addParameter(Types.listOf(model.createMany), "data")
                .addStatement("return createMany(data, false)").build());
        out.addMethod(method("createMany", TypeName.LONG, "Creates records in one statement, skipping those that"
                + " would violate a unique constraint when {@code skipDuplicates}; returns how many were created.")
                .addParameter(Types.listOf(model.createMany), "data").addParameter(TypeName.BOOLEAN, "skipDuplicates")
                .addStatement("$T call = new $T()", types.arguments, types.arguments)
                .beginControlFlow("for ($T row : data)", model.createMany)
                .addStatement("call.append($S, row.arguments.copy())", "data")
                .endControlFlow()
                .beginControlFlow("if (data.isEmpty())")
                .addStatement("call.put($S, new $T())", "data", types.items)
                .endControlFlow()
                .beginControlFlow("if (skipDuplicates)")
                .addStatement("call.put($S, true)", "skipDuplicates")
                .endControlFlow()
                .addStatement("return $T.count(model.createMany(call))", types.values).build());
        if (unique) {
            out.addMethod(method("update", record, "Changes the record {@code where} names; {@code P2025} when"
                    + " there is none.")
                    .addParameter(model.whereUnique, "where").addParameter(update, "data")
                    .addStatement("return update(where, data, args -> { })").build());
            out.addMethod(method("update", record, "Changes the record {@code where} names, and returns what"
                    + " {@code args} selects of it; {@code P2025} when there is none.")
                    .addParameter(model.whereUnique, "where").addParameter(update, "data").addParameter(args, "args")
                    .addStatement("$T call = $T.build($T::new, args)", types.arguments, types.input, model.args)
                    .addStatement("call.put($S, where.arguments.copy())", "where")
                    .addStatement("call.put($S, $T.build($T::new, data))", "data", types.input, model.update)
                    .addStatement("return $T.fromMap(model.update(call))", record).build());
        }
        out.addMethod(method("updateMany", TypeName.LONG, "Changes every record that meets the conditions; returns"
                + " how many.")
                .addParameter(Types.consumerOf(model.where), "where")
                .addParameter(Types.consumerOf(model.updateMany), "data")
                .addStatement("$T call = new $T()", types.arguments, types.arguments)
                .addStatement("call.put($S, $T.build($T::new, where))", "where", types.input, model.where)
                .addStatement("call.put($S, $T.build($T::new, data))", "data", types.input, model.updateMany)
                .addStatement("return $T.count(model.updateMany(call))", types.values).build());
        if (unique) {
            out.addMethod(method("upsert", record, "Changes the record {@code where} names, or creates one when"
                    + " there is none.")
                    .addParameter(model.whereUnique, "where").addParameter(create, "create")
                    .addParameter(update, "update")
                    .addStatement("return upsert(where, create, update, args -> { })").build());
            out.addMethod(method("upsert", record, "Changes the record {@code where} names, or creates one when"
                    + " there is none, and returns what {@code args} selects of it.")
                    .addParameter(model.whereUnique, "where").addParameter(create, "create")
                    .addParameter(update, "update").addParameter(args, "args")
                    .addStatement("$T call = $T.build($T::new, args)", types.arguments, types.input, model.args)
                    .addStatement("call.put($S, where.arguments.copy())", "where")
                    .addStatement("call.put($S, $T.build($T::new, create))", "create", types.input, model.create)
                    .addStatement("call.put($S, $T.build($T::new, update))", "update", types.input, model.update)
                    .addStatement("return $T.fromMap(model.upsert(call))", record).build());
            out.addMethod(method("delete", record, "Deletes the record {@code where} names and returns it;"
                    + " {@code P2025} when there is none.")
                    .addParameter(model.whereUnique, "where")
                    .addStatement("return delete(where, args -> { })").build());
            out.addMethod(method("delete", record, "Deletes the record {@code where} names and returns what"
                    + " {@code args} selects of it; {@code P2025} when there is none.")
                    .addParameter(model.whereUnique, "where").addParameter(args, "args")
                    .addStatement("$T call = $T.build($T::new, args)", types.arguments, types.input, model.args)
                    .addStatement("call.put($S, where.arguments.copy())", "where")
                    .addStatement("return $T.fromMap(model.delete(call))", record).build());
        }
        out.addMethod(method("deleteMany", TypeName.LONG, "Deletes every record; returns how many.")
                .addStatement("return $T.count(model.deleteMany(new $T()))", types.values, types.arguments)
                .build());
        out.addMethod(method("deleteMany", TypeName.LONG, "Deletes every record that meets the conditions; returns"
                + " how many.")
                .addParameter(Types.consumerOf(model.where), "where")
                .addStatement("$T call = new $T()", types.arguments, types.arguments)
                .addStatement("call.put($S, $T.build($T::new, where))", "where", types.input, model.where)
                .addStatement("return $T.count(model.deleteMany(call))", types.values).build());
    }

    private static MethodSpec.Builder method(String name, TypeName returns, String doc) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns).addJavadoc("$L\n", doc);
    }
}
