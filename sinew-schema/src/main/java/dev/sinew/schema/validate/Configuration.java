package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.Span;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.ConfigValue;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.Generator;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.RelationMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the {@code datasource} and {@code generator} blocks, with Prisma's checks and messages: the provider,
 * the relation mode (and its legacy name), multi-schema and extension settings, preview features.
 *
 * <p>Sinew differs from Prisma 7 on purpose in one place: {@code url}, {@code directUrl} and
 * {@code shadowDatabaseUrl} are accepted in the datasource (a literal or {@code env("NAME")}), because a Java
 * project has no {@code prisma.config.ts} to hold them.
 */
final class Configuration {
    /** Preview features that still exist, for every connector. */
    private static final List<String> ACTIVE_FEATURES = List.of("nativeDistinct", "partialIndexes",
            "postgresqlExtensions", "relationJoins", "schemaEngineDriverAdapters", "shardKeys",
            "strictUndefinedChecks", "typedSql", "views");
    /** Preview features Prisma accepts without listing them. */
    private static final Set<String> HIDDEN_FEATURES = Set.of("reactNative");
    /** Preview features that only PostgreSQL still knows. */
    private static final List<String> POSTGRES_FEATURES = List.of("fullTextSearchPostgres");
    /** Former preview features that are now generally available: a warning, not an error. */
    private static final Set<String> DEPRECATED_FEATURES = Set.of("aggregateApi", "atomicNumberOperations",
            "clientExtensions", "cockroachdb", "connectOrCreate", "createMany", "dataProxy", "deno", "distinct",
            "driverAdapters", "extendedIndexes", "extendedWhereUnique", "fieldReference", "filteredRelationCount",
            "fullTextIndex", "fullTextSearch", "groupBy", "improvedQueryRaw", "interactiveTransactions",
            "jsonProtocol", "microsoftSqlServer", "middlewares", "mongoDb", "mongodb", "multiSchema", "nApi",
            "namedConstraints", "napi", "nativeTypes", "omitApi", "orderByAggregateGroup", "orderByNulls",
            "orderByRelation", "prismaSchemaFolder", "queryCompiler", "referentialActions", "referentialIntegrity",
            "selectRelationCount", "tracing", "transactionApi", "uncheckedScalarInputs");

    private static final Set<String> DATASOURCE_PROPERTIES = Set.of("provider", "url", "directUrl",
            "shadowDatabaseUrl", "relationMode", "referentialIntegrity", "schemas", "extensions");

    private final Errors errors;
    private final Coerce coerce;
    private Span extensionsSpan;

    /** The result: the datasource (or null) and the generators. */
    record Loaded(Datasource datasource, List<Generator> generators, Set<String> previewFeatures,
                  Span extensionsSpan) {}

    private Configuration(Errors errors) {
        this.errors = errors;
        this.coerce = new Coerce(errors);
    }

    static Loaded load(Db db, Errors errors) {
        return new Configuration(errors).run(db);
    }

    private Loaded run(Db db) {
        Set<String> previewFeatures = new HashSet<>();
        for (Block generator : db.generators) {
            previewFeatures.addAll(rawPreviewFeatures(generator));
        }
        Datasource datasource = null;
        if (db.datasources.size() > 1) {
            for (Block block : db.datasources) {
                errors.datasource(DiagnosticCode.DATASOURCE_INVALID, block.name().name(), "You defined more than one "
                        + "datasource. This is not allowed yet because support for multiple databases has not been "
                        + "implemented yet.", block.span());
            }
        } else if (db.datasources.size() == 1) {
            datasource = datasource(db.datasources.get(0));
        }
        Provider provider = datasource == null ? null : datasource.provider();
        List<Generator> generators = new ArrayList<>();
        for (Block block : db.generators) {
            Generator generator = generator(block, provider);
            if (generator != null) {
                generators.add(generator);
            }
        }
        return new Loaded(datasource, generators, previewFeatures, extensionsSpan);
    }

    private static Map<String, BlockEntry.Property> properties(Block block) {
        Map<String, BlockEntry.Property> byName = new LinkedHashMap<>();
        for (BlockEntry.Property property : block.properties()) {
            // As in Prisma, a property given twice takes its last value (the duplicate is reported by name).
            byName.put(property.name().name(), property);
        }
        return byName;
    }

