package org.faultline.model;

/**
 * One place in a document that reports an event.
 *
 * @param docId    the document
 * @param sentence zero-based sentence index in that document
 * @param start    half-open character span of the sentence in the document text
 * @param end      end of that span (exclusive)
 * @param text     the sentence text
 * @param trigger  the trigger words as written
 * @param triggerStart span of the trigger in the document text
 * @param triggerEnd   end of the trigger span (exclusive)
 */
public record Evidence(String docId, int sentence, int start, int end, String text, String trigger,
                       int triggerStart, int triggerEnd) {
    public Evidence {
        if (start < 0 || end < start || triggerStart < start || triggerEnd > end) {
            throw new IllegalArgumentException("bad evidence span [" + start + "," + end + ") trigger ["
                    + triggerStart + "," + triggerEnd + ") in " + docId);
        }
    }
}
