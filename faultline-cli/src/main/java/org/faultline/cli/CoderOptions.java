package org.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.gate.GateSetting;
import org.faultline.gate.GatedCoders;
import org.faultline.gate.RelevanceGate;
import org.faultline.gate.SentenceEncoder;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.NlpPipeline;
import picocli.CommandLine.Option;

/** Options every coding command shares, and the one place that builds the coder. */
public final class CoderOptions {
    /**
     * What {@code --gate} is when not given: the setting {@value GatedCoders#ENV} names, else
     * {@link GatedCoders#DEFAULT} (BENCHMARKS.md, "Relevance gate", has the measurements behind it).
     */
    static String defaultGate() {
        String v = System.getenv(GatedCoders.ENV);
        return v == null || v.isBlank() ? GatedCoders.DEFAULT.toString() : v;
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @picocli.CommandLine.Mixin
    KbOptions kb = new KbOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Documents coded in parallel (default: ${DEFAULT-VALUE}).")
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    @Option(names = "--gate", paramLabel = "off|on|T", description = "The relevance gate between tagging and parsing:"
            + " off, on (the head's threshold) or a threshold in (0, 1); a sentence the gate refuses is not parsed "
            + "and gives no event (default: ${DEFAULT-VALUE}; " + GatedCoders.ENV + " sets it for every command, "
            + "the server and Spark).")
    String gate = defaultGate();

    /** Refuses bad values as usage errors; call before loading the models (and before opening a store). */
    public void check() {
        Usage.atLeast(mixee, "--threads", threads, 1);
        kb.check(mixee);
        gateSetting();
    }

    /** The parsed {@code --gate}. */
    public GateSetting gateSetting() {
        return Usage.option(mixee, "--gate", () -> GateSetting.parse(gate));
    }

    /** The sentence encoder, loaded once and shared by the gate, the second opinion and the semantic merge. */
    public SentenceEncoder encoder() {
        return SentenceEncoder.shared();
    }

    /** Loads the knowledge base and CoreNLP models once (20-50 s); reports the time on stderr. */
    public ArticleCoder build(PrintWriter err) throws IOException {
        Built b = buildBoth(err);
        return b.gated() != null ? b.gated() : b.ungated();
    }

    /**
     * The coder without the gate and, when {@code --gate} is not off, the coder with it, over one loaded pipeline
     * (for {@code eval} and {@code bench}, which report both). Built by {@link GatedCoders}, as the server and the
     * Spark job build theirs.
     */
    public Built buildBoth(PrintWriter err) throws IOException {
        check();
        long t0 = System.nanoTime();
        KnowledgeBase kb = this.kb.load(mixee);
        err.printf(Locale.ROOT, "loading NLP models (once per run) ...%n");
        err.flush();
        NlpPipeline pipeline = new CoreNlpPipeline();
        GatedCoders.Built b = GatedCoders.build(pipeline, kb, gateSetting(), this::encoder);
        err.printf(Locale.ROOT, "coder ready in %.1f s (%d knowledge-base entries%s; %s)%n",
                (System.nanoTime() - t0) / 1e9, kb.size(), kb.overlay().map(d -> ", overlay " + d).orElse(""),
                b.gate() == null ? "gate off" : b.gate().description());
        err.flush();
        return new Built(b.ungated(), b.gated(), b.gate());
    }

    /**
     * @param ungated the coder that parses every sentence its rules' filter keeps
     * @param gated   the coder behind the relevance gate, with the encoder's second opinion in each event's
     *                confidence, or {@code null} when {@code --gate off}
     * @param gate    the gate of {@code gated}, or {@code null}
     */
    public record Built(RuleBasedCoder ungated, ArticleCoder gated, RelevanceGate gate) {
    }
}
