package org.faultline.cli.analysis;

import picocli.CommandLine.Option;

/** How the analyses count: actor level, and stories or mentions. */
public final class CountingOptions {
    @Option(names = "--level", paramLabel = "LEVEL", description = "group (default): states apart from armed groups "
            + "(HAMAS, HEZBOLLAH, HOUTHIS, WAGNER) and from unnamed rebels, insurgents and opposition (SYR-REB); "
            + "country: everything folded into its country (HAMAS into PSE); sector: actor and sector (RUS:MIL).")
    String level = "group";

    @Option(names = "--mentions", description = "Count every mention, not each merged event (story) once.")
    boolean mentions;
}
