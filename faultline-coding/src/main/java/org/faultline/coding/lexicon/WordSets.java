package org.faultline.coding.lexicon;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.kb.TsvTable;

/**
 * Closed classes of lemmas the rules test words against ("a weapon", "a helping verb", "a force of nature"), read
 * from the versioned resource {@code wordsets.tsv} so that they are data, reviewed and hashed with the lexicon,
 * not constants buried in the rules. A rule that asks for a set the file does not define fails at start-up.
 * <p>
 * A set may also map each lemma to a value (the optional column {@code value}, kept as written: a country code for a
 * combining form, "anglo" → GBR); then every row of that set has a value, and {@link #map} reads it. {@link #list}
 * gives a set's lemmas in file order, for the few rules that try words in order of preference.
 */
public final class WordSets {
    static final String RESOURCE = "/org/faultline/coding/lexicon/wordsets.tsv";

    private static final class Bundled {
        static final WordSets INSTANCE = new WordSets(TsvTable.resource(RESOURCE, "set", "lemma"));
    }

    private final Map<String, Set<String>> sets = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    private final String sha256;

    public WordSets(TsvTable table) {
        Map<String, Set<String>> building = new LinkedHashMap<>();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (TsvTable.Row r : table.rows()) {
            String set = r.get("set").trim();
            String lemma = r.get("lemma").trim().toLowerCase(Locale.ROOT);
            String value = r.getOrEmpty("value");
            if (set.isEmpty() || lemma.isEmpty()) {
                throw r.error("a word-set row needs both a set name and a lemma");
            }
            boolean first = !building.containsKey(set);
            if (!building.computeIfAbsent(set, k -> new LinkedHashSet<>()).add(lemma)) {
                throw r.error("lemma '" + lemma + "' is listed twice in set '" + set + "'");
            }
            if (first && !value.isEmpty()) {
                values.put(set, new LinkedHashMap<>());
            }
            if (values.containsKey(set) == value.isEmpty()) {
                throw r.error("set '" + set + "' mixes rows with and without a value; give every row one or none");
            }
            if (!value.isEmpty()) {
                values.get(set).put(lemma, value);
            }
        }
        building.forEach((k, v) -> {
            sets.put(k, Set.copyOf(v));
            lists.put(k, List.copyOf(v));
        });
        values.forEach((k, v) -> maps.put(k, Map.copyOf(v)));
        this.sha256 = table.sha256();
    }

    /** The word sets bundled with the coder (loaded once). */
    public static WordSets bundled() {
        return Bundled.INSTANCE;
    }

    /** The lemmas of one set; an unknown name is a programming error and fails loudly. */
    public Set<String> set(String name) {
        Set<String> s = sets.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no word set '" + name + "' in " + RESOURCE + "; known: " + sets.keySet());
        }
        return s;
    }

    /** The lemmas of several sets together ("kill" and "injure": the verbs of casualties). Immutable. */
    public Set<String> union(String... names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.addAll(set(n));
        }
        return Set.copyOf(out);
    }

    /** The lemmas of one set in file order, for a rule that tries them in order of preference. */
    public List<String> list(String name) {
        set(name);
        return lists.get(name);
    }

    /** The lemma → value map of a set whose rows carry a value; a set without values fails loudly. */
    public Map<String, String> map(String name) {
        set(name);
        Map<String, String> m = maps.get(name);
        if (m == null) {
            throw new IllegalArgumentException("word set '" + name + "' in " + RESOURCE + " has no values");
        }
        return m;
    }

    /** Names of the sets, in file order. */
    public Set<String> names() {
        return sets.keySet();
    }

    public String sha256() {
        return sha256;
    }
}
