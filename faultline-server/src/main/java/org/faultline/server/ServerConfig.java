package org.faultline.server;

import java.util.ArrayList;
import java.util.List;

/**
 * How to run the server.
 *
 * @param host         address to bind; {@code 127.0.0.1} unless the user asks for more
 * @param port         TCP port, 0 for any free one
 * @param storeUrl     the event store, as {@link org.faultline.store.StoreUrl#parse} accepts it
 * @param token        bearer token that allows the write endpoints, or {@code null} for a read-only server
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 */
public record ServerConfig(String host, int port, String storeUrl, String token, long maxBodyBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 5L * 1024 * 1024;
    /** Environment variable read for the token when none is given on the command line. */
    public static final String TOKEN_ENV = "FAULTLINE_TOKEN";

    public ServerConfig {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add("host is empty; expected an address such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            problems.add("port " + port + " is not in 0..65535");
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < 8) {
            problems.add("the token has " + token.length() + " characters; use at least 8");
        }
        if (maxBodyBytes < 1024) {
            problems.add("maximum body size " + maxBodyBytes + " bytes is below 1024");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public static ServerConfig defaults(String storeUrl) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, storeUrl, null, DEFAULT_MAX_BODY);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, storeUrl, token, maxBodyBytes);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, storeUrl, token, maxBodyBytes);
    }

    public ServerConfig withToken(String t) {
        return new ServerConfig(host, port, storeUrl, t, maxBodyBytes);
    }

    public ServerConfig withMaxBodyBytes(long n) {
        return new ServerConfig(host, port, storeUrl, token, n);
    }

    public boolean readOnly() {
        return token == null;
    }
}
