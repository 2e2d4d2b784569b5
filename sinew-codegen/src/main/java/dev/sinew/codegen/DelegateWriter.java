package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import javax.lang.model.element.Modifier;

/**
 * Per model, its operations with types ({@code db.user()}): a subclass of the support class ModelOperations (or
 * ViewOperations for a view: reads only) that gives it the model's record mapper and builders.
 */
final class DelegateWriter {
    private final Types types;

    DelegateWriter(Types types) {
        this.types = types;
    }

    TypeSpec.Builder delegate(ModelInfo model) {
        boolean view = model.isView();
        ClassName base = types.support(view ? "ViewOperations" : "ModelOperations");
        TypeName superclass = view
                ? ParameterizedTypeName.get(base, model.record, model.whereUnique, model.where, model.args,
                model.findManyArgs)
                : ParameterizedTypeName.get(base, model.record, model.whereUnique, model.where, model.args,
                model.findManyArgs, model.create, model.createMany, model.update, model.updateMany);
        CodeBlock.Builder call = CodeBlock.builder().add("super(model, $T::fromMap, $T::new, $T::new, $T::new",
                model.record, model.where, model.args, model.findManyArgs);
        if (!view) {
            call.add(", $T::new, $T::new, $T::new", model.create, model.update, model.updateMany);
        }
        return TypeSpec.classBuilder(model.delegate).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(superclass)
                .addJavadoc("The operations on $L {@code $L}$L, with Prisma Client's names.\n",
                        view ? "view" : "model", model.name, view ? " (reads only)" : "")
                .addMethod(MethodSpec.constructorBuilder().addParameter(Types.MODEL_CLIENT, "model")
                        .addStatement(call.add(")").build()).build());
    }
}
