package dev.sinew.migrate.introspect;

import java.util.Set;

/** PostgreSQL operator classes as index attributes name them ({@code ops: JsonbPathOps} or {@code ops: raw("…")}). */
final class OperatorClasses {
    private OperatorClasses() {
    }

    /** The operator classes the schema language knows by name, as PostgreSQL spells them. */
    private static final Set<String> KNOWN = Set.of("inet_ops", "jsonb_ops", "jsonb_path_ops", "array_ops",
            "text_ops", "bit_minmax_ops", "varbit_minmax_ops", "bpchar_bloom_ops", "bpchar_minmax_ops",
            "bytea_bloom_ops", "bytea_minmax_ops", "date_bloom_ops", "date_minmax_ops", "date_minmax_multi_ops",
            "float4_bloom_ops", "float4_minmax_ops", "float4_minmax_multi_ops", "float8_bloom_ops",
            "float8_minmax_ops", "float8_minmax_multi_ops", "inet_inclusion_ops", "inet_bloom_ops", "inet_minmax_ops",
            "inet_minmax_multi_ops", "int2_bloom_ops", "int2_minmax_ops", "int2_minmax_multi_ops", "int4_bloom_ops",
            "int4_minmax_ops", "int4_minmax_multi_ops", "int8_bloom_ops", "int8_minmax_ops", "int8_minmax_multi_ops",
            "numeric_bloom_ops", "numeric_minmax_ops", "numeric_minmax_multi_ops", "oid_bloom_ops", "oid_minmax_ops",
            "oid_minmax_multi_ops", "text_bloom_ops", "text_minmax_ops", "timestamp_bloom_ops",
            "timestamp_minmax_ops", "timestamp_minmax_multi_ops", "timestamptz_bloom_ops", "timestamptz_minmax_ops",
            "timestamptz_minmax_multi_ops", "time_bloom_ops", "time_minmax_ops", "time_minmax_multi_ops",
            "timetz_bloom_ops", "timetz_minmax_ops", "timetz_minmax_multi_ops", "uuid_bloom_ops", "uuid_minmax_ops",
            "uuid_minmax_multi_ops");

    /** {@code jsonb_path_ops} → {@code JsonbPathOps}; an unknown class → {@code raw("name")}. */
    static String schemaName(String sqlName) {
        if (!KNOWN.contains(sqlName)) {
            return "raw(" + Literals.string(sqlName) + ")";
        }
        StringBuilder out = new StringBuilder();
        for (String part : sqlName.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String name = out.toString();
        // Prisma's spelling: Int4MinMaxOps, VarBitMinMaxOps, TimestampTzBloomOps, TimeTzBloomOps.
        return name.replace("Minmax", "MinMax").replace("Varbit", "VarBit").replace("Timestamptz", "TimestampTz")
                .replace("Timetz", "TimeTz");
    }
}