    // ---------------------------------------------------------------------------------------------------------
    // datasource

    private Datasource datasource(Block block) {
        String name = block.name().name();
        Map<String, BlockEntry.Property> props = properties(block);
        BlockEntry.Property providerProperty = props.get("provider");
        if (providerProperty == null || providerProperty.value() == null) {
            errors.error(DiagnosticCode.DATASOURCE_INVALID, "Argument \"provider\" is missing in data source block \""
                    + name + "\".", block.span());
            return null;
        }
        Expression providerValue = providerProperty.value();
        if (providerValue instanceof Expression.FunctionCall call && call.name().equals("env")) {
            errors.error(DiagnosticCode.DATASOURCE_INVALID,
                    "A datasource must not use the env() function in the provider argument.", block.span());
            return null;
        }
        if (!(providerValue instanceof Expression.StringValue providerString)) {
            errors.datasource(DiagnosticCode.DATASOURCE_INVALID, name,
                    "The provider argument in a datasource must be a string literal", providerValue.span());
            return null;
        }
        Provider provider = Provider.fromSchemaName(providerString.value()).orElse(null);
        if (provider == null) {
            errors.error(DiagnosticCode.DATASOURCE_PROVIDER_UNKNOWN, "Datasource provider not known: \""
                    + providerString.value() + "\".", providerValue.span());
            return null;
        }

        ConfigValue url = urlValue(props.get("url"));
        ConfigValue directUrl = urlValue(props.get("directUrl"));
        ConfigValue shadowDatabaseUrl = urlValue(props.get("shadowDatabaseUrl"));

        RelationMode mode = provider.defaultRelationMode();
        boolean explicit = false;
        boolean legacy = false;
        BlockEntry.Property relationMode = props.get("relationMode");
        BlockEntry.Property integrity = props.get("referentialIntegrity");
        if (integrity != null) {
            if (relationMode != null) {
                errors.error(DiagnosticCode.RELATION_MODE_INVALID, "The `referentialIntegrity` and `relationMode` "
                        + "attributes cannot be used together. Please use only `relationMode` instead.",
                        integrity.span());
            }
            errors.warning(DiagnosticCode.RELATION_MODE_LEGACY, "The `referentialIntegrity` attribute is deprecated. "
                    + "Please use `relationMode` instead. Learn more at https://pris.ly/d/relation-mode",
                    integrity.span());
        }
        // With both names given, Prisma reports the clash and reads neither.
        BlockEntry.Property modeProperty = relationMode != null && integrity != null ? null
                : relationMode != null ? relationMode : integrity;
        if (modeProperty != null && modeProperty.value() != null) {
            String value = coerce.string(modeProperty.value());
            if (value != null) {
                RelationMode parsed = RelationMode.fromSchemaName(value).orElse(null);
                if (parsed == null) {
                    errors.datasource(DiagnosticCode.RELATION_MODE_INVALID, "relationMode", "Invalid relation mode "
                            + "setting: \"" + value + "\". Supported values: \"prisma\", \"foreignKeys\"", block.span());
                } else if (!provider.allowedRelationModes().contains(parsed)) {
                    errors.datasource(DiagnosticCode.RELATION_MODE_INVALID, "relationMode", "Invalid relation mode "
                            + "setting: \"" + value + "\". Supported values: " + provider.allowedRelationModes()
                            .stream().map(m -> "\"" + m.schemaName() + "\"").collect(Collectors.joining(", ")),
                            modeProperty.span());
                } else {
                    mode = parsed;
                    explicit = true;
                    legacy = modeProperty == integrity;
                }
            }
        }

        List<String> schemas = new ArrayList<>();
        BlockEntry.Property schemasProperty = props.get("schemas");
        if (schemasProperty != null && schemasProperty.value() != null) {
            Expression value = schemasProperty.value();
            List<String> names = coerce.stringArray(value);
            if (names != null) {
                if (names.isEmpty()) {
                    errors.error(DiagnosticCode.DATASOURCE_INVALID, "If provided, the schemas array can not be empty.",
                            value.span());
                } else if (!provider.has(Provider.Capability.MULTI_SCHEMA)) {
                    errors.error(DiagnosticCode.DATASOURCE_INVALID,
                            "The `schemas` property is not supported on the current connector.", value.span());
                } else if (new HashSet<>(names).size() != names.size()) {
                    errors.error(DiagnosticCode.DATASOURCE_INVALID, "Duplicated schema names are not allowed",
                            value.span());
                } else {
                    schemas = names;
                }
            }
        }

        List<Datasource.Extension> extensions = new ArrayList<>();
        for (BlockEntry.Property property : block.properties()) {
            String key = property.name().name();
            if (key.equals("extensions") && provider.has(Provider.Capability.EXTENSIONS)) {
                if (property.value() != null && props.get(key) == property) {
                    extensions = extensions(property.value());
                    extensionsSpan = property.span();
                }
            } else if (!DATASOURCE_PROPERTIES.contains(key) || key.equals("extensions")) {
                errors.error(DiagnosticCode.DATASOURCE_INVALID, "Property not known: \"" + key + "\".",
                        property.span());
            }
        }
        return new Datasource(name, provider, mode, explicit, legacy, url, directUrl, shadowDatabaseUrl, schemas,
                extensions, block.span());
    }

