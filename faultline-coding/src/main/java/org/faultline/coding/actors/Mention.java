package org.faultline.coding.actors;

import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;

/**
 * A span of a sentence that names an actor: a knowledge-base name, an adjective or demonym, a generic agent
 * ("troops"), a title ("the Russian president") or a pronoun resolved to an earlier mention.
 *
 * @param sentence sentence index
 * @param first    first token (inclusive)
 * @param last     last token (inclusive)
 * @param head     the token syntax attaches to (the last noun of the span)
 * @param start    character span start in the document
 * @param end      character span end (exclusive)
 * @param text     the span text
 * @param code     actor code, or {@code null} while a generic agent has no country yet
 * @param sector   PLOVER sector or {@code null}
 * @param entry    knowledge-base entry, or {@code null} for generic agents
 * @param form     how the entry was named, or {@code null}
 * @param source   what kind of evidence produced the mention
 * @param rule     id of the entry/agent/title row that fired
 * @param antecedent for a pronoun or description resolved to an earlier mention, that mention; else {@code null}
 */
public record Mention(int sentence, int first, int last, int head, int start, int end, String text, String code,
                      String sector, ActorEntry entry, FormType form, Source source, String rule,
                      Mention antecedent) {
    /** Where a mention came from. */
    public enum Source { NAME, AGENT, TITLE, PRONOUN, PLACE }

    public boolean covers(int token) {
        return token >= first && token <= last;
    }

    /** A mention read where it stands, with no antecedent. */
    public Mention(int sentence, int first, int last, int head, int start, int end, String text, String code,
                   String sector, ActorEntry entry, FormType form, Source source, String rule) {
        this(sentence, first, last, head, start, end, text, code, sector, entry, form, source, rule, null);
    }

    public Mention withCode(String newCode) {
        return new Mention(sentence, first, last, head, start, end, text, newCode, sector, entry, form, source, rule,
                antecedent);
    }

    /** A generic agent whose country was not named ("troops", "gunmen"). */
    public boolean generic() {
        return entry == null && source == Source.AGENT;
    }

    /** A whole country or organisation named as such (not a person, not an agent). */
    public boolean collective() {
        return entry != null && entry.kind() != ActorEntry.Kind.PERSON;
    }
}
