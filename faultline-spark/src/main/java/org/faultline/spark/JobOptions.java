package org.faultline.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name value} arguments of a job's main method, checked against the names the job accepts: an
 * unknown or repeated name, or a name without value, is an {@link IllegalArgumentException} that lists the
 * valid names. Immutable.
 */
public final class JobOptions {
    private final String job;
    private final Map<String, String> values;

    private JobOptions(String job, Map<String, String> values) {
        this.job = job;
        this.values = values;
    }

    /**
     * Parses {@code args}; {@code flags} are names that take no value (their value reads {@code "true"}).
     */
    public static JobOptions parse(String job, String[] args, Set<String> names, Set<String> flags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : null;
            int eq = name == null ? -1 : name.indexOf('=');
            String inline = null;
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name == null || !(names.contains(name) || flags.contains(name))) {
                throw new IllegalArgumentException(job + ": unknown argument '" + a + "'; expected " + usage(names, flags));
            }
            if (out.containsKey(name)) {
                throw new IllegalArgumentException(job + ": --" + name + " given twice");
            }
            if (flags.contains(name)) {
                out.put(name, inline == null ? "true" : inline);
                continue;
            }
            if (inline == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(job + ": --" + name + " needs a value");
                }
                inline = args[++i];
            }
            out.put(name, inline);
        }
        return new JobOptions(job, out);
    }

    private static String usage(Set<String> names, Set<String> flags) {
        Set<String> all = new TreeSet<>(names);
        all.addAll(flags);
        return String.join(", ", all.stream().map(n -> "--" + n).toList());
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The value of a name the job cannot run without. */
    public String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(job + ": --" + name + " is required");
        }
        return v;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** A positive integer value, or {@code fallback} when absent. */
    public int positiveInt(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new IllegalArgumentException(job + ": --" + name + " is '" + v + "'; expected a positive integer");
    }

    /** One of {@code accepted}, or {@code fallback} when absent. */
    public String choice(String name, List<String> accepted, String fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!accepted.contains(v)) {
            throw new IllegalArgumentException(job + ": --" + name + " is '" + v + "'; expected one of "
                    + String.join(", ", accepted));
        }
        return v;
    }
}
