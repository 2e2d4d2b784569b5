package dev.sinew.sql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A database server URL as Prisma's datasource writes it: {@code scheme://user:password@host:port/database?k=v}. */
record ServerUrl(String host, int port, String user, String password, String database, Map<String, String> query) {

    /** @throws IllegalArgumentException saying what is wrong with the URL */
    static ServerUrl parse(String url, int defaultPort) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
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
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                query.put(decode(eq < 0 ? parameter : parameter.substring(0, eq)),
                        eq < 0 ? "" : decode(parameter.substring(eq + 1)));
            }
        }
        String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new ServerUrl(uri.getHost(), uri.getPort() >= 0 ? uri.getPort() : defaultPort, user, password,
                database, query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
