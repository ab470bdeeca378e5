package org.faultline.coding.events;

import org.faultline.coding.lexicon.TriggerEntry;

/**
 * A trigger matched to its lexicon entry in one sentence: what the trigger stage provides to the later stages.
 *
 * @param head     the token that heads the event (the verb, or the noun of a nominal event)
 * @param first    first token of the trigger span (a light verb and its noun span both)
 * @param last     last token of the trigger span
 * @param entry    the lexicon row that fired; for a light verb, the row of its event noun
 * @param nounHead the event noun's token for nominal and light-verb triggers, -1 for plain verbs
 */
public record Trigger(int head, int first, int last, TriggerEntry entry, int nounHead) {
    /** A nominal event ("the invasion"): the head is the noun itself. */
    public boolean nominal() {
        return nounHead == head;
    }
}
