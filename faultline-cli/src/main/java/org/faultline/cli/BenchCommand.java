package org.faultline.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.faultline.coding.ArticleCoder;
import org.faultline.gate.RelevanceGate;
import org.faultline.ingest.ReadOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faultline bench}: end-to-end coding throughput and peak heap on a corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end-to-end coding speed (documents/s, sentences/s) and peak heap on a corpus; prints a table."
                + " With --gate on (or a threshold) the same documents are coded with the gate off and then on, and"
                + " the table has a column for each.",
        footer = {"", "Example:", "  faultline bench --limit 500 ../shared/corpora/wcep-2015-09.docs.jsonl",
            "  faultline bench --gate on --limit 500 ../shared/corpora/reuters21578.docs.jsonl"})
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

    /** One timed run: its summary, the peak heap while it ran and the gate's decisions in it (or {@code null}). */
    private record Run(CodingBatch.Summary sum, long peakHeap, RelevanceGate.Counts gate) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Usage.atLeast(spec, "--limit", limit, 1);
        Usage.atLeast(spec, "--warmup", warmup, 0);
        input.check(paths);
        coderOptions.check();
        long t0 = System.nanoTime();
        CoderOptions.Built built = coderOptions.buildBoth(err);
        double load = (System.nanoTime() - t0) / 1e9;
        List<ReadOutcome> docs;
        try (Stream<ReadOutcome> s = input.read(paths)) {
            docs = s.limit((long) limit + warmup).toList();
        }
        List<ReadOutcome> warm = docs.subList(0, Math.min(warmup, docs.size()));
        List<ReadOutcome> timed = docs.subList(warm.size(), docs.size());
        List<String> labels = new ArrayList<>(List.of("gate off"));
        List<Run> runs = new ArrayList<>(List.of(timed(built.ungated(), null, warm, timed, err)));
        RelevanceGate.Counts counts = null;
        if (built.gated() != null) {
            labels.add("gate on (" + String.format(Locale.ROOT, "%.2f", built.gate().threshold()) + ")");
            Run on = timed(built.gated(), built.gate(), warm, timed, err);
            runs.add(on);
            counts = on.gate();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "| metric | %s |%n|---|%s%n", String.join(" | ", labels), "---|".repeat(labels.size()));
        out.printf(Locale.ROOT, "| corpus | %s |%n", String.join(" ", paths));
        out.printf(Locale.ROOT, "| threads | %d |%n", coderOptions.threads);
        out.printf(Locale.ROOT, "| model load, both (s) | %.1f |%n", load);
        row(out, "documents (timed)", runs, r -> r.sum().documents() + " (" + r.sum().failed() + " failed)");
        row(out, "sentences", runs, r -> String.valueOf(r.sum().sentences()));
        row(out, "events", runs, r -> String.valueOf(r.sum().events()));
        row(out, "seconds", runs, r -> String.format(Locale.ROOT, "%.1f", r.sum().seconds()));
        row(out, "documents/s", runs, r -> String.format(Locale.ROOT, "%.2f", r.sum().docsPerSecond()));
        row(out, "sentences/s", runs, r -> String.format(Locale.ROOT, "%.1f", r.sum().sentencesPerSecond()));
        row(out, "peak heap (MB)", runs, r -> String.valueOf(r.peakHeap() / (1024 * 1024)));
        out.printf(Locale.ROOT, "| max heap (MB) | %d |%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (counts != null) {
            out.printf(Locale.ROOT, "| gate: sentences asked / parsed / certain (timed documents) | | %d / %d / %d |%n",
                    counts.asked(), counts.passed(), counts.certain());
        }
        out.flush();
        return 0;
    }

    /** Codes the warm-up documents, then times the others; the gate's decisions are counted on the timed ones. */
    private Run timed(ArticleCoder coder, RelevanceGate gate, List<ReadOutcome> warm, List<ReadOutcome> timed,
                      PrintWriter err) {
        new CodingBatch(coder, coderOptions.threads, err).run(warm.stream(), i -> null);
        RelevanceGate.Counts before = gate == null ? null : gate.counts();
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
        RelevanceGate.Counts counted = null;
        if (gate != null) {
            RelevanceGate.Counts after = gate.counts();
            counted = new RelevanceGate.Counts(after.asked() - before.asked(), after.passed() - before.passed(),
                    after.certain() - before.certain());
        }
        return new Run(sum, peak, counted);
    }

    private static void row(PrintWriter out, String metric, List<Run> runs, Function<Run, String> cell) {
        out.printf(Locale.ROOT, "| %s | %s |%n", metric, String.join(" | ", runs.stream().map(cell).toList()));
    }
}
