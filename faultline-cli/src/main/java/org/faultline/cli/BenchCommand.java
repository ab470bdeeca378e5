package org.faultline.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.ingest.ReadOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faultline bench}: end-to-end coding throughput and peak heap on a corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end-to-end coding speed (documents/s, sentences/s) and peak heap on a corpus; prints a table.",
        footer = {"", "Example:", "  faultline bench --limit 500 ../shared/corpora/wcep-2015-09.docs.jsonl"})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Corpus files or folders.")
    List<String> paths;

    @Option(names = "--limit", paramLabel = "N", description = "Code at most N documents (default 300).")
    int limit = 300;

    @Option(names = "--warmup", paramLabel = "N", description = "Documents coded first and not timed (default 20).")
    int warmup = 20;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    CoderOptions coderOptions = new CoderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Usage.atLeast(spec, "--limit", limit, 1);
        Usage.atLeast(spec, "--warmup", warmup, 0);
        input.check(paths);
        coderOptions.check();
        long t0 = System.nanoTime();
        RuleBasedCoder coder = coderOptions.build(err);
        double load = (System.nanoTime() - t0) / 1e9;
        List<ReadOutcome> docs;
        try (Stream<ReadOutcome> s = input.read(paths)) {
            docs = s.limit((long) limit + warmup).toList();
        }
        List<ReadOutcome> warm = docs.subList(0, Math.min(warmup, docs.size()));
        List<ReadOutcome> timed = docs.subList(warm.size(), docs.size());
        new CodingBatch(coder, coderOptions.threads, err).run(warm.stream(), i -> null);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        CodingBatch.Summary sum = new CodingBatch(coder, coderOptions.threads, err).run(timed.stream(), i -> null);
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "| metric | value |%n|---|---|%n");
        out.printf(Locale.ROOT, "| corpus | %s |%n", String.join(" ", paths));
        out.printf(Locale.ROOT, "| threads | %d |%n", coderOptions.threads);
        out.printf(Locale.ROOT, "| model load (s) | %.1f |%n", load);
        out.printf(Locale.ROOT, "| documents (timed) | %d (%d failed) |%n", sum.documents(), sum.failed());
        out.printf(Locale.ROOT, "| sentences | %d |%n", sum.sentences());
        out.printf(Locale.ROOT, "| events | %d |%n", sum.events());
        out.printf(Locale.ROOT, "| seconds | %.1f |%n", sum.seconds());
        out.printf(Locale.ROOT, "| documents/s | %.2f |%n", sum.docsPerSecond());
        out.printf(Locale.ROOT, "| sentences/s | %.1f |%n", sum.sentencesPerSecond());
        out.printf(Locale.ROOT, "| peak heap (MB) | %d |%n", peak / (1024 * 1024));
        out.printf(Locale.ROOT, "| max heap (MB) | %d |%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.flush();
        return 0;
    }
}
