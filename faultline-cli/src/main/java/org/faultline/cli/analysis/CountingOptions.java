package org.faultline.cli.analysis;

import picocli.CommandLine.Option;

/** How the analyses count: actor level, and stories or mentions. */
public final class CountingOptions {
    @Option(names = "--level", paramLabel = "LEVEL", description = "Actors as countries/groups (country, default) or "
            + "as actor and sector, e.g. RUS:MIL (sector).")
    String level = "country";

    @Option(names = "--mentions", description = "Count every mention, not each merged event (story) once.")
    boolean mentions;
}
