package dev.sinew.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a database server listens and whom to connect as: parsed from an override URL, or made by an embedded
 * server. {@code database} is the database to connect to for administration (may be empty); {@code query} holds
 * the remaining URL parameters (such as {@code sslmode=require}), passed on to every database's URL.
 */
record ServerAddress(String host, int port, String user, String password, String database, String query) {

    /**
     * Reads a server URL in either Prisma's form ({@code postgresql://user:password@host:5432/postgres},
     * {@code mysql://user:password@host:3306}) or JDBC's ({@code jdbc:postgresql://host/db?user=u&password=p},
     * {@code jdbc:mysql://...}, {@code jdbc:mariadb://...}).
     *
     * @throws IllegalArgumentException naming the problem when the URL is not one of these
     */
    static ServerAddress parse(String url, DatabaseKind kind) {
        String text = url.strip();
        String withoutJdbc = text.startsWith("jdbc:") ? text.substring("jdbc:".length()) : text;
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        List<String> schemes = kind == DatabaseKind.POSTGRESQL
                ? List.of("postgresql", "postgres")
                : List.of("mysql", "mariadb");
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException("expected a URL starting with " + String.join("://, ", schemes)
                    + "://, jdbc:" + schemes.get(0) + ":// or jdbc:" + schemes.get(1) + "://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL names no host");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                String key = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value;
                } else {
                    kept.add(parameter);
                }
            }
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : kind == DatabaseKind.POSTGRESQL ? 5432 : 3306;
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (kind == DatabaseKind.POSTGRESQL && database.isEmpty()) {
            database = "postgres";
        }
        if (user == null) {
            user = kind == DatabaseKind.POSTGRESQL ? "postgres" : "root";
        }
        return new ServerAddress(uri.getHost(), port, user, password == null ? "" : password, database,
                String.join("&", kept));
    }

    /** The {@code user:password@} part of a Prisma URL (the password left out when empty). */
    String encodedCredentials() {
        return password.isEmpty() ? encode(user) + "@" : encode(user) + ":" + encode(password) + "@";
    }

    /** {@code ?query} or nothing. */
    String querySuffix() {
        return query.isEmpty() ? "" : "?" + query;
    }

    // URLEncoder and URLDecoder speak form encoding, where '+' is a space; in a URL's user info it is a '+'.
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
