package dev.sinew.sql;

/** A referential action of a foreign key, with its SQL keywords. */
public enum ForeignKeyAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ForeignKeyAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** The action named as in a Prisma schema ({@code Cascade}, {@code NoAction}, …). */
    public static ForeignKeyAction ofPrisma(String name) {
        return switch (name) {
            case "Cascade" -> CASCADE;
            case "Restrict" -> RESTRICT;
            case "NoAction" -> NO_ACTION;
            case "SetNull" -> SET_NULL;
            case "SetDefault" -> SET_DEFAULT;
            default -> throw new IllegalArgumentException("Unknown referential action: " + name);
        };
    }

    /** The action read from SQL keywords as catalogs report them ({@code NO ACTION}, {@code SET NULL}, …). */
    public static ForeignKeyAction ofSql(String keywords) {
        String k = keywords.trim().toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
        for (ForeignKeyAction a : values()) {
            if (a.sql.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown referential action: " + keywords);
    }
}
