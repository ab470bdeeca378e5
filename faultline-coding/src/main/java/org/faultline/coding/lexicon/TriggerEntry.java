package org.faultline.coding.lexicon;

import java.util.List;
import java.util.Set;
import org.faultline.model.EventType;

/**
 * One row of the trigger lexicon.
 *
 * @param id       stable id, recorded as the event's rule
 * @param noun     true for nominal triggers ("invasion"), false for verbs
 * @param lemma    head lemma
 * @param particle rest of a phrasal verb ("call for" → "for"), or {@code null}; unused for nouns
 * @param words    all lemmas of the trigger ("memorandum of understanding" → three words)
 * @param objects  lemmas the object head must have for the entry to apply; empty = any; {@link #TO_CLAUSE}: an
 *                 infinitive complement instead of an object; {@link #PLACE}: a place name will do as the object; {@link #ORGANISATION}: an organisation's name; {@link #SUBJECT}: an intransitive use's subject
 * @param type     the PLOVER type, or {@code null} for a light verb that takes its event from its object noun
 * @param mode     PLOVER mode or {@code null}
 * @param context  PLOVER contexts
 * @param cameo    closest CAMEO code
 * @param source   file:line
 */
public record TriggerEntry(String id, boolean noun, String lemma, String particle, List<String> words, Set<String> objects, EventType type,
                           String mode, List<String> context, String cameo, String source) {
    /** The object column's marker for verbs that need an infinitive complement ("pressed X to accept"). */
    public static final String TO_CLAUSE = "+to-clause";
    /** In {@code objects}: the object may also be a place name ("evacuated Bessarabia", "evacuate Kherson"). */
    public static final String PLACE = "+place";
    /** In {@code objects}: the object may also be an organisation's name ("withdrew from the IAEA"). */
    public static final String ORGANISATION = "+organisation";
    /**
     * In {@code objects}: used with no object, the verb's subject may have one of the lemmas instead ("German forces
     * moved to the border", "marines landed at Beirut").
     */
    public static final String SUBJECT = "+subject";

    /** A noun trigger of several words, matched as a contiguous lemma sequence. */
    public boolean phrase() {
        return noun && words.size() > 1;
    }

    /**
     * The trigger's lemmas joined by spaces ("peace talk", "exchange of fire"): what a word set of nouns lists, where
     * {@link #lemma} is only the first word.
     */
    public String wording() {
        return String.join(" ", words);
    }

    public boolean light() {
        return type == null;
    }

    /** More specific entries (object constraint, particle) win over bare lemmas. */
    public int specificity() {
        return (objects.isEmpty() ? 0 : 2) + (particle == null ? 0 : 1);
    }
}
