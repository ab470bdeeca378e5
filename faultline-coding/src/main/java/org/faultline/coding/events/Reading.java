package org.faultline.coding.events;

import java.util.ArrayList;
import java.util.List;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.lexicon.Recodes.Recode;
import org.faultline.model.Attribution;
import org.faultline.model.EventType;
import org.faultline.model.Modality;

/**
 * What one trigger is read as while the later stages reshape it: the value {@link RecodeStage} and
 * {@link FallbackStage} take and return in place of the extractor's loose locals. Immutable; every change gives a
 * new reading, and a rule that changes it appends its id to {@link #rules}.
 *
 * @param type        event type, {@code null} only where the trigger entry has none
 * @param cameo       CAMEO code
 * @param mode        PLOVER mode or {@code null}
 * @param context     PLOVER contexts
 * @param modality    asserted, negated, refused, future, hypothetical
 * @param attribution who claims it, or {@code null}
 * @param actors      actor mentions, in the order found
 * @param recipients  recipient mentions, in the order found
 * @param how         how the actor was found: {@code "syntax"}, {@code "subject-noun"}, {@code "nearest-left"},
 *                    {@code "implicit"}
 * @param rules       the trigger entry id, then the ids of the rules that shaped the reading, in the order they ran
 */
record Reading(EventType type, String cameo, String mode, List<String> context, Modality modality,
               Attribution attribution, List<Mention> actors, List<Mention> recipients, String how,
               List<String> rules) {
    Reading {
        context = List.copyOf(context);
        actors = List.copyOf(actors);
        recipients = List.copyOf(recipients);
        rules = List.copyOf(rules);
    }

    /** The same reading under another type, CAMEO code and mode, with the rule that recoded it. */
    Reading recoded(String rule, EventType newType, String newCameo, String newMode) {
        return new Reading(newType, newCameo, newMode, context, modality, attribution, actors, recipients, how,
                plus(rules, rule));
    }

    /** The same reading under the type, CAMEO code and mode of {@code recode}, with its id as the rule. */
    Reading recoded(Recode recode) {
        return recoded(recode.id(), recode.type(), recode.cameo(), recode.mode());
    }

    /**
     * A stated or announced act recoded as what it is now (AGREE, THREATEN), under the type, CAMEO code and mode of
     * {@code recode} with its id as the rule: the context gains {@code "future"} and the act is asserted.
     */
    Reading announced(Recode recode) {
        return new Reading(recode.type(), recode.cameo(), recode.mode(), plus(context, "future"), Modality.ASSERTED,
                attribution, actors, recipients, how, plus(rules, recode.id()));
    }

    /** The same reading with other participants. */
    Reading withParties(List<Mention> newActors, List<Mention> newRecipients) {
        return new Reading(type, cameo, mode, context, modality, attribution, newActors, newRecipients, how, rules);
    }

    /** The same reading with other actors, found as {@code newHow}. */
    Reading withActors(List<Mention> newActors, String newHow) {
        return new Reading(type, cameo, mode, context, modality, attribution, newActors, recipients, newHow, rules);
    }

    /** The same reading with other recipients. */
    Reading withRecipients(List<Mention> newRecipients) {
        return new Reading(type, cameo, mode, context, modality, attribution, actors, newRecipients, how, rules);
    }

    /** The same reading with one more rule id. */
    Reading withRule(String rule) {
        return new Reading(type, cameo, mode, context, modality, attribution, actors, recipients, how,
                plus(rules, rule));
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return out;
    }
}
