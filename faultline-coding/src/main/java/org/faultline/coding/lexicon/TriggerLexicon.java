package org.faultline.coding.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.kb.TsvTable;
import org.faultline.model.EventType;

/**
 * Verbs and nouns that name political events, keyed by lemma. Loaded once from {@code triggers.tsv};
 * immutable. Rows are checked at load: unknown types, modes or CAMEO codes fail naming file:line.
 */
public final class TriggerLexicon {
    private final Map<String, List<TriggerEntry>> verbs = new HashMap<>();
    private final Map<String, List<TriggerEntry>> nouns = new HashMap<>();
    private final Map<String, List<TriggerEntry>> phrases = new HashMap<>();
    private int rows;
    private final Set<String> lemmas = new java.util.HashSet<>();
    private final String sha;

    /** The trigger lexicon bundled with the coder ({@code lexicon/triggers.tsv}), its CAMEO codes checked in {@code cameo}. */
    public static TriggerLexicon bundled(CameoCodebook cameo) {
        return new TriggerLexicon(TsvTable.resource("/org/faultline/coding/lexicon/triggers.tsv", "id", "pos", "lemma",
                "object", "type", "mode", "context", "cameo"), cameo);
    }

    public TriggerLexicon(TsvTable table, CameoCodebook cameo) {
        this.sha = table.sha256();
        Set<String> ids = new java.util.HashSet<>();
        for (TsvTable.Row r : table.rows()) {
            String id = r.get("id");
            if (!ids.add(id)) {
                throw r.error("duplicate trigger id '" + id + "'");
            }
            String pos = r.get("pos").toUpperCase(Locale.ROOT);
            if (!pos.equals("V") && !pos.equals("N")) {
                throw r.error("pos '" + pos + "' must be V or N");
            }
            String[] words = r.get("lemma").toLowerCase(Locale.ROOT).trim().split("\\s+");
            if (words.length > 5) {
                throw r.error("lemma '" + r.get("lemma") + "' has more than five words");
            }
            String typeName = r.get("type");
            EventType type = null;
            if (!typeName.equalsIgnoreCase("LIGHT")) {
                try {
                    type = EventType.parse(typeName);
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
            }
            String mode = r.getOrEmpty("mode");
            if (type != null && !mode.isEmpty()) {
                try {
                    type.checkMode(mode);
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
            }
            String code = r.getOrEmpty("cameo");
            if (type != null && !code.isEmpty() && !cameo.contains(code)) {
                throw r.error("CAMEO code '" + code + "' is not in cameo.tsv");
            }
            Set<String> objects = new LinkedHashSet<>();
            for (String o : r.list("object")) {
                objects.add(o.toLowerCase(Locale.ROOT));
            }
            boolean noun = pos.equals("N");
            String particle = !noun && words.length > 1
                    ? String.join(" ", Arrays.asList(words).subList(1, words.length)) : null;
            TriggerEntry e = new TriggerEntry(id, noun, words[0], particle, List.of(words),
                    Set.copyOf(objects), type, mode.isEmpty() ? null : mode, r.list("context"),
                    code.isEmpty() ? null : code, r.where());
            rows++;
            if (e.phrase()) {
                phrases.computeIfAbsent(e.lemma(), k -> new ArrayList<>()).add(e);
                List<String> split = hyphensSplit(e.words());
                if (!split.equals(e.words())) {
                    // "no-fly zone": the tokenizer gives "no - fly zone", so the phrase is also looked for that way
                    phrases.computeIfAbsent(split.get(0), k -> new ArrayList<>()).add(new TriggerEntry(id, true,
                            split.get(0), null, split, e.objects(), type, e.mode(), e.context(), e.cameo(), e.source()));
                }
            } else {
                (e.noun() ? nouns : verbs).computeIfAbsent(e.lemma(), k -> new ArrayList<>()).add(e);
            }
            if (!e.light()) {
                // the pre-parse filter looks for head words only: a verb's lemma (not its particle: "call for"
                // must not make every "for" a trigger word), a noun phrase's last word ("oil embargo" → embargo);
                // light verbs ("hold", "carry out") only matter with an event noun, which is listed itself
                lemmas.add(e.noun() ? e.words().get(e.words().size() - 1) : e.lemma());
            }
        }
        Comparator<TriggerEntry> order = Comparator.comparingInt(TriggerEntry::specificity).reversed();
        verbs.values().forEach(l -> l.sort(order));
        nouns.values().forEach(l -> l.sort(order));
        phrases.values().forEach(l -> l.sort(Comparator.comparingInt((TriggerEntry e) -> e.words().size()).reversed()));
    }

    /** Verb entries for a lemma, most specific first. */
    /** The words with each hyphenated word split as the tokenizer splits it: "no-fly", "zone" → "no", "-", "fly", "zone". */
    static List<String> hyphensSplit(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 2);
        for (String w : words) {
            int h = w.indexOf('-');
            if (h > 0 && h < w.length() - 1) {
                out.add(w.substring(0, h));
                out.add("-");
                out.addAll(hyphensSplit(List.of(w.substring(h + 1))));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    public List<TriggerEntry> verb(String lemma) {
        return verbs.getOrDefault(lemma, List.of());
    }

    /** Noun entries for a lemma, most specific first. */
    public List<TriggerEntry> noun(String lemma) {
        return nouns.getOrDefault(lemma, List.of());
    }

    /** Multi-word noun entries whose first lemma is this one, longest first. */
    public List<TriggerEntry> phrasesStartingWith(String lemma) {
        return phrases.getOrDefault(lemma, List.of());
    }

    /** Whether any entry has this head lemma (the cheap pre-parse filter). */
    public boolean mayTrigger(String lemma) {
        return lemmas.contains(lemma);
    }

    public String sha256() {
        return sha;
    }

    /** The number of rows read (a hyphenated phrase looked for two ways is one row). */
    public int size() {
        return rows;
    }

    @Override
    public String toString() {
        return "TriggerLexicon" + Arrays.asList(size(), sha.substring(0, 8));
    }
}
