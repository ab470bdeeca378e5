package org.faultline.coding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faultline.coding.kb.KbOverlay;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.NlpPipeline;

/**
 * The one place that builds the coder, for every entry point: the command line, the server's {@code /api/code} and
 * watcher, and the Spark executors. Each codes with the bundled knowledge base, the overlay directory laid over it
 * ({@code --kb DIR}, else the directory {@value KbOverlay#ENV} names) and any extra actor files, so the same text
 * gives the same events whichever door it comes in by.
 */
public final class Coders {
    private Coders() {
    }

    /**
     * The knowledge base with this overlay directory (none when empty) and these actor files on top.
     *
     * @throws org.faultline.coding.kb.KbException   for bad overlay rows (each named file:line)
     * @throws IllegalArgumentException for a bad row of an actor file (named file:line)
     */
    public static KnowledgeBase knowledgeBase(Optional<Path> overlayDir, List<Path> actorFiles) throws IOException {
        return KnowledgeBase.load(overlayDir.map(KbOverlay::read).orElse(null), actorFiles);
    }

    /** The knowledge base with the overlay that {@value KbOverlay#ENV} names in {@code env}, if any. */
    public static KnowledgeBase knowledgeBase(Map<String, String> env) throws IOException {
        return knowledgeBase(KbOverlay.fromEnvironment(env), List.of());
    }

    /** The rule-based coder over a new CoreNLP pipeline (loads the models: tens of seconds, about 1.5 GB). */
    public static RuleBasedCoder create(KnowledgeBase kb) {
        return create(new CoreNlpPipeline(), kb);
    }

    /** The rule-based coder over a pipeline already loaded (a Spark executor shares one between overlays). */
    public static RuleBasedCoder create(NlpPipeline pipeline, KnowledgeBase kb) {
        return new RuleBasedCoder(pipeline, kb);
    }
}
