package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Span;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.RelationMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The validations of whole relations, run after the models, in Prisma's order per relation: cycles and multiple
 * cascade paths of referential actions, the referenced fields' uniqueness and order, fields and references of the
 * same length and types, arity, SetNull on required fields, constraint names, then the one-to-one, one-to-many and
 * many-to-many rules.
 *
 * <p>The relation-mode decisions here read {@link Provider}: which connectors check cycles and cascade paths in
 * which mode, and whether SetNull on required fields is a warning or an error.
 */
final class RelationRules {
    private final Db db;
    private final Errors errors;
    private final Provider provider;
    private final RelationMode mode;
    private final ConstraintNamespace namespace;
    private final Predicate<Provider.Capability> capabilities;
    private final String connectorName;

    RelationRules(Db db, Errors errors, Provider provider, RelationMode mode, ConstraintNamespace namespace,
                  Predicate<Provider.Capability> capabilities, String connectorName) {
        this.db = db;
        this.errors = errors;
        this.provider = provider;
        this.mode = mode;
        this.namespace = namespace;
        this.capabilities = capabilities;
        this.connectorName = connectorName;
    }

    private boolean has(Provider.Capability capability) {
        return capabilities.test(capability);
    }

    private String connectorName() {
        return connectorName;
    }

    private static Span argumentSpan(dev.sinew.schema.ast.Attribute attribute, String name) {
        return Pipeline.argumentSpan(attribute, name);
    }

    void validate(Db.RelationInfo relation) {
        switch (relation.kind) {
            case ONE_TO_ONE, ONE_TO_MANY -> inlineRelation(relation);
            case IMPLICIT_MANY_TO_MANY -> implicitManyToMany(relation);
            case EMBEDDED_MANY_TO_MANY -> {
                if (provider != Provider.MONGODB) {
                    errors.validation(DiagnosticCode.RELATION_INVALID, "Embedded many-to-many relations are not "
                            + "supported on " + connectorName() + ". Please use the syntax defined in "
                            + "https://pris.ly/d/relational-database-many-to-many", relation.fieldA.span());
                }
            }
        }
    }

    /** The effective onDelete of an inline relation (spec 1.3). */
    ReferentialAction onDelete(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        if (forward != null && forward.onDelete != null) {
            return forward.onDelete;
        }
        if (isReferentiallyRequired(relation)) {
            return provider == null ? ReferentialAction.RESTRICT : provider.defaultOnDeleteForRequired(mode);
        }
        return ReferentialAction.SET_NULL;
    }

    static ReferentialAction onUpdate(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        return forward != null && forward.onUpdate != null ? forward.onUpdate : ReferentialAction.CASCADE;
    }

    static boolean isReferentiallyRequired(Db.RelationInfo relation) {
        List<Db.FieldInfo> fields = relation.referencingFields();
        if (fields == null || fields.isEmpty()) {
            return relation.forward() != null && relation.forward().isRequired();
        }
        return fields.stream().anyMatch(Db.FieldInfo::isRequired);
    }

    private void inlineRelation(Db.RelationInfo relation) {
        if (relation.isComplete()) {
            cycles(relation);
            multipleCascadingPaths(relation);
        }
        referencesUnique(relation);
        sameLength(relation);
        fieldArity(relation);
        requiredRelationSetNull(relation);
        referencingTypes(relation);
        if (namespace != null && relation.fieldA != null) {
            for (String violation : namespace.violations(ConstraintNamespace.Kind.RELATION, relation.modelA,
                    namespace.foreignKeyName(relation))) {
                Span span = relation.fieldA.relationAttribute != null && relation.fieldA.foreignKeyMap != null
                        ? argumentSpan(relation.fieldA.relationAttribute, "map") : relation.fieldA.span();
                errors.attribute(DiagnosticCode.CONSTRAINT_NAME_INVALID, "@relation", "The given constraint name `"
                        + namespace.foreignKeyName(relation) + "` has to be unique in the following namespace: "
                        + violation + ". Please provide a different name using the `map` argument.", span);
            }
        }
        if (relation.kind == Db.RelationKind.ONE_TO_ONE) {
            oneToOne(relation);
        } else {
            oneToMany(relation);
        }
    }

