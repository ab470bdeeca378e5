package org.faultline.coding.lexicon;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.kb.TsvTable;

/**
 * Closed classes of lemmas the rules test words against ("a weapon", "a helping verb", "a force of nature"), read
 * from the versioned resource {@code wordsets.tsv} so that they are data, reviewed and hashed with the lexicon,
 * not constants buried in the rules. A rule that asks for a set the file does not define fails at start-up.
 */
public final class WordSets {
    static final String RESOURCE = "/org/faultline/coding/lexicon/wordsets.tsv";

    private static final class Bundled {
        static final WordSets INSTANCE = new WordSets(TsvTable.resource(RESOURCE, "set", "lemma"));
    }

    private final Map<String, Set<String>> sets = new LinkedHashMap<>();
    private final String sha256;

    public WordSets(TsvTable table) {
        Map<String, Set<String>> building = new LinkedHashMap<>();
        for (TsvTable.Row r : table.rows()) {
            String set = r.get("set").trim();
            String lemma = r.get("lemma").trim().toLowerCase(Locale.ROOT);
            if (set.isEmpty() || lemma.isEmpty()) {
                throw r.error("a word-set row needs both a set name and a lemma");
            }
            if (!building.computeIfAbsent(set, k -> new LinkedHashSet<>()).add(lemma)) {
                throw r.error("lemma '" + lemma + "' is listed twice in set '" + set + "'");
            }
        }
        building.forEach((k, v) -> sets.put(k, Set.copyOf(v)));
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

    /** Names of the sets, in file order. */
    public Set<String> names() {
        return sets.keySet();
    }

    public String sha256() {
        return sha256;
    }
}
