package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How catalog texts (PostgreSQL's {@code format_type} and {@code pg_get_expr}, MySQL's information_schema) are read
 * into the same types and defaults the calculation produces; the live tests check the same against real servers.
 */
class CatalogReadingTest {

    @Test
    void postgresTypes() {
        assertThat(PostgresCatalog.columnType("integer")).isEqualTo(ColumnType.of(Family.INT, "Integer"));
        assertThat(PostgresCatalog.columnType("timestamp(3) without time zone"))
                .isEqualTo(ColumnType.of(Family.DATETIME, "Timestamp(3)"));
        assertThat(PostgresCatalog.columnType("timestamp with time zone"))
                .isEqualTo(ColumnType.of(Family.DATETIME, "Timestamptz"));
        assertThat(PostgresCatalog.columnType("numeric(65,30)")).isEqualTo(ColumnType.of(Family.DECIMAL,
                "Decimal(65,30)"));
        assertThat(PostgresCatalog.columnType("character varying(255)"))
                .isEqualTo(ColumnType.of(Family.STRING, "VarChar(255)"));
        assertThat(PostgresCatalog.columnType("double precision")).isEqualTo(ColumnType.of(Family.FLOAT,
                "DoublePrecision"));
        assertThat(PostgresCatalog.columnType("circle")).isEqualTo(ColumnType.of(Family.UNSUPPORTED, "circle"));
    }

    @Test
    void postgresDefaults() {
        ColumnType text = ColumnType.of(Family.STRING, "Text");
        assertThat(PostgresCatalog.parseDefault("'it''s'::text", text, false)).isEqualTo(new ColumnDefault.Value("it's"));
        assertThat(PostgresCatalog.parseDefault("nextval('\"User_id_seq\"'::regclass)", ColumnType.of(Family.INT,
                "Integer"), false)).isEqualTo(new ColumnDefault.Sequence("User_id_seq"));
        assertThat(PostgresCatalog.parseDefault("CURRENT_TIMESTAMP", text, false)).isEqualTo(new ColumnDefault.Now());
        assertThat(PostgresCatalog.parseDefault("'-1'::integer", ColumnType.of(Family.INT, "Integer"), false))
                .isEqualTo(new ColumnDefault.Value("-1"));
        assertThat(PostgresCatalog.parseDefault("2.25", ColumnType.of(Family.DECIMAL, "Decimal(65,30)"), false))
                .isEqualTo(new ColumnDefault.Value("2.25"));
        assertThat(PostgresCatalog.parseDefault("'A'::\"Role\"", ColumnType.enumType("Role"), false))
                .isEqualTo(new ColumnDefault.Value("A"));
        assertThat(PostgresCatalog.parseDefault("'\\x68656c6c6f'::bytea", ColumnType.of(Family.BYTES, "ByteA"), false))
                .isEqualTo(new ColumnDefault.Value("68656c6c6f"));
        assertThat(PostgresCatalog.parseDefault("'2020-01-01 10:11:12.345'::timestamp without time zone",
                ColumnType.of(Family.DATETIME, "Timestamp(3)"), false))
                .isEqualTo(new ColumnDefault.Value("2020-01-01T10:11:12.345Z"));
        assertThat(PostgresCatalog.parseDefault("ARRAY['a'::text, 'b'::text]", text, true))
                .isEqualTo(new ColumnDefault.ListValue(List.of("a", "b")));
        assertThat(PostgresCatalog.parseDefault("'{}'::text[]", text, true))
                .isEqualTo(new ColumnDefault.ListValue(List.of()));
        assertThat(PostgresCatalog.parseDefault("gen_random_uuid()", text, false))
                .isEqualTo(new ColumnDefault.DbGenerated("gen_random_uuid()"));
    }

    @Test
    void mysqlTypesAndDefaults() {
        assertThat(MySqlCatalog.columnType("int", "T", "c")).isEqualTo(ColumnType.of(Family.INT, "Int"));
        assertThat(MySqlCatalog.columnType("int(11) unsigned", "T", "c"))
                .isEqualTo(ColumnType.of(Family.INT, "UnsignedInt"));
        assertThat(MySqlCatalog.columnType("tinyint(1)", "T", "c")).isEqualTo(ColumnType.of(Family.BOOLEAN,
                "TinyInt(1)"));
        assertThat(MySqlCatalog.columnType("varchar(191)", "T", "c")).isEqualTo(ColumnType.of(Family.STRING,
                "VarChar(191)"));
        assertThat(MySqlCatalog.columnType("datetime(3)", "T", "c")).isEqualTo(ColumnType.of(Family.DATETIME,
                "DateTime(3)"));
        assertThat(MySqlCatalog.columnType("enum('A','it''s')", "T", "c"))
                .isEqualTo(new ColumnType(Family.ENUM, "ENUM('A', 'it''s')", "T_c"));
        ColumnType varchar = ColumnType.of(Family.STRING, "VarChar(191)");
        assertThat(MySqlCatalog.parseDefault("'x'", varchar, false)).isEqualTo(new ColumnDefault.Value("x"));
        assertThat(MySqlCatalog.parseDefault("x", varchar, false)).isEqualTo(new ColumnDefault.Value("x"));
        assertThat(MySqlCatalog.parseDefault("current_timestamp(3)", ColumnType.of(Family.DATETIME, "DateTime(3)"),
                true)).isEqualTo(new ColumnDefault.Now());
        assertThat(MySqlCatalog.parseDefault("1", ColumnType.of(Family.BOOLEAN, "TinyInt(1)"), false))
                .isEqualTo(new ColumnDefault.Value("true"));
        assertThat(MySqlCatalog.parseDefault("uuid()", varchar, true))
                .isEqualTo(new ColumnDefault.DbGenerated("(uuid())"));
    }
}
