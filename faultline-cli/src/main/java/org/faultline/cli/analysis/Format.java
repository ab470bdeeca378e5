package org.faultline.cli.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Output formats of the question commands; each command accepts a subset, through its {@link FormatOption}, and
 * names it when refusing.
 */
public enum Format {
    TABLE, JSON, CSV, JSONL, GDELT, PARQUET, GRAPHML, GEXF, DOT, HTML, MD, TEXT;

    /** Parses a format name against the ones a command accepts. */
    public static Format parse(String name, Format... accepted) {
        for (Format f : accepted) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected one of "
                + Arrays.stream(accepted).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
