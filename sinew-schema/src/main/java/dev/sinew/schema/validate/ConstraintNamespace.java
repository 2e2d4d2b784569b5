package dev.sinew.schema.validate;

import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.Provider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where constraint names must be unique, per database: some names share one namespace for the whole schema
 * (PostgreSQL indexes, MySQL foreign keys, SQL Server primary and foreign keys and defaults), others only within a
 * table. Built once from all names, then asked per constraint for the namespaces it clashes in.
 */
final class ConstraintNamespace {
    /** A namespace kind, with Prisma's description of it. */
    enum Scope {
        GLOBAL_KEY_INDEX("global for indexes and unique constraints", true),
        GLOBAL_PRIMARY_KEY_KEY_INDEX("global for primary key, indexes and unique constraints", true),
        GLOBAL_FOREIGN_KEY("global for foreign keys", true),
        GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT("global for primary keys, foreign keys and default constraints", true),
        MODEL_KEY_INDEX("for indexes and unique constraints", false),
        MODEL_PRIMARY_KEY_KEY_INDEX("for primary key, indexes and unique constraints", false),
        MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY("for primary key, indexes, unique constraints and foreign keys", false);

        private final String description;
        private final boolean global;

        Scope(String description, boolean global) {
            this.description = description;
            this.global = global;
        }

        String describe(String model) {
            return global ? description : "on model `" + model + "` " + description;
        }
    }

    /** What kind of constraint a name belongs to; decides the namespaces it is checked in. */
    enum Kind {
        INDEX(Scope.GLOBAL_KEY_INDEX, Scope.GLOBAL_PRIMARY_KEY_KEY_INDEX, Scope.MODEL_KEY_INDEX,
                Scope.MODEL_PRIMARY_KEY_KEY_INDEX),
        RELATION(Scope.GLOBAL_FOREIGN_KEY, Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT,
                Scope.MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY),
        DEFAULT(Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT),
        PRIMARY_KEY(Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT, Scope.GLOBAL_PRIMARY_KEY_KEY_INDEX,
                Scope.MODEL_PRIMARY_KEY_KEY_INDEX, Scope.MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY);

        private final List<Scope> scopes;

        Kind(Scope... scopes) {
            this.scopes = List.of(scopes);
        }
    }

    static Set<Scope> scopes(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> EnumSet.of(Scope.GLOBAL_PRIMARY_KEY_KEY_INDEX, Scope.MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY);
            case COCKROACHDB -> EnumSet.of(Scope.MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY);
            case MYSQL -> EnumSet.of(Scope.GLOBAL_FOREIGN_KEY, Scope.MODEL_KEY_INDEX);
            case SQLITE -> EnumSet.of(Scope.GLOBAL_KEY_INDEX);
            case SQLSERVER -> EnumSet.of(Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT, Scope.MODEL_PRIMARY_KEY_KEY_INDEX);
            case MONGODB -> EnumSet.of(Scope.MODEL_KEY_INDEX);
        };
    }

    private final Map<String, Integer> counts = new HashMap<>();
    private final Provider provider;

    ConstraintNamespace(Db db, Provider provider) {
        this.provider = provider;
        Set<Scope> scopes = scopes(provider);
        for (Scope scope : scopes) {
            boolean indexes = scope != Scope.GLOBAL_FOREIGN_KEY && scope != Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT;
            boolean primaryKeys = scope == Scope.GLOBAL_PRIMARY_KEY_KEY_INDEX
                    || scope == Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT || scope == Scope.MODEL_PRIMARY_KEY_KEY_INDEX
                    || scope == Scope.MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY;
            boolean relations = scope == Scope.GLOBAL_FOREIGN_KEY || scope == Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT
                    || scope == Scope.MODEL_PRIMARY_KEY_KEY_INDEX_FOREIGN_KEY;
            boolean defaults = scope == Scope.GLOBAL_PRIMARY_KEY_FOREIGN_KEY_DEFAULT;
            for (Db.ModelInfo model : db.models) {
                if (indexes) {
                    for (Db.IndexInfo index : model.indexes) {
                        count(scope, model, indexName(model, index));
                    }
                }
                if (primaryKeys && model.primaryKey != null && provider.supportsNamedPrimaryKeys()) {
                    count(scope, model, primaryKeyName(model));
                }
                if (defaults) {
                    for (Db.FieldInfo field : model.fields) {
                        if (field.isScalar() && field.defaultValue != null) {
                            count(scope, model, defaultName(model, field));
                        }
                    }
                }
            }
            if (relations) {
                for (Db.RelationInfo relation : db.relations) {
                    if (relation.isInline() && relation.fieldA != null) {
                        count(scope, relation.modelA, foreignKeyName(relation));
                    }
                }
            }
        }
    }

    private static String key(Scope scope, Db.ModelInfo model, String name) {
        return scope.name() + "\u0000" + (scope.global ? String.valueOf(model.schema) : model.name) + "\u0000" + name;
    }

    private void count(Scope scope, Db.ModelInfo model, String name) {
        counts.merge(key(scope, model, name), 1, Integer::sum);
    }

    /** The namespaces (described as in Prisma's message) in which the name clashes, global ones first. */
    List<String> violations(Kind kind, Db.ModelInfo model, String name) {
        Set<Scope> active = scopes(provider);
        List<String> out = new ArrayList<>();
        for (boolean global : new boolean[] {true, false}) {
            for (Scope scope : kind.scopes) {
                if (scope.global == global && active.contains(scope)
                        && counts.getOrDefault(key(scope, model, name), 0) > 1) {
                    out.add(scope.describe(model.name));
                }
            }
        }
        return out;
    }

    String indexName(Db.ModelInfo model, Db.IndexInfo index) {
        if (index.mappedName != null) {
            return index.mappedName;
        }
        List<String> columns = index.fields.stream()
                .map(f -> f.path() != null ? f.path().replace('.', '_') : f.field().databaseName()).toList();
        return index.kind == Db.IndexKind.UNIQUE ? ConstraintNames.uniqueIndex(model.databaseName(), columns, provider)
                : ConstraintNames.index(model.databaseName(), columns, provider);
    }

    String primaryKeyName(Db.ModelInfo model) {
        return model.primaryKey.mappedName != null ? model.primaryKey.mappedName
                : ConstraintNames.primaryKey(model.databaseName(), provider);
    }

    String defaultName(Db.ModelInfo model, Db.FieldInfo field) {
        return field.defaultValue.mappedName() != null ? field.defaultValue.mappedName()
                : ConstraintNames.defaultConstraint(model.databaseName(), field.databaseName(), provider);
    }

    String foreignKeyName(Db.RelationInfo relation) {
        if (relation.fieldA.foreignKeyMap != null) {
            return relation.fieldA.foreignKeyMap;
        }
        List<String> columns = relation.fieldA.referencingFields == null ? List.of()
                : relation.fieldA.referencingFields.stream().map(Db.FieldInfo::databaseName).toList();
        return ConstraintNames.foreignKey(relation.modelA.databaseName(), columns, provider);
    }
}
