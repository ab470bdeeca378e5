package org.faultline.query;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named set of actors that questions may treat as one actor, e.g. {@code WEST} = USA, GBR, FRA, IGO_NATO.
 * When a filter carries a coalition ({@link EventFilter#withCoalitions}), its name matches any of its members, and
 * dyad totals count the members as that one actor: events among members drop out (as events within one country
 * do), and an event of several members with the same other actor counts once.
 *
 * @param name    upper-case name ({@code [A-Z][A-Z0-9_]*}); it must not be a member
 * @param members whole actors (keys without sector), at least one
 */
public record Coalition(String name, Set<ActorKey> members) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Coalition {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad coalition name '" + name
                    + "'; expected upper-case letters, digits and _, starting with a letter, e.g. WEST");
        }
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("coalition " + name + " has no members");
        }
        for (ActorKey m : members) {
            if (m.sector() != null) {
                throw new IllegalArgumentException("coalition " + name + ": member " + m
                        + " names a sector; members are whole actors such as " + m.key());
            }
            if (m.key().equals(name)) {
                throw new IllegalArgumentException("coalition " + name + " lists itself as a member");
            }
        }
        members = Collections.unmodifiableSet(new TreeSet<>(members));
    }

    /** True when {@code key} (any sector) is one of the members. */
    public boolean has(ActorKey key) {
        return members.contains(new ActorKey(key.key(), null));
    }

    /** The coalition as an actor key. */
    public ActorKey key() {
        return ActorKey.of(name);
    }
}
