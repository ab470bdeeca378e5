package org.faultline.analysis.bridges;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.store.ActorKey;

/**
 * A conflict theatre: the actors fighting one war. Written {@code RUS-UKR} or {@code ISR-PSE/LBN/YEM/IRN}
 * (sides separated by {@code -}, actors of a side by {@code /}); the sides only help reading, membership is
 * what counts.
 *
 * @param name    how it is shown
 * @param members its belligerents
 */
public record Theatre(String name, Set<ActorKey> members) {
    public Theatre {
        if (members.size() < 2) {
            throw new IllegalArgumentException("theatre " + name + " needs at least two actors, got " + members);
        }
        members = Collections.unmodifiableSet(new TreeSet<>(members));
    }

    /** Parses {@code RUS-UKR} or {@code ISR-PSE/LBN/YEM/IRN}; the message names the bad part. */
    public static Theatre parse(String spec) {
        Set<ActorKey> members = new TreeSet<>();
        for (String side : spec.trim().split("-")) {
            for (String a : side.split("/")) {
                if (a.isBlank()) {
                    throw new IllegalArgumentException("theatre '" + spec
                            + "' has an empty actor; expected e.g. RUS-UKR or ISR-PSE/LBN/YEM/IRN");
                }
                members.add(ActorKey.parse(a));
            }
        }
        return new Theatre(spec.trim(), members);
    }

    public static List<Theatre> parseAll(List<String> specs) {
        return specs.stream().map(Theatre::parse).toList();
    }

    public boolean contains(ActorKey k) {
        return members.contains(k);
    }
}
