package org.faultline.query;

/**
 * How many events match a filter and from how many documents (ignoring its page).
 *
 * @param events    matching events
 * @param documents distinct documents of those events
 */
public record Tally(long events, long documents) {
    public Tally {
        if (events < 0 || documents < 0 || documents > events) {
            throw new IllegalArgumentException("bad tally: " + events + " events from " + documents + " documents");
        }
    }
}
