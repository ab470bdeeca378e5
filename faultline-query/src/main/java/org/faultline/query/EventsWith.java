package org.faultline.query;

import java.util.List;

/**
 * The most salient events of an actor with another, split by quad class.
 *
 * @param cooperation cooperative events (quad classes 1 and 2), most salient first
 * @param conflict    conflictual events (quad classes 3 and 4), most salient first
 */
public record EventsWith(List<StoredEvent> cooperation, List<StoredEvent> conflict) {
    public static final EventsWith NONE = new EventsWith(List.of(), List.of());

    public EventsWith {
        cooperation = List.copyOf(cooperation);
        conflict = List.copyOf(conflict);
    }
}
