package org.faultline.query;

import java.util.Objects;
import org.faultline.model.Event;

/**
 * An event as read back from the store, with its place in de-duplication.
 *
 * @param event    the event as coded (one mention)
 * @param storyId  the merged event ("story") it belongs to: the id of the story's representative mention
 * @param mentions how many mentions the story has (1 when it was not merged)
 */
public record StoredEvent(Event event, String storyId, int mentions) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(storyId, "storyId");
        if (mentions < 1) {
            throw new IllegalArgumentException("story " + storyId + " has " + mentions + " mentions");
        }
    }

    /** True when this mention represents its story (the one analyses count when de-duplicating). */
    public boolean representative() {
        return storyId.equals(event.id());
    }

    public EventStatus status() {
        return EventStatus.of(event);
    }
}
