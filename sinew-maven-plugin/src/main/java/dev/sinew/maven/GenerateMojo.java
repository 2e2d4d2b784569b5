package dev.sinew.maven;

import dev.sinew.codegen.ClientGenerator;
import dev.sinew.codegen.CodegenException;
import dev.sinew.codegen.GeneratedSources;
import dev.sinew.codegen.GeneratorSettings;
import dev.sinew.codegen.JavaClientGenerator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.model.Datamodel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the typed Java client of the project's Prisma schema into {@code target/generated-sources/sinew} and
 * adds that folder to the compile sources, so that the build regenerates the client whenever it compiles.
 *
 * <p>The schema's {@code sinew-client-java} generator block gives the Java {@code package} (and an optional
 * {@code clientName}); its {@code output} is for {@code sinew generate} and is not used here: the plugin writes
 * to {@link #outputDirectory}. Only files whose content changed are rewritten, so incremental compiles stay
 * incremental.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    /** The Prisma schema. */
    @Parameter(property = "sinew.schema", defaultValue = "${project.basedir}/prisma/schema.prisma", required = true)
    private File schema;

    /** The source root the client is generated into; added to the project's compile sources. */
    @Parameter(property = "sinew.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/sinew",
            required = true)
    private File outputDirectory;

    /**
     * The Java package of the generated classes, instead of the generator block's {@code package}; with it, the
     * schema needs no generator block.
     */
    @Parameter(property = "sinew.packageName")
    private String packageName;

    /** The client class's simple name, instead of the generator block's {@code clientName} (or SinewClient). */
    @Parameter(property = "sinew.clientName")
    private String clientName;

    /** Skips the generation. */
    @Parameter(property = "sinew.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the typed client (sinew.skip).");
            return;
        }
        Path schemaFile = schema.toPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(schemaFile)) {
            throw new MojoFailureException("No schema file at " + schemaFile + ". Set <schema> in the plugin's"
                    + " configuration (the default is prisma/schema.prisma).");
        }
        String text;
        try {
            text = Files.readString(schemaFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + schemaFile + ": " + e.getMessage(), e);
        }
        String displayName = project.getBasedir().toPath().relativize(schemaFile).toString();
        PrismaSchema.ValidationResult result = PrismaSchema.validate(new SourceFile(displayName, text));
        String diagnostics = result.diagnostics().render();
        if (!result.isValid()) {
            throw new MojoFailureException("The schema at " + displayName + " is invalid:\n" + diagnostics);
        }
        if (!diagnostics.isEmpty()) {
            getLog().warn("\n" + diagnostics);
        }
        Datamodel datamodel = result.datamodel();
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        try {
            for (GeneratorSettings settings : settings(datamodel, schemaFile)) {
                GeneratedSources sources = JavaClientGenerator.generate(text, datamodel, settings);
                GeneratedSources.WriteReport report = sources.writeTo(output);
                getLog().info("Generated the typed client " + settings.packageName() + "." + settings.clientName()
                        + " (" + sources.files().size() + " files: " + report.written() + " written, "
                        + report.unchanged() + " unchanged, " + report.deleted() + " deleted) to " + output);
            }
        } catch (CodegenException e) {
            throw new MojoFailureException(e.line(), e);
        }
        project.addCompileSourceRoot(output.toString());
    }

    /** The generator blocks' settings, with the plugin's packageName and clientName applied. */
    private List<GeneratorSettings> settings(Datamodel datamodel, Path schemaFile) throws MojoFailureException {
        boolean hasBlock = datamodel.generators().stream()
                .anyMatch(g -> g.provider() != null && g.provider().resolve(System.getenv())
                        .map(ClientGenerator.PROVIDER::equals).orElse(false));
        if (!hasBlock && packageName != null) {
            return List.of(new GeneratorSettings(packageName,
                    clientName != null ? clientName : GeneratorSettings.DEFAULT_CLIENT_NAME));
        }
        List<ClientGenerator> generators = ClientGenerator.of(datamodel, schemaFile.getParent(), System.getenv());
        if ((packageName != null || clientName != null) && generators.size() > 1) {
            throw new MojoFailureException("The schema has " + generators.size() + " sinew-client-java generator"
                    + " blocks; <packageName> and <clientName> can only replace the settings of one.");
        }
        return generators.stream().map(g -> new GeneratorSettings(
                packageName != null ? packageName : g.settings().packageName(),
                clientName != null ? clientName : g.settings().clientName())).toList();
    }
}
