package org.faultline.store;

/**
 * An optional merge condition beside the shared place and the shared words of {@link MergeRule}: whether two
 * mentions' evidence texts say the same thing, however they word it (a sentence encoder's similarity, for
 * instance). Implementations are thread-safe and deterministic: the same two texts always give the same answer,
 * so that stories do not depend on the order documents arrive in.
 */
@FunctionalInterface
public interface EvidenceSimilarity {
    /** The condition that never holds: the merge rule as it is without one. */
    EvidenceSimilarity NONE = (a, b) -> false;

    /** Whether the two evidence texts report the same thing (symmetric). */
    boolean similar(String evidenceA, String evidenceB);
}
