package org.faultline.coding.lexicon;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.kb.TsvTable;

/** Modality and attribution cue words (negation, refusal, future, hypothetical, reporting), by lemma. */
public final class Cues {
    /** What a cue signals. */
    public enum Kind { NEGATION, REFUSAL, FUTURE, HYPOTHETICAL, REPORT, PAST_FAILED, HEDGE }

    private final Map<String, Kind> byLemma = new HashMap<>();
    private final Map<String, Kind> phrases = new HashMap<>();

    /** The modality cues bundled with the coder ({@code lexicon/cues.tsv}). */
    public static Cues bundled() {
        return new Cues(TsvTable.resource("/org/faultline/coding/lexicon/cues.tsv", "id", "kind", "lemma"));
    }

    public Cues(TsvTable table) {
        for (TsvTable.Row r : table.rows()) {
            Kind k;
            try {
                k = Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown cue kind '" + r.get("kind") + "'; expected one of " + Set.of(Kind.values()));
            }
            String lemma = r.get("lemma").toLowerCase(Locale.ROOT).trim();
            if (lemma.contains(" ")) {
                phrases.putIfAbsent(lemma, k);
            } else {
                byLemma.putIfAbsent(lemma, k);
            }
        }
    }

    /** The kind of a one-word cue, or {@code null}. */
    public Kind kind(String lemma) {
        return byLemma.get(lemma);
    }

    /** The kind of a two-or-more-word cue ("rule out", "according to"), or {@code null}. */
    public Kind phrase(String lemmas) {
        return phrases.get(lemmas);
    }

    public boolean is(String lemma, Kind kind) {
        return byLemma.get(lemma) == kind;
    }
}
