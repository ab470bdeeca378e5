package org.faultline.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which {@code Host} and {@code Origin} headers the server answers, against DNS rebinding and cross-site writes.
 *
 * <p>A web page on another site can make a browser send requests here; DNS rebinding makes the browser believe such
 * requests are same-origin by pointing the attacker's name at this server's address. Such a request carries the
 * attacker's name in {@code Host}, so a Host is answered only when it is an IP address (a rebinding attack always
 * uses a name), {@code localhost}, the host name the server was bound to, or a name on the allow-list
 * ({@code --allow-host}). Writes (any method but GET, HEAD and OPTIONS) must in addition come from this server's
 * own origin when the browser says where they come from ({@code Origin}). Immutable and thread-safe.
 */
final class HostCheck {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> names = new TreeSet<>();

    HostCheck(String boundHost, List<String> allowed) {
        names.add("localhost");
        names.add(bare(boundHost));
        allowed.forEach(a -> names.add(bare(a)));
    }

    /**
     * The problem with a request's {@code Host} and, for writes, {@code Origin} headers, or empty when it may be
     * answered.
     */
    Optional<String> problem(String method, String host, String origin) {
        if (host != null && !host.isBlank() && !allowed(hostName(host))) {
            return Optional.of("this server does not answer to the name '" + hostName(host) + "' (a defence against "
                    + "DNS rebinding); use its address or localhost, or start it with --allow-host "
                    + hostName(host));
        }
        if (origin != null && !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) && !sameOrigin(origin, host)) {
            return Optional.of("a " + method + " from the web page of another site (Origin " + origin
                    + ") is refused; write requests must come from this server's own page or from a program "
                    + "that sends no Origin");
        }
        return Optional.empty();
    }

    private boolean allowed(String name) {
        return names.contains(name) || IPV4.matcher(name).matches() || name.contains(":");
    }

    /** True when {@code origin} is {@code http(s)://} followed by the request's own Host. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin.trim());
            if (o.getScheme() == null || o.getHost() == null) {
                return false;
            }
            int port = o.getPort() >= 0 ? o.getPort() : o.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            String expected = host.trim().toLowerCase(Locale.ROOT);
            String given = o.getHost().toLowerCase(Locale.ROOT) + ":" + port;
            if (!expected.contains(":") || expected.endsWith("]")) {
                expected = expected + ":" + (o.getScheme().equalsIgnoreCase("https") ? 443 : 80);
            }
            return expected.equals(given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host of a Host header: lower case, without the port and without the brackets of an IPv6 address. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h.substring(1) : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String bare(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
