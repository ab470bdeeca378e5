package org.faultline.server;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;

/**
 * Reads the query parameters of one request, collecting every problem instead of stopping at the first, so a
 * 400 answer lists them all. Parameters an endpoint does not know are problems too (a misspelt filter must
 * not silently widen a query). Call {@link #done()} after reading: it throws the collected problems.
 * Not thread-safe; one per request.
 */
final class QueryParams {
    private final Map<String, List<String>> raw;
    private final Set<String> known;
    private final List<String> problems = new ArrayList<>();

    QueryParams(Map<String, List<String>> raw, String... known) {
        this.raw = raw;
        this.known = new LinkedHashSet<>(Arrays.asList(known));
    }

    /** The single value of a parameter, or {@code null} when absent or blank. */
    String string(String name) {
        List<String> v = raw.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            problems.add("parameter '" + name + "' is given " + v.size() + " times; give it once");
        }
        String s = v.get(0).trim();
        return s.isEmpty() ? null : s;
    }

    /** Values of a parameter given repeatedly or comma-separated. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String v : raw.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    int integer(String name, int dflt, int min, int max) {
        String s = string(name);
        if (s == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                problems.add("parameter '" + name + "' is " + v + "; expected " + min + " to " + max);
                return dflt;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add("parameter '" + name + "' is '" + s + "'; expected a whole number from " + min + " to " + max);
            return dflt;
        }
    }

    LocalDate date(String name) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add("parameter '" + name + "' is '" + s + "'; expected a date like 2024-06-19");
            return null;
        }
    }

    ActorKey actor(String name) {
        return parsed(name, ActorKey::parse);
    }

    /** A required actor. */
    ActorKey requiredActor(String name) {
        if (string(name) == null) {
            problems.add("parameter '" + name + "' is missing; expected an actor such as RUS or RUS:MIL");
            return null;
        }
        return actor(name);
    }

    <T> T parsed(String name, Function<String, T> parser) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            problems.add("parameter '" + name + "': " + e.getMessage());
            return null;
        }
    }

    Set<EventType> types(String name) {
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        for (String s : list(name)) {
            try {
                out.add(EventType.parse(s));
            } catch (IllegalArgumentException e) {
                problems.add("parameter '" + name + "': " + e.getMessage());
            }
        }
        return out;
    }

    Set<Integer> quads(String name) {
        Set<Integer> out = new TreeSet<>();
        for (String s : list(name)) {
            try {
                int q = Integer.parseInt(s);
                if (q < 1 || q > 4) {
                    throw new NumberFormatException();
                }
                out.add(q);
            } catch (NumberFormatException e) {
                problems.add("parameter '" + name + "' has '" + s + "'; expected quad classes 1 to 4");
            }
        }
        return out;
    }

    /** Records a problem found by the caller while combining parameters. */
    void problem(String p) {
        problems.add(p);
    }

    /** True while no problem is recorded and every parameter is known (what {@link #done} would pass). */
    boolean ok() {
        return problems.isEmpty() && known.containsAll(raw.keySet());
    }

    /** Throws a 400 listing every problem (unknown parameters first); returns when there are none. */
    void done() {
        List<String> all = new ArrayList<>();
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!known.contains(name)) {
                all.add("unknown parameter '" + name + "'; this endpoint accepts "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        all.addAll(problems);
        if (!all.isEmpty()) {
            // A parameter read twice (say, checked for presence and then parsed) reports its problem once.
            throw ApiException.badRequest(List.copyOf(new LinkedHashSet<>(all)));
        }
    }
}