    /** One step of a walk along relations, linked to the step before it (a path without copying). */
    private record PathStep(Db.RelationInfo relation, PathStep previous) {
        String render() {
            List<String> steps = new ArrayList<>();
            for (PathStep step = this; step != null; step = step.previous()) {
                steps.add(0, step.relation().modelA.name + "." + step.relation().fieldA.name);
            }
            return String.join(" → ", steps);
        }
    }

    /** Models from which a walk along cascading relations can reach a model it started from or a self relation. */
    private Set<Db.ModelInfo> cycleCandidates;
    private Map<Db.ModelInfo, Integer> components;

    private void cycles(Db.RelationInfo relation) {
        if (provider == null || !provider.checksReferenceCycles(mode)) {
            return;
        }
        if (!triggers(relation) || !mayReachCycle(relation)) {
            // Exact shortcut: without a path back to the start or to a cascading self relation, Prisma's walk
            // below finds nothing.
            return;
        }
        Set<Db.FieldInfo> visited = new HashSet<>();
        Deque<PathStep> next = new ArrayDeque<>();
        next.push(new PathStep(relation, null));
        Db.ModelInfo parent = relation.modelA;
        while (!next.isEmpty()) {
            PathStep step = next.pop();
            Db.RelationInfo current = step.relation();
            visited.add(current.fieldA);
            Db.ModelInfo related = current.modelB;
            if (!triggers(current)) {
                continue;
            }
            if (current.modelA == related) {
                errors.validation(DiagnosticCode.RELATION_CYCLE, cascadeMessage(relation, "A self-relation must have "
                        + "`onDelete` and `onUpdate` referential actions set to `NoAction` in one of the @relation "
                        + "attributes."), relation.fieldA.span());
                return;
            }
            if (related == parent) {
                errors.validation(DiagnosticCode.RELATION_CYCLE, cascadeMessage(relation, "Reference causes a cycle. One "
                        + "of the @relation attributes in this cycle must have `onDelete` and `onUpdate` referential "
                        + "actions set to `NoAction`. Cycle path: " + step.render() + "."), relation.fieldA.span());
                return;
            }
            for (Db.RelationInfo candidate : completeInlineRelationsFrom(related)) {
                if (!visited.contains(candidate.fieldA)) {
                    next.push(new PathStep(candidate, step));
                }
            }
        }
    }

    /**
     * Whether the walk from a cascading relation A→B can report anything: B and A are in the same strongly
     * connected component of the cascading-relation graph, or a cascading self relation is reachable from B.
     */
    private boolean mayReachCycle(Db.RelationInfo relation) {
        if (components == null) {
            components = stronglyConnectedComponents();
            cycleCandidates = new HashSet<>();
            Deque<Db.ModelInfo> queue = new ArrayDeque<>();
            Map<Db.ModelInfo, List<Db.ModelInfo>> reverse = new HashMap<>();
            for (Db.RelationInfo r : db.relations) {
                if (r.isInline() && r.isComplete() && triggers(r)) {
                    reverse.computeIfAbsent(r.modelB, k -> new ArrayList<>()).add(r.modelA);
                    if (r.modelA == r.modelB && cycleCandidates.add(r.modelA)) {
                        queue.add(r.modelA);
                    }
                }
            }
            while (!queue.isEmpty()) {
                for (Db.ModelInfo from : reverse.getOrDefault(queue.poll(), List.of())) {
                    if (cycleCandidates.add(from)) {
                        queue.add(from);
                    }
                }
            }
        }
        return relation.modelA == relation.modelB || cycleCandidates.contains(relation.modelB)
                || components.get(relation.modelA).equals(components.get(relation.modelB));
    }