    private List<Datasource.Extension> extensions(Expression value) {
        List<Expression> items = value instanceof Expression.ArrayValue array ? array.items() : List.of(value);
        List<Datasource.Extension> out = new ArrayList<>();
        for (Expression item : items) {
            if (item instanceof Expression.ConstantValue constant) {
                out.add(new Datasource.Extension(constant.value(), null, null, null));
            } else if (item instanceof Expression.FunctionCall call) {
                String map = null;
                String schema = null;
                String version = null;
                for (Argument argument : call.arguments().arguments()) {
                    if (argument.name() == null || argument.value() == null) {
                        errors.error(DiagnosticCode.DATASOURCE_INVALID, "The argument must have a name",
                                argument.span());
                        continue;
                    }
                    String text = coerce.string(argument.value());
                    switch (argument.name().name()) {
                        case "map" -> map = text;
                        case "schema" -> schema = text;
                        case "version" -> version = text;
                        default -> errors.error(DiagnosticCode.DATASOURCE_INVALID, "The only allowed arguments are "
                                + "`map`, `schema` and `version`", argument.span());
                    }
                }
                out.add(new Datasource.Extension(call.name(), map, schema, version));
            } else {
                coerce.mismatch("constant", item);
            }
        }
        return out;
    }

    /** A URL property: a string or {@code env("NAME")}. Null when absent or invalid. */
    private ConfigValue urlValue(BlockEntry.Property property) {
        if (property == null || property.value() == null) {
            return null;
        }
        return stringOrEnv(property.value());
    }

    private ConfigValue env(Expression.FunctionCall call) {
        List<Argument> args = call.arguments().arguments();
        if (args.stream().anyMatch(Argument::isNamed)) {
            errors.error(DiagnosticCode.VALUE_TYPE_MISMATCH, "The env function doesn't expect named arguments",
                    call.span());
            return null;
        }
        if (args.size() != 1 || !(args.get(0).value() instanceof Expression.StringValue variable)) {
            errors.error(DiagnosticCode.VALUE_TYPE_MISMATCH,
                    "The env function expects a singular, unnamed, string argument.", call.span());
            return null;
        }
        return new ConfigValue.Env(variable.value());
    }

    // ---------------------------------------------------------------------------------------------------------
    // generators

    private List<String> rawPreviewFeatures(Block block) {
        BlockEntry.Property property = properties(block).get("previewFeatures");
        if (property == null || property.value() == null) {
            return List.of();
        }
        List<Expression> items = property.value() instanceof Expression.ArrayValue array ? array.items()
                : List.of(property.value());
        List<String> out = new ArrayList<>();
        for (Expression item : items) {
            if (item instanceof Expression.StringValue s) {
                out.add(s.value());
            }
        }
        return out;
    }

