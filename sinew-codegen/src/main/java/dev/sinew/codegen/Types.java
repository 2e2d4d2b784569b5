package dev.sinew.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sinew.codegen.ClientSchema.FieldInfo;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.ScalarType;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Java types of the generated code: the JDK's and the dynamic client's, the support classes, and each field's. */
final class Types {
    static final ClassName STRING = ClassName.get("java.lang", "String");
    static final ClassName OBJECT = ClassName.get("java.lang", "Object");
    static final ClassName INTEGER = ClassName.get("java.lang", "Integer");
    static final ClassName LONG = ClassName.get("java.lang", "Long");
    static final ClassName DOUBLE = ClassName.get("java.lang", "Double");
    static final ClassName BOOLEAN = ClassName.get("java.lang", "Boolean");
    static final ClassName OVERRIDE = ClassName.get("java.lang", "Override");
    static final ClassName SAFE_VARARGS = ClassName.get("java.lang", "SafeVarargs");
    static final ClassName ILLEGAL_ARGUMENT = ClassName.get("java.lang", "IllegalArgumentException");
    static final ClassName ILLEGAL_STATE = ClassName.get("java.lang", "IllegalStateException");
    static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
    static final ClassName INSTANT = ClassName.get("java.time", "Instant");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName CONSUMER = ClassName.get("java.util.function", "Consumer");
    static final ClassName FUNCTION = ClassName.get("java.util.function", "Function");
    static final ClassName UNARY_OPERATOR = ClassName.get("java.util.function", "UnaryOperator");
    static final ClassName PATH = ClassName.get("java.nio.file", "Path");
    static final ClassName SINEW = ClassName.get("dev.sinew.client", "Sinew");
    static final ClassName ISOLATION_LEVEL = ClassName.get("dev.sinew.client", "IsolationLevel");
    static final ClassName TRANSACTION_OPTIONS = ClassName.get("dev.sinew.client", "TransactionOptions");
    static final ClassName SINEW_BUILDER = SINEW.nestedClass("Builder");
    static final ClassName MODEL_CLIENT = ClassName.get("dev.sinew.client", "ModelClient");
    static final ClassName TRANSACTION = ClassName.get("dev.sinew.client", "Transaction");
    static final ClassName DATAMODEL = ClassName.get("dev.sinew.schema.model", "Datamodel");
    static final ClassName PRISMA_SCHEMA = ClassName.get("dev.sinew.schema", "PrismaSchema");
    static final ClassName VALIDATION_RESULT = PRISMA_SCHEMA.nestedClass("ValidationResult");
    static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);

    /** Every class outside the package that generated code names; a generated class of the same name is qualified. */
    static final Set<String> EXTERNAL_SIMPLE_NAMES = Stream.of(STRING, OBJECT, INTEGER, LONG, DOUBLE, BOOLEAN,
                    OVERRIDE, SAFE_VARARGS, ILLEGAL_ARGUMENT, ILLEGAL_STATE, BIG_DECIMAL, INSTANT, LIST, MAP, OPTIONAL,
                    CONSUMER, FUNCTION, UNARY_OPERATOR, PATH, SINEW, MODEL_CLIENT, TRANSACTION, DATAMODEL,
                    PRISMA_SCHEMA)
            .map(ClassName::simpleName).collect(Collectors.toUnmodifiableSet());

    private final ClientSchema schema;
    final ClassName arguments;
    final ClassName items;
    final ClassName input;
    final ClassName values;

    Types(ClientSchema schema) {
        this.schema = schema;
        this.arguments = support("SinewArguments");
        this.items = arguments.nestedClass("Items");
        this.input = support("SinewInput");
        this.values = support("SinewValues");
    }

    ClassName support(String simpleName) {
        return schema.className(simpleName);
    }

    static TypeName listOf(TypeName item) {
        return ParameterizedTypeName.get(LIST, item);
    }

    static TypeName consumerOf(TypeName item) {
        return ParameterizedTypeName.get(CONSUMER, item);
    }

    static TypeName optionalOf(TypeName item) {
        return ParameterizedTypeName.get(OPTIONAL, item);
    }

    /** The Java type of one value of the field (the item type for a list). */
    TypeName itemType(FieldInfo field) {
        ScalarType type = field.field.type();
        if (type instanceof ScalarType.EnumRef ref) {
            return schema.enumInfo(ref.enumName()).className();
        }
        if (type instanceof ScalarType.CompositeRef ref) {
            return schema.composite(ref.typeName()).className;
        }
        return switch (field.field.scalarKind()) {
            case STRING, JSON -> STRING;
            case BOOLEAN -> BOOLEAN;
            case INT -> INTEGER;
            case BIG_INT -> LONG;
            case FLOAT -> DOUBLE;
            case DECIMAL -> BIG_DECIMAL;
            case DATE_TIME -> INSTANT;
            case BYTES -> BYTES;
        };
    }

    /** The Java type of the field: a {@code List} of the item type for list fields. */
    TypeName fieldType(FieldInfo field) {
        TypeName item = itemType(field);
        return field.isList() ? listOf(item) : item;
    }

    boolean isComposite(FieldInfo field) {
        return field.field.type() instanceof ScalarType.CompositeRef;
    }

    boolean isEnum(FieldInfo field) {
        return field.field.type() instanceof ScalarType.EnumRef;
    }

    static boolean isNumber(FieldInfo field) {
        ScalarKind kind = field.field.scalarKind();
        return kind == ScalarKind.INT || kind == ScalarKind.BIG_INT || kind == ScalarKind.FLOAT
                || kind == ScalarKind.DECIMAL;
    }

    /**
     * The expression that reads one item of the field from the dynamic client's value {@code value}; {@code ref}
     * writes a class's name (qualified where a record component obscures it).
     */
    CodeBlock readItem(FieldInfo field, CodeBlock value, Function<ClassName, CodeBlock> ref) {
        ScalarType type = field.field.type();
        if (type instanceof ScalarType.EnumRef enumRef) {
            return CodeBlock.of("$L.asEnum($L, $L::fromSchemaName)", ref.apply(values), value,
                    ref.apply(schema.enumInfo(enumRef.enumName()).className()));
        }
        if (type instanceof ScalarType.CompositeRef compositeRef) {
            return CodeBlock.of("$L.asRecord($L, $L::fromMap)", ref.apply(values), value,
                    ref.apply(schema.composite(compositeRef.typeName()).className));
        }
        return CodeBlock.of("$L.$L($L)", ref.apply(values), reader(field.field.scalarKind()), value);
    }

    /** The expression that reads the field from the row map {@code row}. */
    CodeBlock read(FieldInfo field, String row, Function<ClassName, CodeBlock> ref) {
        CodeBlock value = CodeBlock.of("$L.get($S)", row, field.name());
        if (!field.isList()) {
            return readItem(field, value, ref);
        }
        return CodeBlock.of("$L.asList($L, item -> $L)", ref.apply(values), value,
                readItem(field, CodeBlock.of("item"), ref));
    }

    /** The expression that turns {@code value} (of the field's Java type) into what the dynamic client takes. */
    CodeBlock write(FieldInfo field, String value) {
        return write(field, value, name -> CodeBlock.of("$T", name));
    }

    /** As {@link #write(FieldInfo, String)}, with {@code ref} writing class names. */
    CodeBlock write(FieldInfo field, String value, Function<ClassName, CodeBlock> ref) {
        if (field.field.type() instanceof ScalarType.CompositeRef compositeRef) {
            CodeBlock composite = ref.apply(schema.composite(compositeRef.typeName()).className);
            if (field.isList()) {
                return CodeBlock.of("$L.map($L, $L::toArguments)", ref.apply(values), value, composite);
            }
            return CodeBlock.of("$L == null ? null : $L.toArguments($L)", value, composite, value);
        }
        return CodeBlock.of("$L.toClient($L)", ref.apply(values), value);
    }

    private static String reader(ScalarKind kind) {
        return switch (kind) {
            case STRING -> "asString";
            case JSON -> "asJson";
            case BOOLEAN -> "asBoolean";
            case INT -> "asInteger";
            case BIG_INT -> "asLong";
            case FLOAT -> "asDouble";
            case DECIMAL -> "asDecimal";
            case DATE_TIME -> "asInstant";
            case BYTES -> "asBytes";
        };
    }

    /** The names of the fields, for messages. */
    static String names(List<FieldInfo> fields) {
        return fields.stream().map(FieldInfo::name).collect(Collectors.joining(", "));
    }
}
