package dev.sinew.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.EnumInfo;
import dev.sinew.codegen.ClientSchema.FieldInfo;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import dev.sinew.schema.model.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A Java enum per schema enum, and per model the enum of its scalar fields (for {@code distinct} and
 * {@code omit}). Names come from switches rather than fields, so that no value's name can clash with a field.
 */
final class EnumWriter {
    private final Types types;

    EnumWriter(Types types) {
        this.types = types;
    }

    TypeSpec.Builder schemaEnum(EnumInfo info) {
        EnumType type = info.type();
        TypeSpec.Builder out = TypeSpec.enumBuilder(info.className()).addModifiers(Modifier.PUBLIC)
                .addSuperinterface(types.support("SinewEnum"))
                .addJavadoc(Docs.javadoc(type.documentation(), "The values of enum {@code " + type.name() + "}."));
        Set<String> taken = JavaNames.newNameSet();
        List<String> constants = new ArrayList<>();
        for (EnumType.Value value : type.values()) {
            String constant = JavaNames.unique(JavaNames.constant(value.name()), taken);
            constants.add(constant);
            String doc = Docs.text(value.documentation());
            TypeSpec.Builder body = TypeSpec.anonymousClassBuilder("");
            if (doc != null) {
                body.addJavadoc("$L\n", doc);
            }
            out.addEnumConstant(constant, body.build());
        }
        CodeBlock.Builder schemaName = CodeBlock.builder().add("return switch (this) {\n").indent();
        CodeBlock.Builder databaseName = CodeBlock.builder().add("return switch (this) {\n").indent();
        CodeBlock.Builder byName = CodeBlock.builder().add("return switch (name) {\n").indent();
        for (int i = 0; i < constants.size(); i++) {
            EnumType.Value value = type.values().get(i);
            schemaName.add("case $L -> $S;\n", constants.get(i), value.name());
            databaseName.add("case $L -> $S;\n", constants.get(i), value.storedName());
            byName.add("case $S -> $L;\n", value.name(), constants.get(i));
        }
        byName.add("default -> throw new $T($S + name);\n", Types.ILLEGAL_ARGUMENT,
                "No value of enum " + type.name() + " is named ");
        out.addMethod(MethodSpec.methodBuilder("schemaName").addModifiers(Modifier.PUBLIC)
                .addAnnotation(Types.OVERRIDE).returns(Types.STRING)
                .addJavadoc("The value's name in the schema, which the client reads and writes.\n")
                .addCode(schemaName.unindent().add("};\n").build()).build());
        out.addMethod(MethodSpec.methodBuilder("databaseName").addModifiers(Modifier.PUBLIC).returns(Types.STRING)
                .addJavadoc("The value stored in the database: its {@code @map} name, else its name.\n")
                .addCode(databaseName.unindent().add("};\n").build()).build());
        out.addMethod(MethodSpec.methodBuilder("fromSchemaName").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(info.className()).addParameter(Types.STRING, "name")
                .addJavadoc("The value with this schema name.\n\n@throws IllegalArgumentException when there is"
                        + " none\n")
                .addCode(byName.unindent().add("};\n").build()).build());
        return out;
    }

    /** Only for models with scalar fields (Java enums need a constant). */
    TypeSpec.Builder scalarFields(ModelInfo model) {
        TypeSpec.Builder out = TypeSpec.enumBuilder(model.scalarField).addModifiers(Modifier.PUBLIC)
                .addSuperinterface(types.support("SinewEnum"))
                .addJavadoc("The scalar fields of model {@code $L}, for {@code distinct} and {@code omit}.\n",
                        model.name);
        Set<String> taken = JavaNames.newNameSet();
        CodeBlock.Builder schemaName = CodeBlock.builder().add("return switch (this) {\n").indent();
        for (FieldInfo field : model.scalars) {
            String constant = JavaNames.unique(JavaNames.upperSnake(field.name()), taken);
            String doc = Docs.text(field.field.documentation());
            TypeSpec.Builder body = TypeSpec.anonymousClassBuilder("");
            body.addJavadoc("$L\n", doc != null ? doc : "The field {@code " + field.name() + "}.");
            out.addEnumConstant(constant, body.build());
            schemaName.add("case $L -> $S;\n", constant, field.name());
        }
        out.addMethod(MethodSpec.methodBuilder("schemaName").addModifiers(Modifier.PUBLIC).returns(Types.STRING)
                .addAnnotation(Types.OVERRIDE).addJavadoc("The field's name in the schema.\n")
                .addCode(schemaName.unindent().add("};\n").build()).build());
        return out;
    }
}
