package org.faultline.coding.events;

import java.util.List;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.lexicon.TriggerEntry;
import org.faultline.model.Attribution;
import org.faultline.model.EventType;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.model.Quantity;

/**
 * An event found in one sentence, before it becomes an {@link org.faultline.model.Event}.
 *
 * @param sentence     sentence index
 * @param triggerFirst first trigger token
 * @param triggerLast  last trigger token (a light verb and its noun span both)
 * @param entry        the lexicon entry that fired
 * @param type         event type (may differ from the entry's for promised or threatened acts)
 * @param mode         PLOVER mode or {@code null}
 * @param context      PLOVER contexts
 * @param cameo        CAMEO code
 * @param actors       actor mentions
 * @param recipients   recipient mentions
 * @param modality     asserted, negated, refused, future, hypothetical
 * @param attribution  who claims it, or {@code null}
 * @param date         when
 * @param location     where, or {@code null}
 * @param quantity     a number, or {@code null}
 * @param confidence   0..1
 * @param rule         trigger entry id plus the rules that shaped the record
 */
public record Candidate(int sentence, int triggerFirst, int triggerLast, TriggerEntry entry, EventType type, String mode,
                        List<String> context, String cameo, List<Mention> actors, List<Mention> recipients,
                        Modality modality, Attribution attribution, EventDate date, Location location,
                        Quantity quantity, double confidence, String rule) {
    public Candidate {
        java.util.Objects.requireNonNull(type, () -> "no event type for rule " + rule);
        java.util.Objects.requireNonNull(modality, () -> "no modality for rule " + rule);
    }

    /** The same event between other participants, with {@code rule} appended to the rules that shaped it. */
    Candidate withParticipants(List<Mention> newActors, List<Mention> newRecipients, String rule) {
        return new Candidate(sentence, triggerFirst, triggerLast, entry, type, mode, context, cameo, newActors,
                newRecipients, modality, attribution, date, location, quantity, confidence, this.rule + "+" + rule);
    }
}
