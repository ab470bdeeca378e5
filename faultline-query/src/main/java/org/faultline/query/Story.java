package org.faultline.query;

import java.time.LocalDate;
import java.util.List;
import org.faultline.model.EventType;

/**
 * A merged event: several mentions from different documents judged to report one real-world event.
 *
 * @param storyId   id of the representative mention (earliest date, then smallest event id)
 * @param eventType the common type
 * @param firstDate earliest mention date
 * @param lastDate  latest mention date
 * @param eventIds  every mention, sorted
 * @param docIds    every document, sorted
 */
public record Story(String storyId, EventType eventType, LocalDate firstDate, LocalDate lastDate, List<String> eventIds,
                    List<String> docIds) {
    public Story {
        eventIds = List.copyOf(eventIds);
        docIds = List.copyOf(docIds);
    }

    public int mentions() {
        return eventIds.size();
    }
}
