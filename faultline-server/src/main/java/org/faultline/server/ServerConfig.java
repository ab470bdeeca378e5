package org.faultline.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to run the server.
 *
 * @param host         address to bind; {@code 127.0.0.1} unless the user asks for more
 * @param port         TCP port, 0 for any free one
 * @param storeUrl     the event store, as {@link org.faultline.store.StoreUrl#parse} accepts it
 * @param token        bearer token that allows the write endpoints, or {@code null} for a read-only server
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param coding       what {@code POST /api/code} (open to all) may ask of the server
 * @param allowedHosts host names answered besides the bound address and, on loopback or all interfaces,
 *                     {@code localhost} and the loopback addresses (see {@link HostCheck}); lower case, no port
 */
public record ServerConfig(String host, int port, String storeUrl, String token, long maxBodyBytes,
        CodingLimits coding, List<String> allowedHosts) {
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
        if (coding == null) {
            coding = CodingLimits.DEFAULTS;
        }
        List<String> hosts = new ArrayList<>();
        for (String h : allowedHosts == null ? List.<String>of() : allowedHosts) {
            String n = h == null ? "" : h.trim().toLowerCase(Locale.ROOT);
            if (n.startsWith("[") && n.endsWith("]")) {
                n = n.substring(1, n.length() - 1);
            }
            if (n.isEmpty() || n.contains("/") || n.contains(" ") || (n.contains(":") && n.chars().filter(c -> c == ':')
                    .count() == 1)) {
                problems.add("allowed host '" + h + "' is not a host name or address (no scheme, port or path), e.g. "
                        + "faultline.example.org");
            } else {
                hosts.add(n);
            }
        }
        allowedHosts = List.copyOf(hosts);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A configuration with the default coding limits and no extra host names. */
    public ServerConfig(String host, int port, String storeUrl, String token, long maxBodyBytes) {
        this(host, port, storeUrl, token, maxBodyBytes, CodingLimits.DEFAULTS, List.of());
    }

    public static ServerConfig defaults(String storeUrl) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, storeUrl, null, DEFAULT_MAX_BODY);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, storeUrl, token, maxBodyBytes, coding, allowedHosts);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, storeUrl, token, maxBodyBytes, coding, allowedHosts);
    }

    public ServerConfig withToken(String t) {
        return new ServerConfig(host, port, storeUrl, t, maxBodyBytes, coding, allowedHosts);
    }

    public ServerConfig withMaxBodyBytes(long n) {
        return new ServerConfig(host, port, storeUrl, token, n, coding, allowedHosts);
    }

    public ServerConfig withCoding(CodingLimits c) {
        return new ServerConfig(host, port, storeUrl, token, maxBodyBytes, c, allowedHosts);
    }

    public ServerConfig withAllowedHosts(List<String> hosts) {
        return new ServerConfig(host, port, storeUrl, token, maxBodyBytes, coding, hosts);
    }

    public boolean readOnly() {
        return token == null;
    }
}
