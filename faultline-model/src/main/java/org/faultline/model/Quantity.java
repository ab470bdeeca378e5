package org.faultline.model;

/**
 * A number attached to an event: troops sent, people killed, missiles fired.
 *
 * @param text  the phrase as written ("as many as 8,000 soldiers")
 * @param value the number (lower bound when the text gives a range or "at least")
 * @param unit  what is counted (the head noun's lemma: soldier, missile, ...), or {@code null}
 * @param kind  {@code count}, {@code casualties_killed} or {@code casualties_injured}
 */
public record Quantity(String text, long value, String unit, String kind) {
}
