package dev.sinew.schema.validate;

import dev.sinew.schema.ast.SchemaAst;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.model.Datamodel;

/**
 * Validates a parsed schema and resolves it into a {@link Datamodel}, reproducing Prisma's pipeline: names, types,
 * attributes and relations (all always run, so their errors come together with the syntax errors), then the
 * datasource and generators, then, only when all of that found no error, the connector-aware validations.
 *
 * <p>Internal entry point; use {@code dev.sinew.schema.PrismaSchema}.
 */
public final class SchemaValidator {
    private SchemaValidator() {}

    /**
     * Adds the validation diagnostics to {@code diagnostics} (which may already hold syntax errors) and returns the
     * Datamodel, or null when there is any error.
     */
    public static Datamodel validate(SchemaAst ast, Diagnostics diagnostics) {
        Errors errors = new Errors(diagnostics);
        Db db = new Db(ast);
        Names.resolve(db, errors);
        Types.resolve(db, errors);
        Attributes.resolve(db, errors, ast.source());
        Relations.infer(db);
        Configuration.Loaded configuration = Configuration.load(db, errors);
        if (errors.hasErrors()) {
            return null;
        }
        Pipeline.validate(db, errors, configuration);
        if (errors.hasErrors()) {
            return null;
        }
        return DatamodelBuilder.build(db, configuration.datasource(), configuration.generators());
    }

    /**
     * The source of a parsed schema with what {@code prisma format} adds (missing relation fields, scalar fields and
     * {@code @relation} arguments) inserted; the source unchanged when the schema has syntax or resolution errors.
     */
    public static String addMissingBits(SchemaParser.Result parsed) {
        return Reformat.addMissingBits(parsed.ast(), parsed.diagnostics());
    }
}
