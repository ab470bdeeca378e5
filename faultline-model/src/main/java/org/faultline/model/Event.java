package org.faultline.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One coded political event with its provenance. JSON field names (snake_case) are a public contract;
 * see {@link EventJson}.
 *
 * @param id            deterministic id: hash of document, trigger span and type
 * @param docId         the document it was coded from (first evidence's document)
 * @param eventType     PLOVER type
 * @param mode          PLOVER mode or {@code null}
 * @param context       PLOVER contexts (may be empty)
 * @param cameoCode     closest CAMEO code, for GDELT-style users
 * @param quadClass     1..4 as GDELT
 * @param goldstein     Goldstein score of the CAMEO code
 * @param actor         who acts (several for coordinated or two-sided events)
 * @param recipient     to whom (may be empty)
 * @param date          event date
 * @param datePrecision how the date is known
 * @param dateText      the temporal expression the date was resolved from ("last week", "Feb. 24, 2022") with
 *                      its span in the document, or {@code null} when the article date was used
 * @param location      where, or {@code null}
 * @param quantity      a number attached to the event, or {@code null}
 * @param negated       true when the event is said not to have happened or was refused
 * @param modality      asserted, negated, refused, future or hypothetical
 * @param attribution   who claims it, or {@code null} when the text asserts it
 * @param confidence    0..1, how sure the coder is of the whole record
 * @param evidence      every span that reports it (at least one)
 * @param rule          the trigger-lexicon entry (and rule) that fired
 * @param version       coder and resource version that produced it
 */
public record Event(String id, String docId, EventType eventType, String mode, List<String> context,
                    String cameoCode, int quadClass, double goldstein, List<ActorRef> actor, List<ActorRef> recipient,
                    LocalDate date, DatePrecision datePrecision, TextSpan dateText, Location location,
                    Quantity quantity, boolean negated, Modality modality, Attribution attribution, double confidence,
                    List<Evidence> evidence, String rule, String version) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(date, "date of event " + id);
        Objects.requireNonNull(datePrecision, "datePrecision");
        Objects.requireNonNull(modality, "modality");
        context = List.copyOf(context == null ? List.of() : context);
        actor = List.copyOf(actor == null ? List.of() : actor);
        recipient = List.copyOf(recipient == null ? List.of() : recipient);
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("event " + id + " has no evidence");
        }
        if (quadClass < 1 || quadClass > 4) {
            throw new IllegalArgumentException("quad class " + quadClass + " of event " + id + " is not in 1..4");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence " + confidence + " of event " + id + " is not in 0..1");
        }
    }

    /** An event whose date expression is not known ({@code dateText} null). */
    public Event(String id, String docId, EventType eventType, String mode, List<String> context,
                 String cameoCode, int quadClass, double goldstein, List<ActorRef> actor, List<ActorRef> recipient,
                 LocalDate date, DatePrecision datePrecision, Location location, Quantity quantity,
                 boolean negated, Modality modality, Attribution attribution, double confidence,
                 List<Evidence> evidence, String rule, String version) {
        this(id, docId, eventType, mode, context, cameoCode, quadClass, goldstein, actor, recipient, date,
                datePrecision, null, location, quantity, negated, modality, attribution, confidence, evidence, rule,
                version);
    }

    /** True when the event counts as having happened (not negated, refused, future or hypothetical). */
    public boolean realised() {
        return !negated && modality == Modality.ASSERTED;
    }

    /** The same event under another id. */
    public Event withId(String newId) {
        return new Event(newId, docId, eventType, mode, context, cameoCode, quadClass, goldstein, actor, recipient,
                date, datePrecision, dateText, location, quantity, negated, modality, attribution, confidence, evidence,
                rule, version);
    }

    public Event withEvidence(List<Evidence> more) {
        return new Event(id, docId, eventType, mode, context, cameoCode, quadClass, goldstein, actor, recipient, date,
                datePrecision, dateText, location, quantity, negated, modality, attribution, confidence, more, rule,
                version);
    }
}
