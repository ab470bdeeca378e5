package org.faultline.cli.analysis;

import org.faultline.cli.Usage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --limit} and {@code --offset} of the listings that come in pages as the API's do ({@code events},
 * {@code failures}); the default limit is the command's ({@code 0} = all). A picocli mixin; not thread-safe.
 */
public final class PageOptions {
    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default ${DEFAULT-VALUE}; 0 = all).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N rows.")
    int offset;

    /** No limit by default. */
    public PageOptions() {
        this(0);
    }

    /** {@code limit} by default. */
    public PageOptions(int limit) {
        this.limit = limit;
    }

    /** A negative limit or offset is a usage error naming the option. */
    public void check(CommandSpec spec) {
        Usage.atLeast(spec, "--limit", limit, 0);
        Usage.atLeast(spec, "--offset", offset, 0);
    }

    public int limit() {
        return limit;
    }

    public int offset() {
        return offset;
    }
}
