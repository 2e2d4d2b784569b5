package dev.sinew.sql;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driver errors of the servers that cannot run here in unit tests, read into constraint violations. The messages are
 * the servers' own texts.
 */
class ConstraintViolationTest {

    @Test
    void postgres() {
        Dialect pg = new PostgresDialect();
        assertThat(pg.constraintViolation(new SQLException("ERROR: insert or update on table \"Post\" violates "
                + "foreign key constraint \"Post_authorId_fkey\"\n  Detail: Key (\"authorId\")=(99) is not present in "
                + "table \"User\".", "23503")))
                .contains(new ConstraintViolation.ForeignKeyViolation("Post_authorId_fkey", List.of()));
        assertThat(pg.constraintViolation(new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"Post_authorId_title_key\"\n  Detail: Key (\"authorId\", title)=(1, x) already exists.", "23505")))
                .contains(new ConstraintViolation.UniqueViolation("Post_authorId_title_key", List.of("authorId", "title")));
        assertThat(pg.constraintViolation(new SQLException("ERROR: null value in column \"email\" of relation "
                + "\"User\" violates not-null constraint", "23502")))
                .contains(new ConstraintViolation.NullViolation("email"));
        assertThat(pg.constraintViolation(new SQLException("ERROR: value too long for type character varying(5)",
                "22001"))).contains(new ConstraintViolation.ValueTooLong(null));
        assertThat(pg.constraintViolation(new SQLException("ERROR: numeric field overflow\n  Detail: A field with "
                + "precision 4, scale 2 must round to an absolute value less than 10^2.", "22003")))
                .contains(new ConstraintViolation.ValueOutOfRange("numeric field overflow"));
        assertThat(pg.constraintViolation(new SQLException("ERROR: syntax error", "42601"))).isEmpty();
        assertThat(new CockroachDialect().constraintViolation(new SQLException("ERROR: insert on table \"Post\" "
                + "violates foreign key constraint \"Post_authorId_fkey\"", "23503")))
                .contains(new ConstraintViolation.ForeignKeyViolation("Post_authorId_fkey", List.of()));
    }

    @Test
    void mysqlAndMariaDb() {
        Dialect mysql = new MySqlDialect();
        assertThat(mysql.constraintViolation(new SQLException("Cannot add or update a child row: a foreign key "
                + "constraint fails (`db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES "
                + "`User` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE)", "23000", 1452)))
                .contains(new ConstraintViolation.ForeignKeyViolation("Post_authorId_fkey", List.of("authorId")));
        assertThat(mysql.constraintViolation(new SQLException("Duplicate entry 'a@b.c' for key 'User_email_key'",
                "23000", 1062)))
                .contains(new ConstraintViolation.UniqueViolation("User_email_key", List.of()));
        assertThat(mysql.constraintViolation(new SQLException("Duplicate entry 'a@b.c' for key "
                + "'User.User_email_key'", "23000", 1062)))
                .contains(new ConstraintViolation.UniqueViolation("User_email_key", List.of()));
        assertThat(mysql.constraintViolation(new SQLException("Foreign key constraint for table 'User', record '2' "
                + "would lead to a duplicate entry in table 'Profile', key 'Profile_userId_key'", "23000", 1761)))
                .contains(new ConstraintViolation.UniqueViolation("Profile_userId_key", List.of()));
        assertThat(mysql.constraintViolation(new SQLException("Foreign key constraint for table 'User', record '2' "
                + "would lead to a duplicate entry in a child table", "23000", 1762)))
                .contains(new ConstraintViolation.UniqueViolation(null, List.of()));
        assertThat(mysql.constraintViolation(new SQLException("Column 'email' cannot be null", "23000", 1048)))
                .contains(new ConstraintViolation.NullViolation("email"));
        assertThat(mysql.constraintViolation(new SQLException("(conn=12) Data too long for column 'name' at row 2",
                "22001", 1406))).contains(new ConstraintViolation.ValueTooLong("name"));
        assertThat(mysql.constraintViolation(new SQLException("(conn=12) Out of range value for column 'views' at "
                + "row 1", "22003", 1264)))
                .contains(new ConstraintViolation.ValueOutOfRange("Out of range value for column 'views' at row 1"));
    }

    @Test
    void sqlServer() {
        Dialect mssql = new SqlServerDialect();
        assertThat(mssql.constraintViolation(new SQLException("The INSERT statement conflicted with the FOREIGN KEY "
                + "constraint \"Post_authorId_fkey\". The conflict occurred in database \"db\", table \"dbo.User\", "
                + "column 'id'.", "23000", 547)))
                .contains(new ConstraintViolation.ForeignKeyViolation("Post_authorId_fkey", List.of()));
        assertThat(mssql.constraintViolation(new SQLException("Violation of UNIQUE KEY constraint 'User_email_key'. "
                + "Cannot insert duplicate key in object 'dbo.User'. The duplicate key value is (a@b.c).", "23000",
                2627)))
                .contains(new ConstraintViolation.UniqueViolation("User_email_key", List.of()));
        assertThat(mssql.constraintViolation(new SQLException("Cannot insert duplicate key row in object 'dbo.User' "
                + "with unique index 'User_email_key'. The duplicate key value is (a).", "23000", 2601)))
                .contains(new ConstraintViolation.UniqueViolation("User_email_key", List.of()));
        assertThat(mssql.constraintViolation(new SQLException("Cannot insert the value NULL into column 'email', "
                + "table 'db.dbo.User'; column does not allow nulls. INSERT fails.", "23000", 515)))
                .contains(new ConstraintViolation.NullViolation("email"));
    }
}
