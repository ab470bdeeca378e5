package org.faultline.query;

import java.util.Objects;

/**
 * How much one actor took part in, on either side of its dyads, summed in the database.
 *
 * @param actor       the actor at the level asked for
 * @param cooperation realised cooperative events of its dyads
 * @param conflict    realised conflictual events of its dyads
 */
public record ActorActivity(ActorKey actor, long cooperation, long conflict) {
    public ActorActivity {
        Objects.requireNonNull(actor, "actor");
    }
}
