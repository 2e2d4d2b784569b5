package dev.sinew.migrate.introspect;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.Comment;
import dev.sinew.schema.ast.CommentBlock;
import dev.sinew.schema.ast.SchemaAst;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.ast.Top;
import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.ScalarField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The schema file that {@code db pull} re-introspects into: its configuration blocks are kept, and its models, enums,
 * names, relations and comments guide the result wherever they still match the database.
 */
public final class ExistingSchema {
    private final SourceFile source;
    private final SchemaAst ast;
    private final Datamodel datamodel;
    private final Diagnostics diagnostics;
    private final boolean modelsIgnored;
    private Map<String, Model> modelsByTable;
    private Map<String, Block> blocksByName;
    private Map<Block, List<String>> commentsAbove;

    private ExistingSchema(SourceFile source, SchemaAst ast, Datamodel datamodel, Diagnostics diagnostics,
                           boolean modelsIgnored) {
        this.source = source;
        this.ast = ast;
        this.datamodel = datamodel;
        this.diagnostics = diagnostics;
        this.modelsIgnored = modelsIgnored;
    }

    /** Parses and validates the user's schema; check {@link #isValid()} before introspecting into it. */
    public static ExistingSchema read(SourceFile source) {
        SchemaParser.Result parsed = SchemaParser.parse(source);
        PrismaSchema.ValidationResult validation = PrismaSchema.validate(source);
        return new ExistingSchema(source, parsed.ast(), validation.datamodel(), validation.diagnostics(), false);
    }

    /**
     * The same schema with its models and enums left out ({@code db pull --force}): only the datasource and
     * generator blocks are kept.
     */
    public ExistingSchema withoutModels() {
        return new ExistingSchema(source, ast, datamodel, diagnostics, true);
    }

    /** Whether the schema has no error (warnings allowed). */
    public boolean isValid() {
        return datamodel != null;
    }

    /** Every diagnostic of the schema. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The resolved schema; null when it is invalid. */
    public Datamodel datamodel() {
        return datamodel;
    }

