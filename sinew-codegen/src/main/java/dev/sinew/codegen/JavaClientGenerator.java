package dev.sinew.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.sinew.codegen.ClientSchema.CompositeInfo;
import dev.sinew.codegen.ClientSchema.EnumInfo;
import dev.sinew.codegen.ClientSchema.ModelInfo;
import dev.sinew.schema.model.Datamodel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Generates the typed Java client of a schema: a record per model and composite type, an enum per enum, per model
 * the builders of {@code where}, unique where, create and update data, {@code select}/{@code include},
 * {@code orderBy} and read arguments, a delegate with the model's operations, and the client class with one
 * accessor per model. The generated code runs on {@code dev.sinew.client} (the dynamic client), which it needs on
 * the class path, and compiles without warnings under {@code -Xlint:all}.
 *
 * <pre>{@code
 * GeneratedSources sources = JavaClientGenerator.generate(schemaText, datamodel, GeneratorSettings.of("com.example.db"));
 * sources.writeTo(Path.of("target/generated-sources/sinew"));
 * }</pre>
 */
public final class JavaClientGenerator {
    private static final String SUPPORT_FOLDER = "/dev/sinew/codegen/support/";

    private JavaClientGenerator() {
    }

    /**
     * The client's sources for a valid schema.
     *
     * @param schemaText the schema's text, embedded in the client class so that it runs without the file
     * @param datamodel  the schema's Datamodel (the text validated)
     * @param settings   the package and the client class's name
     * @throws CodegenException when names of the schema would clash in Java
     */
    public static GeneratedSources generate(String schemaText, Datamodel datamodel, GeneratorSettings settings) {
        Objects.requireNonNull(schemaText, "schemaText");
        ClientSchema schema = new ClientSchema(Objects.requireNonNull(datamodel), Objects.requireNonNull(settings));
        Types types = new Types(schema);
        Set<String> qualified = new LinkedHashSet<>(schema.topLevelNames.keySet());
        qualified.retainAll(Types.EXTERNAL_SIMPLE_NAMES);
        String[] alwaysQualify = qualified.toArray(String[]::new);

        Set<String> typeNames = new LinkedHashSet<>(schema.topLevelNames.keySet());
        typeNames.addAll(Types.EXTERNAL_SIMPLE_NAMES);
        RecordWriter records = new RecordWriter(types, typeNames);
        EnumWriter enums = new EnumWriter(types);
        FilterWriter filters = new FilterWriter(types);
        DataWriter data = new DataWriter(types);
        ReadWriter reads = new ReadWriter(types);
        DelegateWriter delegates = new DelegateWriter(types);
        String packageName = settings.packageName();
        Function<TypeSpec.Builder, GeneratedFile> emit = builder -> {
            // Qualified before build(): TypeSpec.toBuilder() loses a record's components.
            TypeSpec spec = (alwaysQualify.length == 0 ? builder : builder.alwaysQualify(alwaysQualify)).build();
            String source = JavaFile.builder(packageName, spec).indent("    ").addFileComment("$L", MARKER_COMMENT)
                    .build().toString();
            return new GeneratedFile(packageName.replace('.', '/') + "/" + spec.name() + ".java",
                    Docs.wrapJavadoc(source));
        };

        List<GeneratedFile> files = new ArrayList<>();
        for (EnumInfo info : schema.enums) {
            files.add(emit.apply(enums.schemaEnum(info)));
        }
        for (CompositeInfo info : schema.composites) {
            files.add(emit.apply(records.composite(info)));
        }
        // Each model's classes are built and written on their own, on all cores, so that the JavaPoet trees of
        // only a few models are alive at a time.
        files.addAll(schema.models.parallelStream().flatMap(model -> {
            List<TypeSpec.Builder> specs = new ArrayList<>(List.of(records.model(model), filters.where(model),
                    filters.whereUnique(model), data.create(model), data.createMany(model), data.update(model),
                    data.updateMany(model), reads.select(model), reads.include(model), reads.args(model),
                    reads.findManyArgs(model), reads.orderBy(model)));
            if (!model.scalars.isEmpty()) {
                specs.add(enums.scalarFields(model));
            }
            if (model.count != null) {
                specs.add(records.count(model));
                specs.add(reads.countSelect(model));
            }
            specs.add(delegates.delegate(model));
            return specs.stream().map(emit);
        }).toList());
        files.add(emit.apply(new ClientWriter(schema, types).client(schemaText)));
        for (String support : ClientSchema.SUPPORT_CLASSES) {
            files.add(new GeneratedFile(packageName.replace('.', '/') + "/" + support + ".java",
                    support(support, packageName)));
        }
        return new GeneratedSources(files);
    }

    /** The file comment after {@code //}: {@link GeneratedFile#MARKER} without its slashes, and what to do. */
    private static final String MARKER_COMMENT = GeneratedFile.MARKER.substring(3)
            + " from the Prisma schema. Do not edit: generate again.";

    private static String support(String name, String packageName) {
        String resource = SUPPORT_FOLDER + name + ".java.tmpl";
        try (InputStream in = JavaClientGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return "// " + MARKER_COMMENT + "\n" + template.replace("__PACKAGE__", packageName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