    /** Tarjan's algorithm, iterative, over models and cascading complete inline relations. */
    private Map<Db.ModelInfo, Integer> stronglyConnectedComponents() {
        Map<Db.ModelInfo, Integer> index = new HashMap<>();
        Map<Db.ModelInfo, Integer> low = new HashMap<>();
        Map<Db.ModelInfo, Integer> component = new HashMap<>();
        Deque<Db.ModelInfo> stack = new ArrayDeque<>();
        Set<Db.ModelInfo> onStack = new HashSet<>();
        int counter = 0;
        int components = 0;
        for (Db.ModelInfo root : db.models) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, 0});
            index.put(root, counter);
            low.put(root, counter++);
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                Db.ModelInfo model = (Db.ModelInfo) frame[0];
                List<Db.RelationInfo> edges = completeInlineRelationsFrom(model);
                int i = (Integer) frame[1];
                if (i < edges.size()) {
                    frame[1] = i + 1;
                    Db.RelationInfo edge = edges.get(i);
                    if (!triggers(edge)) {
                        continue;
                    }
                    Db.ModelInfo target = edge.modelB;
                    if (!index.containsKey(target)) {
                        index.put(target, counter);
                        low.put(target, counter++);
                        stack.push(target);
                        onStack.add(target);
                        work.push(new Object[] {target, 0});
                    } else if (onStack.contains(target)) {
                        low.put(model, Math.min(low.get(model), index.get(target)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    Db.ModelInfo parent = (Db.ModelInfo) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(model)));
                }
                if (low.get(model).equals(index.get(model))) {
                    Db.ModelInfo member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.put(member, components);
                    } while (member != model);
                    components++;
                }
            }
        }
        return component;
    }

    private final Map<Db.ModelInfo, List<Db.RelationInfo>> relationsFrom = new HashMap<>();

    private List<Db.RelationInfo> completeInlineRelationsFrom(Db.ModelInfo model) {
        if (relationsFrom.isEmpty()) {
            for (Db.RelationInfo relation : db.relations) {
                if (relation.isInline() && relation.isComplete()) {
                    relationsFrom.computeIfAbsent(relation.modelA, k -> new ArrayList<>()).add(relation);
                }
            }
            // Prisma walks them ordered by (model A, model B, relation id).
            relationsFrom.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.modelB.index, b.modelB.index)));
        }
        return relationsFrom.getOrDefault(model, List.of());
    }

    private boolean triggers(Db.RelationInfo relation) {
        return onDelete(relation).triggersModification() || onUpdate(relation).triggersModification();
    }

    private void multipleCascadingPaths(Db.RelationInfo relation) {
        if (provider == null || !provider.checksMultipleCascadePaths(mode) || !triggers(relation)) {
            return;
        }
        Db.ModelInfo parent = relation.modelA;
        record Step(Db.RelationInfo relation, List<Db.RelationInfo> path, Set<Db.FieldInfo> visited) {}
        Deque<Step> next = new ArrayDeque<>();
        for (Db.RelationInfo start : completeInlineRelationsFrom(parent)) {
            if (triggers(start)) {
                next.push(new Step(start, List.of(start), new HashSet<>()));
            }
        }
        List<List<Db.RelationInfo>> paths = new ArrayList<>();
        while (!next.isEmpty()) {
            Step step = next.pop();
            Db.RelationInfo current = step.relation();
            Set<Db.FieldInfo> currentPath = new HashSet<>(step.visited());
            currentPath.add(current.fieldA);
            if (current.modelA == current.modelB || current.modelB == parent) {
                continue;
            }
            List<Step> forward = new ArrayList<>();
            for (Db.RelationInfo candidate : completeInlineRelationsFrom(current.modelB)) {
                if (triggers(candidate) && !currentPath.contains(candidate.fieldA)) {
                    List<Db.RelationInfo> longer = new ArrayList<>(step.path());
                    longer.add(candidate);
                    forward.add(new Step(candidate, longer, new HashSet<>(currentPath)));
                }
            }
            if (forward.isEmpty()) {
                paths.add(step.path());
                continue;
            }
            forward.forEach(next::push);
        }
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (List<Db.RelationInfo> path : paths) {
            if (path.isEmpty()) {
                continue;
            }
            Set<String> models = seen.computeIfAbsent(path.get(0).fieldA.name, k -> new HashSet<>());
            for (Db.RelationInfo step : path) {
                models.add(step.modelB.name);
            }
        }
        TreeSet<String> reachable = new TreeSet<>();
        Set<String> fromParent = seen.remove(relation.fieldA.name);
        if (fromParent != null) {
            for (Set<String> other : seen.values()) {
                for (String model : fromParent) {
                    if (other.contains(model)) {
                        reachable.add(model);
                    }
                }
            }
        }
        if (reachable.isEmpty()) {
            return;
        }
        String models = reachable.stream().map(m -> "`" + m + "`").collect(Collectors.joining(", "));
        String message = reachable.size() == 1
                ? "When any of the records in model " + models + " is updated or deleted, the referential actions on "
                + "the relations cascade to model `" + parent.name + "` through multiple paths. Please break one of "
                + "these paths by setting the `onUpdate` and `onDelete` to `NoAction`."
                : "When any of the records in models " + models + " are updated or deleted, the referential actions "
                + "on the relations cascade to model `" + parent.name + "` through multiple paths. Please break one "
                + "of these paths by setting the `onUpdate` and `onDelete` to `NoAction`.";
        errors.validation(DiagnosticCode.RELATION_CASCADE_PATHS, cascadeMessage(relation, message),
                relation.fieldA.span());
    }

    private String cascadeMessage(Db.RelationInfo relation, String message) {
        Db.FieldInfo field = relation.fieldA;
        ReferentialAction onDelete = field.onDelete == null && onDelete(relation).triggersModification()
                ? onDelete(relation) : null;
        ReferentialAction onUpdate = field.onUpdate == null && onUpdate(relation).triggersModification()
                ? onUpdate(relation) : null;
        if (onDelete != null && onUpdate != null) {
            message += " (Implicit default `onDelete`: `" + onDelete.schemaName() + "`, and `onUpdate`: `"
                    + onUpdate.schemaName() + "`)";
        } else if (onDelete != null) {
            message += " (Implicit default `onDelete`: `" + onDelete.schemaName() + "`)";
        } else if (onUpdate != null) {
            message += " (Implicit default `onUpdate`: `" + onUpdate.schemaName() + "`)";
        }
        return message + " Read more at https://pris.ly/d/cyclic-referential-actions";
    }

    private void referencesUnique(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        if (forward == null || forward.referencedFields == null || forward.referencedFields.isEmpty()) {
            return;
        }
        List<String> references = forward.referencedFields.stream().map(f -> f.name).sorted().toList();
        boolean unique = relation.modelB.uniqueCriteria().stream()
                .anyMatch(c -> c.stream().map(f -> f.name).sorted().toList().equals(references));
        if (unique) {
            referencesInCriterionOrder(relation, forward);
            return;
        }
        List<String> fields = forward.referencedFields.stream().map(f -> f.name).toList();
        String message = fields.size() == 1
                ? "The argument `references` must refer to a unique criterion in the related model. Consider adding an"
                + " `@unique` attribute to the field `" + fields.get(0) + "` in the model `" + relation.modelB.name
                + "`."
                : "The argument `references` must refer to a unique criterion in the related model. Consider adding an"
                + " `@@unique([" + String.join(", ", fields) + "])` attribute to the model `" + relation.modelB.name
                + "`.";
        errors.attribute(DiagnosticCode.RELATION_REFERENCES_NOT_UNIQUE, "@relation", message, forward.span());
    }

    private void referencesInCriterionOrder(Db.RelationInfo relation, Db.FieldInfo forward) {
        if (forward.referencedFields.size() <= 1 || !has(Provider.Capability.REFERENCES_IN_CRITERION_ORDER)) {
            return;
        }
        List<String> references = forward.referencedFields.stream().map(f -> f.name).toList();
        boolean ordered = relation.modelB.uniqueCriteria().stream()
                .anyMatch(c -> c.stream().map(f -> f.name).toList().equals(references));
        if (!ordered) {
            errors.validation(DiagnosticCode.RELATION_REFERENCES_NOT_UNIQUE, "The argument `references` must refer to a"
                    + " unique criterion in the related model `" + relation.modelB.name + "` using the same order of "
                    + "fields. Please check the ordering in the following fields: `" + String.join(", ", references)
                    + "`.", forward.span());
        }
    }

    private void sameLength(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        if (forward == null || forward.referencingFields == null || forward.referencedFields == null) {
            return;
        }
        if (forward.referencingFields.size() != forward.referencedFields.size()) {
            errors.validation(DiagnosticCode.RELATION_FIELDS_MISMATCH,
                    "You must specify the same number of fields in `fields` and `references`.",
                    forward.relationAttribute.span());
        }
    }

    private void fieldArity(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        if (forward == null || !forward.isRequired() || forward.referencingFields == null) {
            return;
        }
        if (forward.referencingFields.stream().noneMatch(Db.FieldInfo::isOptional)) {
            return;
        }
        errors.validation(DiagnosticCode.RELATION_ARITY, "The relation field `" + forward.name + "` uses the scalar "
                + "fields " + forward.referencingFields.stream().map(f -> f.name).collect(Collectors.joining(", "))
                + ". At least one of those fields is optional. Hence the relation field must be optional as well.",
                forward.span());
    }

    private void requiredRelationSetNull(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        if (forward == null || forward.referencingFields == null
                || forward.referencingFields.stream().noneMatch(Db.FieldInfo::isRequired)) {
            return;
        }
        for (String action : List.of("onDelete", "onUpdate")) {
            ReferentialAction value = action.equals("onDelete") ? forward.onDelete : forward.onUpdate;
            if (value != ReferentialAction.SET_NULL) {
                continue;
            }
            if (provider != null && provider.allowsSetNullOnNonNullable(mode)) {
                errors.warning(DiagnosticCode.REFERENTIAL_ACTION_SET_NULL_REQUIRED, "The `" + action + "` referential "
                        + "action of a relation should not be set to `SetNull` when a referenced field is required. We"
                        + " recommend either to choose another referential action, or to make the referenced fields "
                        + "optional. Read more at https://pris.ly/d/postgres-set-null ", forward.span());
            } else {
                errors.attribute(DiagnosticCode.REFERENTIAL_ACTION_SET_NULL_REQUIRED, "@relation", "The `" + action
                        + "` referential action of a relation must not be set to `SetNull` when a referenced field is "
                        + "required.\nEither choose another referential action, or make the referenced fields "
                        + "optional.\n", forward.span());
            }
        }
    }

    private void referencingTypes(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.forward();
        if (forward == null || forward.referencingFields == null || forward.referencedFields == null) {
            return;
        }
        int count = Math.min(forward.referencingFields.size(), forward.referencedFields.size());
        for (int i = 0; i < count; i++) {
            Db.FieldInfo referencing = forward.referencingFields.get(i);
            Db.FieldInfo referenced = forward.referencedFields.get(i);
            if (!referencing.sameTypeAs(referenced)) {
                errors.attribute(DiagnosticCode.RELATION_TYPE_MISMATCH, "@relation", "The type of the field `"
                        + referencing.name + "` in the model `" + referencing.model.name + "` is not matching the type "
                        + "of the referenced field `" + referenced.name + "` in model `" + referenced.model.name + "`.",
                        forward.span());
            }
        }
    }

    private static boolean empty(List<Db.FieldInfo> fields) {
        return fields == null || fields.isEmpty();
    }

    private void missingOpposite(Db.FieldInfo field) {
        String container = field.model.containerType();
        errors.field(DiagnosticCode.RELATION_MISSING_OPPOSITE, container, field.model.name, field.name, "The relation "
                + "field `" + field.name + "` on " + container + " `" + field.model.name + "` is missing an opposite "
                + "relation field on the model `" + field.relatedModel.name + "`. Either run `prisma format` or add "
                + "it manually.", field.span());
    }

    private void oneToMany(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.fieldA;
        Db.FieldInfo back = relation.fieldB;
        if (forward != null && back == null) {
            missingOpposite(forward);
        } else if (forward == null && back != null) {
            missingOpposite(back);
        }
        if (forward == null || back == null) {
            return;
        }
        if (empty(forward.referencingFields)) {
            errors.attribute(DiagnosticCode.RELATION_MISSING_FIELDS, "@relation", "The relation field `" + forward.name
                    + "` on Model `" + forward.model.name + "` must specify the `fields` argument in the @relation "
                    + "attribute. You can run `prisma format` to fix this automatically.", forward.span());
        }
        if (empty(forward.referencedFields)) {
            errors.attribute(DiagnosticCode.RELATION_MISSING_FIELDS, "@relation", "The relation field `" + forward.name
                    + "` on Model `" + forward.model.name + "` must specify the `references` argument in the @relation "
                    + "attribute.", forward.span());
        }
        if (!empty(back.referencingFields) || !empty(back.referencedFields)) {
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation field `" + back.name
                    + "` on Model `" + back.model.name + "` must not specify the `fields` or `references` argument in "
                    + "the @relation attribute. You must only specify it on the opposite field `" + forward.name
                    + "` on model `" + forward.model.name + "`.", back.span());
        }
        if (back.onDelete != null || back.onUpdate != null) {
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation field `" + back.name
                    + "` on Model `" + back.model.name + "` must not specify the `onDelete` or `onUpdate` argument in "
                    + "the @relation attribute. You must only specify it on the opposite field `" + forward.name
                    + "` on model `" + forward.model.name + "`, or in case of a many to many relation, in an explicit "
                    + "join table.", back.span());
        }
    }

    private void oneToOne(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.fieldA;
        Db.FieldInfo back = relation.fieldB;
        if (back == null) {
            missingOpposite(forward);
        }
        if (back != null) {
            if (empty(forward.referencingFields) && empty(back.referencingFields)) {
                bothSides(forward, back, "do not provide the `fields` argument in the @relation attribute. You have to "
                        + "provide it on one of the two fields.", true);
            }
            if (empty(forward.referencedFields) && empty(back.referencedFields)) {
                bothSides(forward, back, "do not provide the `references` argument in the @relation attribute. You "
                        + "have to provide it on one of the two fields.", true);
            }
            if (!empty(forward.referencedFields) && !empty(back.referencedFields)) {
                bothSides(forward, back, "both provide the `references` argument in the @relation attribute. You have "
                        + "to provide it only on one of the two fields.", false);
            }
            if (!empty(forward.referencingFields) && !empty(back.referencingFields)) {
                bothSides(forward, back, "both provide the `fields` argument in the @relation attribute. You have to "
                        + "provide it only on one of the two fields.", false);
            }
            boolean forwardActions = forward.onDelete != null || forward.onUpdate != null;
            boolean backActions = back.onDelete != null || back.onUpdate != null;
            if (forwardActions && backActions) {
                errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation fields `" + back.name
                        + "` on Model `" + back.model.name + "` and `" + forward.name + "` on Model `"
                        + forward.model.name + "` both provide the `onDelete` or `onUpdate` argument in the @relation "
                        + "attribute. You have to provide it only on one of the two fields.", back.span());
                errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation fields `" + forward.name
                        + "` on Model `" + forward.model.name + "` and `" + back.name + "` on Model `"
                        + back.model.name + "` both provide the `onDelete` or `onUpdate` argument in the @relation "
                        + "attribute. You have to provide it only on one of the two fields.", forward.span());
            } else if (backActions) {
                errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation field `" + back.name
                        + "` on Model `" + back.model.name + "` must not specify the `onDelete` or `onUpdate` argument "
                        + "in the @relation attribute. You must only specify it on the opposite field `" + forward.name
                        + "` on model `" + forward.model.name + "`.", back.span());
            }
        }
        fieldsMustBeUnique(relation);
        if (back == null || errors.hasErrors()) {
            return;
        }
        if (!empty(forward.referencingFields) && !empty(back.referencedFields)) {
            String message = "The relation field `" + forward.name + "` on Model `" + forward.model.name + "` provides"
                    + " the `fields` argument in the @relation attribute. And the related field `" + back.name
                    + "` on Model `" + back.model.name + "` provides the `references` argument. You must provide both "
                    + "arguments on the same side.";
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", message, forward.span());
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", message, back.span());
        }
        if (!empty(forward.referencedFields) && !empty(back.referencingFields)) {
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation field `" + forward.name
                    + "` on Model `" + forward.model.name + "` provides the `references` argument in the @relation "
                    + "attribute. And the related field `" + back.name + "` on Model `" + back.model.name
                    + "` provides the `fields` argument. You must provide both arguments on the same side.",
                    forward.span());
        }
        if (errors.hasErrors()) {
            return;
        }
        if (back.isRequired()) {
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation field `" + back.name
                    + "` on Model `" + back.model.name + "` is required. This is not valid because it's not possible to"
                    + " enforce this constraint on the database level. Please change the field type from `"
                    + forward.model.name + "` to `" + forward.model.name + "?` to fix this.", back.span());
        }
        if (errors.hasErrors()) {
            return;
        }
        if (forward.isRequired() && (back.referencingFields != null || back.referencedFields != null)) {
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "The relation field `" + back.model.name
                    + "." + back.name + "` defines the `fields` and/or `references` argument. You must set them on the "
                    + "required side of the relation (`" + forward.model.name + "." + forward.name + "`) in order for "
                    + "the constraints to be enforced. Alternatively, you can change this field to be required and the"
                    + " opposite optional, or make both sides of the relation optional.", back.span());
        }
    }

    private void bothSides(Db.FieldInfo forward, Db.FieldInfo back, String rest, boolean swapSecond) {
        errors.attribute(DiagnosticCode.RELATION_MISSING_FIELDS, "@relation", "The relation fields `" + forward.name
                + "` on Model `" + forward.model.name + "` and `" + back.name + "` on Model `" + back.model.name + "` "
                + rest, forward.span());
        String second = swapSecond
                ? "The relation fields `" + back.name + "` on Model `" + back.model.name + "` and `" + forward.name
                + "` on Model `" + forward.model.name + "` " + rest
                : "The relation fields `" + forward.name + "` on Model `" + forward.model.name + "` and `" + back.name
                + "` on Model `" + back.model.name + "` " + rest;
        errors.attribute(DiagnosticCode.RELATION_MISSING_FIELDS, "@relation", second, back.span());
    }

    private void fieldsMustBeUnique(Db.RelationInfo relation) {
        Db.FieldInfo forward = relation.fieldA;
        List<Db.FieldInfo> fields = forward.referencingFields;
        if (fields == null) {
            return;
        }
        boolean unique = relation.modelA.uniqueCriteria().stream()
                .anyMatch(c -> new HashSet<>(c).equals(new HashSet<>(fields)) && c.size() == fields.size());
        if (unique) {
            return;
        }
        List<String> names = fields.stream().map(f -> f.name).toList();
        String message = names.size() == 1
                ? "A one-to-one relation must use unique fields on the defining side. Either add an `@unique` attribute "
                + "to the field `" + names.get(0) + "`, or change the relation to one-to-many."
                : "A one-to-one relation must use unique fields on the defining side. Either add an `@@unique(["
                + String.join(", ", names) + "])` attribute to the model, or change the relation to one-to-many.";
        errors.attribute(DiagnosticCode.RELATION_ONE_TO_ONE_NOT_UNIQUE, "@relation", message, forward.span());
    }

    private void implicitManyToMany(Db.RelationInfo relation) {
        if (!has(Provider.Capability.IMPLICIT_MANY_TO_MANY)) {
            for (Db.FieldInfo field : List.of(relation.fieldA, relation.fieldB)) {
                errors.validation(DiagnosticCode.RELATION_INVALID, "Implicit many-to-many relations are not supported "
                        + "on " + connectorName() + ". Please use the syntax defined in "
                        + "https://pris.ly/d/document-database-many-to-many", field.span());
            }
            return;
        }
        for (Db.FieldInfo field : List.of(relation.fieldA, relation.fieldB)) {
            Db.ModelInfo related = field.relatedModel;
            if (related.primaryKey == null || related.primaryKey.fields.size() != 1) {
                errors.field(DiagnosticCode.RELATION_INVALID, field.model.containerType(), field.model.name,
                        field.name, "The relation field `" + field.name + "` on model `" + field.model.name
                        + "` references `" + related.name + "` which does not have an `@id` field. Models without "
                        + "`@id` cannot be part of a many to many relation. Use an explicit intermediate Model to "
                        + "represent this relationship.", field.span());
            }
        }
        for (Db.FieldInfo field : List.of(relation.fieldA, relation.fieldB)) {
            if (field.onDelete != null || field.onUpdate != null) {
                errors.validation(DiagnosticCode.RELATION_INVALID, "Referential actions on implicit many-to-many "
                        + "relations are not supported", field.relationAttribute.span());
            }
        }
        for (Db.FieldInfo field : List.of(relation.fieldA, relation.fieldB)) {
            if (field.referencedFields != null) {
                errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation", "Implicit many-to-many relation should "
                        + "not have references argument defined. Either remove it, or change the relation to "
                        + "one-to-many.", field.span());
            }
        }
    }
}
