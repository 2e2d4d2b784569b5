package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.sinew.codegen.ClientSchema.CompositeInfo;
import dev.sinew.codegen.ClientSchema.FieldInfo;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import dev.sinew.codegen.ClientSchema.RelationInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/** The immutable record of each model (scalar fields, then relation fields) and of each composite type. */
final class RecordWriter {
    private static final TypeName ROW = ParameterizedTypeName.get(Types.MAP, WildcardTypeName.subtypeOf(Object.class),
            WildcardTypeName.subtypeOf(Object.class));

    private final Types types;
    private final Set<String> typeNames;

    /** @param typeNames the simple names of the classes generated code refers to */
    RecordWriter(Types types, Set<String> typeNames) {
        this.types = types;
        this.typeNames = typeNames;
    }

    /**
     * How the record's body names a class: a record component named like a class ({@code Subscription
     * Subscription[]}) obscures the class there, so such classes are written with their package.
     */
    private Function<ClassName, CodeBlock> references(List<String> components) {
        Set<String> obscured = new HashSet<>(components);
        obscured.retainAll(typeNames);
        return name -> obscured.contains(name.simpleName()) ? CodeBlock.of("$L", name.canonicalName())
                : CodeBlock.of("$T", name);
    }

    TypeSpec.Builder model(ModelInfo model) {
        TypeSpec.Builder record = TypeSpec.recordBuilder(model.record).addModifiers(Modifier.PUBLIC);
        record.addJavadoc(Docs.javadoc(model.documentation(), "A record of " + (model.isView() ? "view" : "model")
                + " {@code " + model.name + "}. Scalar fields left out by a {@code select} or {@code omit} are null;"
                + " relation fields are null unless the query included them."));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder read = CodeBlock.builder().add("return new $T(", model.record).indent();
        List<CodeBlock> reads = new ArrayList<>();
        List<String> components = new ArrayList<>();
        model.scalars.forEach(f -> components.add(f.javaName));
        model.relations.forEach(r -> components.add(r.javaName));
        Function<ClassName, CodeBlock> ref = references(components);
        for (FieldInfo field : model.scalars) {
            constructor.addParameter(ParameterSpec.builder(types.fieldType(field), field.javaName).build());
            record.addJavadoc(param(field.javaName, field.field.documentation()));
            reads.add(types.read(field, "row", ref));
        }
        for (RelationInfo relation : model.relations) {
            TypeName type = relation.isList() ? Types.listOf(relation.related.record) : relation.related.record;
            constructor.addParameter(ParameterSpec.builder(type, relation.javaName).build());
            record.addJavadoc(param(relation.javaName, relation.field.documentation()));
            reads.add(CodeBlock.of("$L.$L(row.get($S), $L::fromMap)", ref.apply(types.values),
                    relation.isList() ? "asRecords" : "asRecord", relation.name(), ref.apply(relation.related.record)));
        }
        if (model.count != null) {
            constructor.addParameter(ParameterSpec.builder(model.count, "_count").build());
            record.addJavadoc("@param _count the numbers of related records, when the query asked for them with"
                    + " {@code _count}\n");
            reads.add(CodeBlock.of("$L.asRecord(row.get($S), $L::fromMap)", ref.apply(types.values), "_count",
                    ref.apply(model.count)));
        }
        record.recordConstructor(constructor.build());
        read.add(CodeBlock.join(reads.stream().map(r -> CodeBlock.of("\n$L", r)).toList(), ",")).add(");\n")
                .unindent();
        record.addMethod(MethodSpec.methodBuilder("fromMap").addModifiers(Modifier.STATIC)
                .addJavadoc("The record of a row as the dynamic client returns it.\n")
                .returns(model.record).addParameter(ROW, "row").addCode(read.build()).build());
        return record;
    }

    /** The record of a model's relation counts: one component per to-many relation, null when not counted. */
    TypeSpec.Builder count(ModelInfo model) {
        TypeSpec.Builder record = TypeSpec.recordBuilder(model.count).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The numbers of related records of a record of model {@code $L} ({@code _count}); a"
                        + " relation that was not counted is null.\n", model.name);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        List<CodeBlock> reads = new ArrayList<>();
        for (RelationInfo relation : model.listRelations()) {
            constructor.addParameter(Types.INTEGER, relation.javaName);
            reads.add(CodeBlock.of("$T.asInteger(row.get($S))", types.values, relation.name()));
        }
        record.recordConstructor(constructor.build());
        CodeBlock.Builder read = CodeBlock.builder().add("return new $T(", model.count).indent();
        read.add(CodeBlock.join(reads.stream().map(r -> CodeBlock.of("\n$L", r)).toList(), ",")).add(");\n")
                .unindent();
        return record.addMethod(MethodSpec.methodBuilder("fromMap").addModifiers(Modifier.STATIC)
                .returns(model.count).addParameter(ROW, "row").addCode(read.build()).build());
    }

    TypeSpec.Builder composite(CompositeInfo composite) {
        ClassName name = composite.className;
        TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        record.addJavadoc(Docs.javadoc(composite.type.documentation(), "A value of the composite type {@code "
                + composite.type.name() + "}."));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        List<CodeBlock> reads = new ArrayList<>();
        Function<ClassName, CodeBlock> ref = references(composite.fields.stream().map(f -> f.javaName).toList());
        CodeBlock.Builder write = CodeBlock.builder().addStatement("$L out = new $L()", ref.apply(types.arguments),
                ref.apply(types.arguments));
        for (FieldInfo field : composite.fields) {
            constructor.addParameter(ParameterSpec.builder(types.fieldType(field), field.javaName).build());
            record.addJavadoc(param(field.javaName, field.field.documentation()));
            reads.add(types.read(field, "row", ref));
            write.addStatement("out.put($S, $L)", field.name(), types.write(field,
                    "value." + field.javaName + "()", ref));
        }
        write.addStatement("return out");
        record.recordConstructor(constructor.build());
        CodeBlock.Builder read = CodeBlock.builder().add("return new $T(", name).indent();
        read.add(CodeBlock.join(reads.stream().map(r -> CodeBlock.of("\n$L", r)).toList(), ",")).add(");\n")
                .unindent();
        record.addMethod(MethodSpec.methodBuilder("fromMap").addModifiers(Modifier.STATIC)
                .returns(name).addParameter(ROW, "row").addCode(read.build()).build());
        record.addMethod(MethodSpec.methodBuilder("toArguments").addModifiers(Modifier.STATIC)
                .returns(types.arguments).addParameter(name, "value").addCode(write.build()).build());
        return record;
    }

    private static CodeBlock param(String name, String documentation) {
        String doc = Docs.text(documentation);
        if (doc == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.of("@param $L $L\n", name, doc.replace("\n", " "));
    }
}
