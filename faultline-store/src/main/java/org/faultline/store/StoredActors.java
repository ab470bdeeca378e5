package org.faultline.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.faultline.query.ActorKey;

/**
 * Tells a question about an actor the store knows from one about a key nothing is stored under (a typo such as
 * {@code HAMSA}), so that the command line and the API refuse the second with the stored keys close to it instead
 * of answering nothing. The keys are those of {@link StoreQueries#actorKeys()} at any level. They are read when a key
 * is not among those last read, so questions about known actors cost no query once the keys are read, and an actor
 * another writer has stored since is found. Thread-safe.
 */
public final class StoredActors {
    private final StoreQueries store;
    private volatile Set<String> known;

    public StoredActors(StoreQueries store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Why a question about {@code actor} would find nothing, or empty when something is stored under its key (the
     * sector is not checked: {@code RUS:MIL} is known when {@code RUS} is). The reason reads
     * {@code nothing is stored under HAMSA; close matches: HAMAS}.
     */
    public Optional<String> problem(ActorKey actor) {
        Set<String> k = known;
        if (k != null && k.contains(actor.key())) {
            return Optional.empty();
        }
        k = store.actorKeys();
        known = k;
        if (k.contains(actor.key())) {
            return Optional.empty();
        }
        List<String> close = ActorKey.closeMatches(actor.key(), k, 5);
        return Optional.of("nothing is stored under " + actor.key() + (close.isEmpty()
                ? " (no stored actor key is close to it; the keys are country codes such as RUS, group ids such as "
                + "HAMAS, and IGO_ or GROUP_ ids)" : "; close matches: " + String.join(", ", close)));
    }
}