    private Generator generator(Block block, Provider provider) {
        String name = block.name().name();
        Map<String, BlockEntry.Property> props = properties(block);
        BlockEntry.Property providerProperty = props.get("provider");
        if (providerProperty == null || providerProperty.value() == null) {
            errors.error(DiagnosticCode.GENERATOR_INVALID, "Argument \"provider\" is missing in generator block \""
                    + name + "\".", block.span());
            return null;
        }
        ConfigValue generatorProvider = stringOrEnv(providerProperty.value());
        ConfigValue output = props.containsKey("output") && props.get("output").value() != null
                ? stringOrEnv(props.get("output").value()) : null;
        List<String> previewFeatures = new ArrayList<>();
        BlockEntry.Property features = props.get("previewFeatures");
        if (features != null && features.value() != null) {
            List<String> names = coerce.stringArray(features.value());
            if (names != null) {
                previewFeatures.addAll(names);
                checkPreviewFeatures(names, features.value().span(), provider);
            }
        }
        List<ConfigValue> binaryTargets = new ArrayList<>();
        BlockEntry.Property targets = props.get("binaryTargets");
        if (targets != null && targets.value() != null) {
            List<Expression> items = targets.value() instanceof Expression.ArrayValue array ? array.items()
                    : List.of(targets.value());
            for (Expression item : items) {
                ConfigValue target = stringOrEnv(item);
                if (target != null) {
                    binaryTargets.add(target);
                }
            }
        }
        Map<String, ConfigValue> other = new LinkedHashMap<>();
        for (BlockEntry.Property property : block.properties()) {
            String key = property.name().name();
            if (Set.of("provider", "output", "previewFeatures", "binaryTargets").contains(key)
                    || property.value() == null || other.containsKey(key)) {
                continue;
            }
            other.put(key, configValue(property.value()));
        }
        if (generatorProvider == null) {
            return null;
        }
        return new Generator(name, generatorProvider, output, previewFeatures, binaryTargets, other,
                block.documentation(), block.span());
    }

    private void checkPreviewFeatures(List<String> names, Span span, Provider provider) {
        List<String> known = new ArrayList<>(ACTIVE_FEATURES);
        if (provider == Provider.POSTGRESQL) {
            known.addAll(POSTGRES_FEATURES);
        }
        known.sort(String::compareTo);
        for (String feature : names) {
            String lower = feature.toLowerCase(Locale.ROOT);
            if (known.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(lower))
                    || HIDDEN_FEATURES.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(lower))) {
                continue;
            }
            String deprecated = DEPRECATED_FEATURES.stream().filter(d -> d.toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst().orElse(null);
            if (deprecated != null) {
                errors.warning(DiagnosticCode.PREVIEW_FEATURE_DEPRECATED, "Preview feature \"" + feature
                        + "\" is deprecated. The functionality can be used without specifying it as a preview "
                        + "feature.", span);
            } else {
                errors.error(DiagnosticCode.PREVIEW_FEATURE_UNKNOWN, "The preview feature \"" + feature
                        + "\" is not known. Expected one of: " + String.join(", ", known), span);
            }
        }
    }

    private ConfigValue stringOrEnv(Expression value) {
        if (value instanceof Expression.StringValue string) {
            return new ConfigValue.Literal(string.value());
        }
        if (value instanceof Expression.FunctionCall call && call.name().equals("env")) {
            return env(call);
        }
        errors.error(DiagnosticCode.VALUE_TYPE_MISMATCH, "Expected a String value, but received "
                + Coerce.describe(value) + " value `" + Expressions.render(value) + "`.", value.span());
        return null;
    }

    private static ConfigValue configValue(Expression value) {
        if (value instanceof Expression.StringValue string) {
            return new ConfigValue.Literal(string.value());
        }
        if (value instanceof Expression.FunctionCall call && call.name().equals("env")
                && call.arguments().arguments().size() == 1
                && call.arguments().arguments().get(0).value() instanceof Expression.StringValue variable) {
            return new ConfigValue.Env(variable.value());
        }
        if (value instanceof Expression.ArrayValue array) {
            return new ConfigValue.Array(array.items().stream().map(Configuration::configValue).toList());
        }
        return new ConfigValue.Literal(Expressions.render(value));
    }
}
