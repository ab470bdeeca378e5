package org.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.coding.kb.KnowledgeBase;
import picocli.CommandLine.Option;

/** Options every coding command shares, and the one place that builds the coder. */
public final class CoderOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @picocli.CommandLine.Mixin
    KbOptions kb = new KbOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Documents coded in parallel (default: ${DEFAULT-VALUE}).")
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** Refuses bad values as usage errors; call before loading the models (and before opening a store). */
    public void check() {
        Usage.atLeast(mixee, "--threads", threads, 1);
        kb.check(mixee);
    }

    /** Loads the knowledge base and CoreNLP models once (20-50 s); reports the time on stderr. */
    public RuleBasedCoder build(PrintWriter err) throws IOException {
        check();
        long t0 = System.nanoTime();
        KnowledgeBase kb = this.kb.load(mixee);
        err.printf(Locale.ROOT, "loading NLP models (once per run) ...%n");
        err.flush();
        RuleBasedCoder coder = org.faultline.coding.Coders.create(kb);
        err.printf(Locale.ROOT, "coder ready in %.1f s (%d knowledge-base entries%s)%n", (System.nanoTime() - t0) / 1e9,
                kb.size(), kb.overlay().map(d -> ", overlay " + d).orElse(""));
        err.flush();
        return coder;
    }
}
