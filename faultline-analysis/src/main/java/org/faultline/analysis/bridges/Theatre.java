package org.faultline.analysis.bridges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.query.ActorKey;

/**
 * A conflict theatre: the actors fighting one war. Written {@code RUS~UKR} or {@code ISR~PSE/HAMAS/SYR-REB}: sides
 * separated by {@code ~}, actors of a side by {@code /}, neither of which occurs in an actor key. The sides only
 * help reading, membership is what counts. The older form with {@code -} between sides ({@code RUS-UKR}) is still
 * read where it is unambiguous, see {@link #parse(String, Set)}.
 *
 * @param name    how it is shown
 * @param members its belligerents
 */
public record Theatre(String name, Set<ActorKey> members) {
    /** Separates the sides of a theatre. */
    public static final String SIDES = "~";
    /** The most words one part of the older form may join by {@code -}: a bound on the work of reading it. */
    private static final int MAX_DASHED_WORDS = 16;
    private static final String EXAMPLE = "expected e.g. RUS~UKR or ISR~PSE/HAMAS/LBN/HEZBOLLAH/SYR-REB";

    public Theatre {
        if (members.size() < 2) {
            throw new IllegalArgumentException("theatre " + name + " needs at least two actors, got " + members);
        }
        members = Collections.unmodifiableSet(new TreeSet<>(members));
    }

    /** {@link #parse(String, Set)} knowing no keys: without {@code ~}, every {@code -} separates sides. */
    public static Theatre parse(String spec) {
        return parse(spec, Set.of());
    }

    /**
     * Parses a theatre. With {@code ~} the sides are split there and a {@code -} belongs to the key it is in
     * ({@code SYR-REB}, {@code AL-SHABAAB}). Without it, the older form: words joined by {@code -} are one key when
     * exactly one reading makes every part one of the {@code known} keys (upper case; {@code SYR-REB-RUS} with
     * {@code SYR-REB} and {@code RUS} known is those two), else each word is a key of its own, as before group keys
     * had a {@code -} ({@code RUS-UKR}); where two readings fit ({@code AL}, {@code QAEDA} and {@code AL-QAEDA} all
     * known) the theatre is refused and the message asks for {@code ~}.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static Theatre parse(String spec, Set<String> known) {
        String t = spec.trim();
        Set<ActorKey> members = new TreeSet<>();
        boolean sides = t.contains(SIDES);
        for (String side : sides ? t.split(SIDES, -1) : new String[] {t}) {
            for (String a : side.split("/", -1)) {
                if (a.isBlank()) {
                    throw new IllegalArgumentException("theatre '" + spec + "' has an empty actor; " + EXAMPLE);
                }
                if (sides || !a.contains("-")) {
                    members.add(ActorKey.parse(a));
                } else {
                    readDashed(spec, a.trim(), known).forEach(k -> members.add(ActorKey.parse(k)));
                }
            }
        }
        return new Theatre(t, members);
    }

    public static List<Theatre> parseAll(List<String> specs) {
        return parseAll(specs, Set.of());
    }

    public static List<Theatre> parseAll(List<String> specs, Set<String> known) {
        return specs.stream().map(s -> parse(s, known)).toList();
    }

    public boolean contains(ActorKey k) {
        return members.contains(k);
    }

    /** The keys in {@code part} of the older form (words joined by {@code -}), as {@link #parse(String, Set)} says. */
    private static List<String> readDashed(String spec, String part, Set<String> known) {
        String[] words = part.split("-", -1);
        if (words.length > MAX_DASHED_WORDS) {
            throw new IllegalArgumentException("theatre '" + spec + "' joins " + words.length + " words by -; separate "
                    + "the sides with " + SIDES + " (" + EXAMPLE + ")");
        }
        for (String w : words) {
            if (w.isBlank()) {
                throw new IllegalArgumentException("theatre '" + spec + "' has an empty actor; " + EXAMPLE);
            }
        }
        // ways[i]: how many splits of words[i..] into known keys there are, counted up to 2 (more do not matter)
        int[] ways = new int[words.length + 1];
        ways[words.length] = 1;
        for (int i = words.length - 1; i >= 0; i--) {
            for (int j = i + 1; j <= words.length; j++) {
                if (ways[j] > 0 && isKnown(words, i, j, known)) {
                    ways[i] = Math.min(2, ways[i] + ways[j]);
                }
            }
        }
        List<List<String>> readings = new ArrayList<>();
        readings(words, 0, ways, new ArrayList<>(), known, readings);
        if (readings.size() == 1) {
            return readings.get(0);
        }
        if (readings.size() > 1) {
            List<String> shown = readings.stream().map(r -> String.join(" and ", r)).toList();
            throw new IllegalArgumentException("theatre '" + spec + "': '" + part + "' can be read as "
                    + String.join(" or as ", shown) + "; separate the sides with " + SIDES + " (" + EXAMPLE + ")");
        }
        // no reading of known keys only: the longest known join from the left, else one word
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int end = i + 1;
            for (int j = words.length; j > i + 1; j--) {
                if (isKnown(words, i, j, known)) {
                    end = j;
                    break;
                }
            }
            out.add(String.join("-", java.util.Arrays.copyOfRange(words, i, end)));
            i = end;
        }
        return out;
    }

    /**
     * Adds to {@code out} the splits of {@code words[from..]} into known keys, after {@code prefix}, until it holds two;
     * it goes only where {@code ways} says a split goes on to the end, so it never searches in vain.
     */
    private static void readings(String[] words, int from, int[] ways, List<String> prefix, Set<String> known,
                                 List<List<String>> out) {
        if (from == words.length) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int to = from + 1; to <= words.length && out.size() < 2; to++) {
            if (ways[to] > 0 && isKnown(words, from, to, known)) {
                prefix.add(String.join("-", java.util.Arrays.copyOfRange(words, from, to)));
                readings(words, to, ways, prefix, known, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /**
     * Whether {@code words[from..to)} joined by {@code -} is a known key; a sector ({@code :MIL}) may follow the last
     * word only.
     */
    private static boolean isKnown(String[] words, int from, int to, Set<String> known) {
        for (int i = from; i < to - 1; i++) {
            if (words[i].contains(":")) {
                return false;
            }
        }
        String joined = String.join("-", java.util.Arrays.copyOfRange(words, from, to)).trim();
        int colon = joined.indexOf(':');
        String key = (colon < 0 ? joined : joined.substring(0, colon)).toUpperCase(Locale.ROOT);
        return known.contains(key);
    }
}
