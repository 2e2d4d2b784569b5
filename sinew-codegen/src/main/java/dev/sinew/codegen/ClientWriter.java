package dev.sinew.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The client class: how to connect (with the schema embedded at generation, or a schema file), one accessor per
 * model, interactive transactions with the same accessors, and raw SQL.
 */
final class ClientWriter {
    /** Characters per string constant of the embedded schema; class file constants hold at most 65535 bytes. */
    private static final int SCHEMA_CHUNK = 8000;

    private final ClientSchema schema;
    private final Types types;

    ClientWriter(ClientSchema schema, Types types) {
        this.schema = schema;
        this.types = types;
    }

    TypeSpec.Builder client(String schemaText) {
        ClassName self = schema.client;
        ClassName transaction = self.nestedClass("Transaction");
        ClassName embedded = self.nestedClass("EmbeddedSchema");
        String first = schema.models.isEmpty() ? null : schema.models.get(0).accessor;
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addJavadoc("The typed client of the schema: one accessor per model, each with Prisma Client's"
                        + " operations.\n\n<pre>{@code\ntry ($T db = $T.connect()) {\n", self, self)
                .addJavadoc(first == null ? "" : "    db." + first + "().findMany();\n")
                .addJavadoc("}\n}</pre>\n\n<p>It runs on the dynamic client ({@link $T}), which does the work:"
                        + " queries, transactions, and the relation mode.\n<p>Thread-safe; holds a connection pool,"
                        + " so close it.\n", Types.SINEW)
                .addField(FieldSpec.builder(Types.SINEW, "sinew", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(Types.SINEW, "sinew").addStatement("this.sinew = sinew").build());
        out.addMethod(MethodSpec.methodBuilder("connect").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addJavadoc("A client for the schema this class was generated from, connecting to its datasource's"
                        + " URL\n(an {@code env(\"...\")} is read from the process's environment; a relative SQLite"
                        + " path starts at the working directory).\n")
                .addStatement("return new $T($T.builder().datamodel(datamodel()).build())", self, Types.SINEW)
                .build());
        out.addMethod(MethodSpec.methodBuilder("connect").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addJavadoc("A client for the schema this class was generated from, with settings:\n"
                        + "{@code connect(b -> b.url(\"jdbc:sqlite:dev.db\").checkOnCreate(false))}. With"
                        + " {@code b.schema(path)},\nthat file's datasource is used (its URL and relation mode; a"
                        + " {@code .env} beside it is read, relative SQLite\npaths start at its folder); its models"
                        + " must still be the ones this class was generated from.\n")
                .addParameter(ParameterizedTypeName.get(Types.UNARY_OPERATOR, Types.SINEW_BUILDER), "settings")
                .addStatement("return new $T(settings.apply($T.builder().datamodel(datamodel())).build())", self,
                        Types.SINEW)
                .build());
        out.addMethod(MethodSpec.methodBuilder("connect").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addJavadoc("A client for a schema file read now (it must still match the generated classes),"
                        + " connecting to its datasource's URL.\n")
                .addParameter(Types.PATH, "schema")
                .addStatement("return new $T($T.connect(schema))", self, Types.SINEW).build());
        out.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("The typed client over a dynamic client built elsewhere (for the same schema).\n")
                .addParameter(Types.SINEW, "sinew")
                .addStatement("return new $T(sinew)", self).build());
        out.addMethod(MethodSpec.methodBuilder("datamodel").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Types.DATAMODEL)
                .addJavadoc("The schema this class was generated from, validated.\n")
                .addStatement("return $T.DATAMODEL", embedded).build());
        out.addMethod(MethodSpec.methodBuilder("schema").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Types.STRING)
                .addJavadoc("The text of the schema this class was generated from.\n")
                .addStatement("return $T.TEXT", embedded).build());
        for (ModelInfo model : schema.models) {
            out.addMethod(accessor(model, "sinew"));
        }
        out.addMethod(transactionOverload(transaction, null, null, "Runs {@code body} in one interactive"
                + " transaction: it commits when the body returns and rolls back when it throws.\n"));
        out.addMethod(transactionOverload(transaction, Types.ISOLATION_LEVEL, "level", "Runs {@code body} in one"
                + " interactive transaction at the isolation {@code level}: it commits when the body returns and rolls"
                + " back when it throws.\n"));
        out.addMethod(transactionOverload(transaction, Types.TRANSACTION_OPTIONS, "options", "Runs {@code body} in"
                + " one interactive transaction with the {@code options} (isolation level, timeout): it commits when"
                + " the body returns and rolls back when it throws.\n"));
        raw(out, "sinew");
        out.addMethod(MethodSpec.methodBuilder("dynamic").addModifiers(Modifier.PUBLIC).returns(Types.SINEW)
                .addJavadoc("The dynamic client underneath, which takes and returns Prisma-shaped maps.\n")
                .addStatement("return sinew").build());
        out.addMethod(MethodSpec.methodBuilder("close").addModifiers(Modifier.PUBLIC).addAnnotation(Types.OVERRIDE)
                .addJavadoc("Closes the connection pool.\n")
                .addStatement("sinew.close()").build());
        out.addType(transaction(transaction));
        out.addType(embedded(embedded, schemaText));
        return out;
    }

    private MethodSpec accessor(ModelInfo model, String source) {
        return MethodSpec.methodBuilder(model.accessor).addModifiers(Modifier.PUBLIC).returns(model.delegate)
                .addJavadoc(Docs.javadoc(model.documentation(), "The operations on " + (model.isView() ? "view"
                        : "model") + " {@code " + model.name + "}."))
                .addStatement("return new $T($L.model($S))", model.delegate, source, model.name).build();
    }

    private void raw(TypeSpec.Builder out, String source) {
        out.addMethod(MethodSpec.methodBuilder("executeRaw").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("Runs a statement with {@code ?} parameters, as Prisma's {@code $$executeRaw}: never"
                        + " emulated; returns the update count.\n")
                .addParameter(Types.STRING, "sql").addParameter(ArrayTypeName.of(Types.OBJECT), "params")
                .varargs(true)
                .addStatement("return $L.executeRaw(sql, params)", source).build());
        out.addMethod(MethodSpec.methodBuilder("queryRaw").addModifiers(Modifier.PUBLIC)
                .returns(Types.listOf(ParameterizedTypeName.get(Types.MAP, Types.STRING, Types.OBJECT)))
                .addJavadoc("Runs a query with {@code ?} parameters, as Prisma's {@code $$queryRaw}; column label to"
                        + " value per row.\n")
                .addParameter(Types.STRING, "sql").addParameter(ArrayTypeName.of(Types.OBJECT), "params")
                .varargs(true)
                .addStatement("return $L.queryRaw(sql, params)", source).build());
    }

    /**
     * {@code transaction([setting,] body)}: the dynamic client's overload of the same {@code setting} (none where
     * null), the body given the typed transaction.
     */
    private static MethodSpec transactionOverload(ClassName transaction, ClassName settingType, String setting,
                                                  String javadoc) {
        TypeVariableName t = TypeVariableName.get("T");
        MethodSpec.Builder method = MethodSpec.methodBuilder("transaction").addModifiers(Modifier.PUBLIC)
                .addTypeVariable(t).returns(t).addJavadoc(javadoc);
        if (settingType != null) {
            method.addParameter(settingType, setting);
        }
        return method.addParameter(ParameterizedTypeName.get(Types.FUNCTION, transaction, t), "body")
                .addStatement("return sinew.transaction(" + (setting == null ? "" : setting + ", ")
                        + "tx -> body.apply(new $T(tx)))", transaction)
                .build();
    }

    private TypeSpec transaction(ClassName self) {
        TypeSpec.Builder out = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("An interactive transaction: the same accessors, all on one connection.\n")
                .addField(FieldSpec.builder(Types.TRANSACTION, "transaction", Modifier.PRIVATE, Modifier.FINAL)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(Types.TRANSACTION, "transaction")
                        .addStatement("this.transaction = transaction").build());
        for (ModelInfo model : schema.models) {
            out.addMethod(accessor(model, "transaction"));
        }
        raw(out, "transaction");
        out.addMethod(MethodSpec.methodBuilder("dynamic").addModifiers(Modifier.PUBLIC).returns(Types.TRANSACTION)
                .addJavadoc("The dynamic client's transaction underneath.\n")
                .addStatement("return transaction").build());
        return out.build();
    }

    /** The schema text in chunks (string constants are limited in size), validated on first use. */
    private TypeSpec embedded(ClassName self, String schemaText) {
        List<CodeBlock> chunks = new ArrayList<>();
        int start = 0;
        while (start < schemaText.length()) {
            int end = Math.min(schemaText.length(), start + SCHEMA_CHUNK);
            if (end < schemaText.length() && Character.isHighSurrogate(schemaText.charAt(end - 1))) {
                end--;
            }
            chunks.add(CodeBlock.of("$S", schemaText.substring(start, end)));
            start = end;
        }
        CodeBlock text = CodeBlock.builder().add("$T.join($S", Types.STRING, "")
                .add(CodeBlock.join(chunks.stream().map(c -> CodeBlock.of(",\n$L", c)).toList(), ""))
                .add(")").build();
        return TypeSpec.classBuilder(self).addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schema, parsed when first asked for.\n")
                .addField(FieldSpec.builder(Types.STRING, "TEXT", Modifier.STATIC, Modifier.FINAL)
                        .initializer(text).build())
                .addField(FieldSpec.builder(Types.DATAMODEL, "DATAMODEL", Modifier.STATIC, Modifier.FINAL)
                        .initializer("validate()").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("validate").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(Types.DATAMODEL)
                        .addStatement("$T result = $T.validate($S, TEXT)", Types.VALIDATION_RESULT,
                                Types.PRISMA_SCHEMA, "schema.prisma")
                        .beginControlFlow("if (!result.isValid())")
                        .addStatement("throw new $T($S + result.diagnostics().render())", Types.ILLEGAL_STATE,
                                "The embedded schema is invalid:\n")
                        .endControlFlow()
                        .addStatement("return result.datamodel()").build())
                .build();
    }
}
