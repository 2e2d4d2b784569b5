package dev.sinew.migrate.workflow;

import dev.sinew.migrate.database.Database;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.sql.SqlSchema;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code db check}: for every relation of the schema, in either relation mode, the rows whose relation scalars point
 * at no record. In {@code prisma} mode nothing but the client keeps relations whole, so writes from elsewhere (raw
 * SQL, other applications, a bulk import) can leave orphans; this is the audit for them. Each relation costs one
 * set-based query; implicit many-to-many join tables are checked on both columns.
 */
public final class DbCheck {

    /**
     * What the check found.
     *
     * @param checked   every reference checked, with its orphans (possibly none)
     * @param unchecked references that could not be checked, each with the reason
     */
    public record Result(List<Orphans> checked, List<String> unchecked) {
        public Result {
            checked = List.copyOf(checked);
            unchecked = List.copyOf(unchecked);
        }

        public boolean clean() {
            return unchecked.isEmpty() && checked.stream().noneMatch(Orphans::any);
        }

        public long orphanedRows() {
            return checked.stream().mapToLong(Orphans::rows).sum();
        }
    }

    private DbCheck() {}

    /** Checks every relation of the schema against the database and prints the report. */
    public static Result run(Datamodel datamodel, Database database, PrintWriter out) {
        List<Reference> references = references(datamodel);
        List<Orphans> checked = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        try (Connection connection = database.connect()) {
            SqlSchema live = database.introspect(connection);
            OrphanFinder finder = new OrphanFinder(database.dialect());
            for (Reference reference : references) {
                Optional<String> missing = missing(live, reference);
                if (missing.isPresent()) {
                    unchecked.add(reference.label() + ": " + missing.get());
                } else {
                    checked.add(finder.find(connection, reference, true));
                }
            }
        } catch (SQLException e) {
            throw new dev.sinew.migrate.MigrateException("C321", "The database failed during the check: "
                    + DbPush.oneLine(e.getMessage()), "check the database and run the command again", List.of(), e);
        }
        Result result = new Result(checked, unchecked);
        print(result, database, out);
        return result;
    }

    private static void print(Result result, Database database, PrintWriter out) {
        int relations = result.checked().size() + result.unchecked().size();
        out.println();
        out.println("Checked " + relations + (relations == 1 ? " reference" : " references") + " for orphaned rows in "
                + "the " + database.description() + ":");
        out.println();
        for (Orphans o : result.checked()) {
            out.println(o.any() ? "  ✘ " + o.describe() : "  ✔ " + o.reference().label() + ": " + o.reference().path());
        }
        for (String u : result.unchecked()) {
            out.println("  ? " + u);
        }
        out.println();
        long withOrphans = result.checked().stream().filter(Orphans::any).count();
        if (withOrphans > 0) {
            long rows = result.orphanedRows();
            out.println("Orphaned rows in " + withOrphans + " of " + relations + " references (" + rows
                    + (rows == 1 ? " row" : " rows") + ").");
        } else if (result.unchecked().isEmpty()) {
            out.println("No orphaned rows: every relation points at existing records.");
        }
        if (!result.unchecked().isEmpty()) {
            out.println(result.unchecked().size() + " could not be checked: the database does not match the schema "
                    + "(apply it with sinew db push or sinew migrate deploy).");
        }
    }

    /** Why a reference cannot be checked against this database, if it cannot. */
    private static Optional<String> missing(SqlSchema live, Reference r) {
        for (String[] side : new String[][]{{r.table(), "referencing"}, {r.referencedTable(), "referenced"}}) {
            if (live.table(side[0]).isEmpty()) {
                return Optional.of("the " + side[1] + " table `" + side[0] + "` does not exist in the database");
            }
        }
        for (String c : r.columns()) {
            if (!live.table(r.table()).orElseThrow().hasColumn(c)) {
                return Optional.of("the column `" + r.table() + "`.`" + c + "` does not exist in the database");
            }
        }
        for (String c : r.referencedColumns()) {
            if (!live.table(r.referencedTable()).orElseThrow().hasColumn(c)) {
                return Optional.of("the column `" + r.referencedTable() + "`.`" + c + "` does not exist in the "
                        + "database");
            }
        }
        return Optional.empty();
    }

    /** The references of the schema's relations: the relation scalars, and both columns of each join table. */
    static List<Reference> references(Datamodel datamodel) {
        boolean foreignKeys = datamodel.relationMode().usesForeignKeys();
        List<Reference> out = new ArrayList<>();
        for (Relation relation : datamodel.relations()) {
            Model a = datamodel.model(relation.modelA()).orElseThrow();
            Model b = datamodel.model(relation.modelB()).orElseThrow();
            if (a.ignored() || b.ignored() || a.view() || b.view()) {
                continue;
            }
            String label = "relation `" + relation.name() + "`";
            if (relation.isInline()) {
                out.add(new Reference(label, foreignKeys ? relation.foreignKeyName() : null, a.schema(),
                        a.tableName(), columns(a, relation.fields()), b.schema(), b.tableName(),
                        columns(b, relation.references())));
            } else {
                String join = relation.joinTableName();
                out.add(new Reference(label + " (join table `" + join + "`, column `A`)", null, a.schema(), join,
                        List.of("A"), a.schema(), a.tableName(), idColumns(a)));
                out.add(new Reference(label + " (join table `" + join + "`, column `B`)", null, a.schema(), join,
                        List.of("B"), b.schema(), b.tableName(), idColumns(b)));
            }
        }
        return out;
    }

    private static List<String> columns(Model model, List<String> fields) {
        return fields.stream().map(f -> model.scalarField(f).map(ScalarField::columnName).orElse(f)).toList();
    }

    private static List<String> idColumns(Model model) {
        return model.primaryKey() == null ? List.of()
                : columns(model, model.primaryKey().fields().stream().map(f -> f.name()).toList());
    }
}
