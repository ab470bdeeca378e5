package org.faultline.eval;

import java.util.Objects;

/**
 * Tuple-level figures for one PLOVER type; not part of the reference scorer's output.
 *
 * <p>A gold event counts for every type it accepts ({@code ["PROTEST", "ASSAULT"]} counts once under each),
 * and is found when some prediction matches it at tuple level, whichever acceptable type that prediction
 * named. A prediction counts for the type it names and is right when it matches some gold event of its
 * document at tuple level. Precision is therefore about what the coder labelled with the type, recall
 * about the gold events for which the type would have been acceptable.
 *
 * @param type      PLOVER type
 * @param gold      gold events that accept the type
 * @param found     of those, the ones found at tuple level
 * @param predicted counted predictions of the type
 * @param correct   of those, the ones that match a gold event at tuple level
 */
public record TypeScore(String type, int gold, int found, int predicted, int correct) {
    public TypeScore {
        Objects.requireNonNull(type, "type");
        if (found < 0 || found > gold || correct < 0 || correct > predicted) {
            throw new IllegalArgumentException("inconsistent counts for " + type + ": found " + found + " of "
                    + gold + " gold, " + correct + " of " + predicted + " predictions right");
        }
    }

    /** Precision, recall and F1 from the counts, rounded as the headline figures are. */
    public Prf prf() {
        return Prf.split(found, correct, predicted, gold);
    }
}
