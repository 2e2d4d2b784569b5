package dev.sinew.bench;

/**
 * Writes a large, valid schema: {@code models} models in a chain of one-to-many relations (each model points at
 * the one before it), with scalar fields of several types, native types, defaults, a unique field, a documented
 * model, a trailing comment, an index per relation and an enum for every tenth model. Fields are separated by
 * single spaces, not aligned: {@code sinew format} has work to do on it.
 */
final class GeneratedSchema {
    private GeneratedSchema() {}

    static String models(int models) {
        StringBuilder out = new StringBuilder(models * 400);
        out.append("datasource db {\n  provider = \"postgresql\"\n}\n");
        for (int i = 0; i < models; i++) {
            if (i % 10 == 0) {
                out.append("\nenum Status").append(i).append(" {\n  DRAFT\n  ACTIVE\n  ARCHIVED\n}\n");
            }
            out.append("\n/// Model number ").append(i).append(".\n");
            out.append("model Model").append(i).append(" {\n");
            out.append("  id Int @id @default(autoincrement())\n");
            out.append("  code String @db.VarChar(64) @unique\n");
            out.append("  title String // a comment kept by the formatter\n");
            out.append("  amount Decimal? @db.Decimal(10, 2)\n");
            out.append("  createdAt DateTime @default(now())\n");
            out.append("  updatedAt DateTime @updatedAt\n");
            out.append("  status Status").append(i - i % 10).append(" @default(DRAFT)\n");
            if (i > 0) {
                out.append("  parentId Int?\n");
                out.append("  parent Model").append(i - 1)
                        .append("? @relation(fields: [parentId], references: [id], onDelete: Cascade)\n");
            }
            if (i + 1 < models) {
                out.append("  children Model").append(i + 1).append("[]\n");
            }
            if (i > 0) {
                out.append("  @@index([parentId])\n");
            }
            out.append("}\n");
        }
        return out.toString();
    }
}
