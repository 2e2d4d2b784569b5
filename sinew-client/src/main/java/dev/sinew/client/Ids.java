package dev.sinew.client;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ids Prisma's client generates itself for {@code @default(uuid())}, {@code cuid()}, {@code ulid()} and
 * {@code nanoid()}: same alphabets, lengths and layouts.
 */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final char[] NANOID = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".toCharArray();
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt(1_679_616));
    private static final String FINGERPRINT = fingerprint();

    private Ids() {
    }

    static String uuid(int version) {
        if (version != 7) {
            return UUID.randomUUID().toString();
        }
        // RFC 9562 version 7: 48 bits of Unix milliseconds, then version, variant and random bits.
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** cuid (version 1): c + time + counter + fingerprint + random, base 36, 25 characters. */
    static String cuid(int version) {
        if (version == 2) {
            return cuid2();
        }
        String time = Long.toString(System.currentTimeMillis(), 36);
        String counter = pad(Integer.toString(COUNTER.getAndIncrement() % 1_679_616 & 0x7fffffff, 36), 4);
        String random = pad(Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36), 8);
        return "c" + time + counter + FINGERPRINT + random.substring(random.length() - 8);
    }

    /** cuid2: a letter then 23 base-36 characters of a SHA3 hash of time, entropy, counter and fingerprint. */
    private static String cuid2() {
        String input = Long.toString(System.currentTimeMillis(), 36) + randomBase36(24)
                + Integer.toString(COUNTER.getAndIncrement(), 36) + FINGERPRINT;
        try {
            byte[] hash = MessageDigest.getInstance("SHA3-512").digest(input.getBytes(StandardCharsets.UTF_8));
            String digits = new BigInteger(1, hash).toString(36);
            char first = BASE36[10 + RANDOM.nextInt(26)];
            return first + digits.substring(1, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-512 is part of every Java 17 runtime", e);
        }
    }

    /** ULID: 48 bits of milliseconds and 80 random bits, Crockford base 32, 26 characters. */
    static String ulid() {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = CROCKFORD[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** nanoid: {@code length} (default 21) characters of the URL-safe alphabet. */
    static String nanoid(Integer length) {
        int n = length == null ? 21 : length;
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = NANOID[RANDOM.nextInt(64)];
        }
        return new String(out);
    }

    private static String randomBase36(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE36[RANDOM.nextInt(36)];
        }
        return new String(out);
    }

    private static String pad(String s, int length) {
        return s.length() >= length ? s.substring(s.length() - length) : "0".repeat(length - s.length()) + s;
    }

    private static String fingerprint() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int hash = name.hashCode() & 0x7fffffff;
        return pad(Integer.toString(hash % 1_679_616, 36), 4);
    }
}