    public SourceFile source() {
        return source;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What introspection matches against

    /** The models (not views) that re-introspection may match to tables, in schema order. */
    List<Model> models() {
        if (modelsIgnored) {
            return List.of();
        }
        return datamodel.models().stream().filter(m -> !m.view()).toList();
    }

    List<EnumType> enums() {
        return modelsIgnored ? List.of() : datamodel.enums();
    }

    Optional<Model> modelForTable(String table) {
        if (modelsByTable == null) {
            modelsByTable = new HashMap<>();
            for (Model model : models()) {
                modelsByTable.putIfAbsent(model.tableName(), model);
            }
        }
        return Optional.ofNullable(modelsByTable.get(table));
    }

    static Optional<ScalarField> fieldForColumn(Model model, String column) {
        return model.scalarFields().stream().filter(f -> f.columnName().equals(column)).findFirst();
    }

    /** The name of the datasource block, the prefix of native type attributes ({@code @db.Text}). */
    String datasourceName() {
        return datamodel.datasource().map(ds -> ds.name()).orElse("db");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Text and comments kept from the file

    /**
     * The datasource and generator blocks as written, each with the comments above it, in file order; the legacy
     * {@code referentialIntegrity} property is renamed {@code relationMode}.
     */
    List<String> configurationBlocks() {
        return blocksWithComments(block -> block.kind() == Block.Kind.DATASOURCE
                || block.kind() == Block.Kind.GENERATOR, this::configurationText);
    }

    /**
     * The {@code view} blocks as written, each with the comments above it. Sinew does not read views from the
     * database, so re-introspection keeps the user's.
     */
    List<String> viewBlocks() {
        if (modelsIgnored) {
            return List.of();
        }
        return blocksWithComments(block -> block.kind() == Block.Kind.VIEW, block -> source.slice(block.span()));
    }

    /** The {@code which} blocks in file order, each as {@code text} gives it, after the comments right above it. */
    private List<String> blocksWithComments(Predicate<Block> which, Function<Block, String> text) {
        List<String> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Top top : ast.tops()) {
            if (top instanceof Top.Comments comments) {
                pending.addAll(commentLines(comments.block(), true));
            } else if (top instanceof Block block) {
                if (which.test(block)) {
                    StringBuilder withComments = new StringBuilder();
                    pending.forEach(line -> withComments.append(line).append('\n'));
                    out.add(withComments.append(text.apply(block)).toString());
                }
                pending.clear();
            } else if (!(top instanceof Top.EmptyLines)) {
                pending.clear();
            }
        }
        return out;
    }

    private String configurationText(Block block) {
        String text = source.slice(block.span());
        for (BlockEntry.Property property : block.properties()) {
            if (property.name().name().equals("referentialIntegrity")) {
                int at = property.name().span().start() - block.span().start();
                text = text.substring(0, at) + "relationMode" + text.substring(at + "referentialIntegrity".length());
            }
        }
        return text;
    }

    /**
     * The datasource and generator blocks alone, as written (for {@code db pull --force}, which reads nothing else
     * of a schema that may not even be valid).
     */
    public List<String> configurationOnly() {
        List<String> out = new ArrayList<>();
        for (Block block : ast.blocks()) {
            if (block.kind() == Block.Kind.DATASOURCE || block.kind() == Block.Kind.GENERATOR) {
                out.add(source.slice(block.span()) + "\n");
            }
        }
        return out;
    }

    /** The comment lines after the last block of the file. */
    List<String> trailingComments() {
        List<String> out = new ArrayList<>();
        for (Top top : ast.tops()) {
            if (top instanceof Top.Comments comments) {
                out.addAll(commentLines(comments.block(), true));
            } else if (!(top instanceof Top.EmptyLines)) {
                out.clear();
            }
        }
        return out;
    }

    /** The comments of a model or enum block and of what it holds. */
    BlockComments commentsOf(String kindKeyword, String name) {
        if (blocksByName == null) {
            indexBlocks();
        }
        Block found = blocksByName.get(kindKeyword + " " + name);
        if (found == null) {
            return BlockComments.NONE;
        }
        List<String> above = commentsAbove.getOrDefault(found, List.of());
        Map<String, Psl.Comments> entries = new HashMap<>();
        List<String> leading = new ArrayList<>();
        for (BlockEntry entry : found.entries()) {
            if (entry instanceof BlockEntry.Comments comments) {
                leading.addAll(commentLines(comments.block(), false));
            } else if (entry instanceof BlockEntry.Field field) {
                entries.put(field.name().name(), new Psl.Comments(leading, trailing(field.trailingComment())));
                leading = new ArrayList<>();
            } else if (entry instanceof BlockEntry.EnumValue value) {
                entries.put(value.name().name(), new Psl.Comments(leading, trailing(value.trailingComment())));
                leading = new ArrayList<>();
            } else if (entry instanceof BlockEntry.BlockAttribute attribute) {
                entries.put(attributeKey(found, attribute.attribute()),
                        new Psl.Comments(leading, trailing(attribute.trailingComment())));
                leading = new ArrayList<>();
            } else if (!(entry instanceof BlockEntry.EmptyLines)) {
                leading = new ArrayList<>();
            }
        }
        String open = found.openTrailer() == null ? null : found.openTrailer().strip();
        String blockTrailing = open != null && open.startsWith("//") && !open.startsWith("///") ? open : null;
        return new BlockComments(new Psl.Comments(above, blockTrailing, leading), entries);
    }

    /** Every model and enum block by keyword and name, with the comment lines directly above it. */
    private void indexBlocks() {
        blocksByName = new HashMap<>();
        commentsAbove = new java.util.IdentityHashMap<>();
        List<String> pending = new ArrayList<>();
        for (Top top : ast.tops()) {
            if (top instanceof Top.Comments comments) {
                pending.addAll(commentLines(comments.block(), false));
            } else if (top instanceof Block block) {
                blocksByName.putIfAbsent(block.kind().keyword() + " " + block.name().name(), block);
                commentsAbove.put(block, List.copyOf(pending));
                pending.clear();
            } else if (!(top instanceof Top.EmptyLines)) {
                pending.clear();
            }
        }
    }

    /**
     * How a block attribute is found again after introspection: an index by its database name, the other block
     * attributes by their name ({@code @@id}, {@code @@map}, …).
     */
    private String attributeKey(Block block, Attribute attribute) {
        if (block.kind() == Block.Kind.MODEL && datamodel != null) {
            Optional<Model> model = datamodel.model(block.name().name());
            if (model.isPresent()) {
                for (dev.sinew.schema.model.Index index : model.get().indexes()) {
                    if (index.span() != null && index.span().equals(attribute.span())) {
                        return indexKey(index.databaseName());
                    }
                }
            }
        }
        return "@@" + attribute.name();
    }

    static String indexKey(String databaseName) {
        return "index:" + databaseName;
    }

    private static String trailing(Comment comment) {
        if (comment == null || comment.kind() == Comment.Kind.DOC) {
            return null;
        }
        return comment.text().strip();
    }

    private static List<String> commentLines(CommentBlock block, boolean withDocumentation) {
        List<String> out = new ArrayList<>();
        for (Comment c : block.comments()) {
            if (c.kind() != Comment.Kind.DOC || withDocumentation) {
                out.add(c.text().strip());
            }
        }
        return out;
    }

    /**
     * The comments of one model or enum.
     *
     * @param block   the lines above the block, the comment after its opening brace and the lines before its
     *                closing brace
     * @param entries by field or value name, or by block attribute key
     */
    record BlockComments(Psl.Comments block, Map<String, Psl.Comments> entries) {
        static final BlockComments NONE = new BlockComments(Psl.Comments.NONE, Map.of());

        Psl.Comments entry(String key) {
            return entries.getOrDefault(key, Psl.Comments.NONE);
        }
    }
}
