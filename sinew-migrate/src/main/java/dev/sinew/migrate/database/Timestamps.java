package dev.sinew.migrate.database;

import dev.sinew.sql.Dialect;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads the timestamps of a {@code _prisma_migrations} table in every form a tool may have stored them: driver
 * date-time objects, milliseconds since the epoch (Prisma's schema engine on SQLite), ISO-8601 text (Prisma's driver
 * adapters), and SQLite's {@code current_timestamp} text, which is UTC.
 */
public final class Timestamps {
    private static final DateTimeFormatter SQL_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Timestamps() {}

    public static Instant read(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        String text = value.toString().strip();
        if (text.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not ISO in UTC
        }
        String withoutZone = text.replaceFirst("\\s*(UTC|Z|[+-]00:?00)$", "").replace('T', ' ');
        try {
            return LocalDateTime.parse(withoutZone, SQL_TEXT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null; // an unreadable time is shown as unknown rather than failing the command
        }
    }

    /**
     * A time as Prisma's messages print it: {@code 2026-11-25 00:20:15.425 UTC}, the fraction in groups of three
     * digits and left out when zero.
     */
    public static String display(Instant time) {
        if (time == null) {
            return "an unknown time";
        }
        return Dialect.localDateTime(time.atOffset(ZoneOffset.UTC)) + " UTC";
    }
}
