package org.faultline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Objects;
import java.util.SortedSet;
import org.faultline.model.Event;
import org.faultline.model.EventJson;

/**
 * One predicted event as the scorer sees it.
 *
 * @param docId          the document it claims to come from, or {@code null}; predictions for documents not
 *                       in the gold set are ignored
 * @param eventType      the predicted type, or {@code null} when the prediction names none
 * @param actorCodes     actor codes in scored form (see {@link Codes}); the canonical constructor takes them
 *                       as given, {@link #of} and {@link #fromJson} normalise raw codes
 * @param recipientCodes recipient codes in scored form; may be empty
 * @param negated        said not to have happened; such predictions are not counted
 * @param modality       {@code "asserted"}, {@code "refused"}, ... or {@code null}; {@code "refused"} and
 *                       {@code "negated"} predictions are not counted
 */
public record Prediction(String docId, String eventType, SortedSet<String> actorCodes,
                         SortedSet<String> recipientCodes, boolean negated, String modality) {
    public Prediction {
        actorCodes = Codes.sortedCopy(Objects.requireNonNull(actorCodes, "actorCodes"), "actor codes");
        recipientCodes = Codes.sortedCopy(Objects.requireNonNull(recipientCodes, "recipientCodes"),
                "recipient codes");
    }

    /** An asserted, non-negated prediction from raw codes (aliases, case and length normalised). */
    public static Prediction of(String docId, String eventType, Collection<String> rawActorCodes,
                                Collection<String> rawRecipientCodes) {
        return new Prediction(docId, eventType, Codes.normalizeAll(rawActorCodes),
                Codes.normalizeAll(rawRecipientCodes), false, "asserted");
    }

    /**
     * Reads one prediction from the coder's JSON form ({@code doc_id}, {@code event_type}, {@code actor},
     * {@code recipient}, {@code negated}, {@code modality}; other fields are ignored). Lenient as the
     * reference scorer is: a missing or non-string {@code doc_id} matches no document, an actor that is not
     * an object or list of objects gives no codes, {@code negated} is read by truthiness. A non-string
     * {@code event_type} is kept as its JSON text.
     *
     * @throws IllegalArgumentException when {@code node} is not a JSON object
     */
    public static Prediction fromJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        if (!node.isObject()) {
            throw new IllegalArgumentException("a prediction must be a JSON object, found " + node.getNodeType()
                    + ": " + node);
        }
        JsonNode doc = node.get("doc_id");
        JsonNode type = node.get("event_type");
        JsonNode modality = node.get("modality");
        String typeText = type == null || type.isNull() ? null : type.isTextual() ? type.textValue() : type.toString();
        return new Prediction(doc != null && doc.isTextual() ? doc.textValue() : null, typeText,
                Codes.ofEntities(node.get("actor")), Codes.ofEntities(node.get("recipient")),
                PyJson.truthy(node.get("negated")),
                modality != null && modality.isTextual() ? modality.textValue() : null);
    }

    /** The coder's event as scored: through its JSON Lines form, so that both paths agree. */
    public static Prediction fromEvent(Event event) {
        return fromJson(EventJson.toNode(event));
    }

    /** False for negated and refused events, which the scorer does not count. */
    public boolean counted() {
        return !negated && !"refused".equals(modality) && !"negated".equals(modality);
    }
}
