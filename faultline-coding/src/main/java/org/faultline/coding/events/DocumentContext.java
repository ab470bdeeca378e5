package org.faultline.coding.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;

/**
 * What the coder knows about the document read so far: the actors named earlier (for "they", "it", "the
 * regime", "the president"), the document's setting country and the last place named. One per document;
 * not thread-safe.
 */
public final class DocumentContext {
    private final String setting;
    private final List<Mention> history = new ArrayList<>();
    private PlaceMention lastPlace;

    public DocumentContext(String setting) {
        this.setting = setting;
    }

    /**
     * The country a document is about: the most frequent country among its places and named state actors
     * (places weigh double: "in Borno state" says where more than "Nigerian troops" does); ties go to the
     * first named.
     */
    public static String settingOf(List<Mention> mentions, List<PlaceMention> places) {
        Map<String, Integer> score = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        int order = 0;
        for (PlaceMention p : places) {
            score.merge(p.place().country(), 2, Integer::sum);
            first.putIfAbsent(p.place().country(), order++);
        }
        for (Mention m : mentions) {
            if (m.code() != null && m.entry() != null && m.entry().kind() == ActorEntry.Kind.STATE) {
                score.merge(m.code(), 1, Integer::sum);
                first.putIfAbsent(m.code(), order++);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (best == null || e.getValue() > score.get(best)
                    || e.getValue().equals(score.get(best)) && first.get(e.getKey()) < first.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    public String setting() {
        return setting;
    }

    public void remember(List<Mention> mentions, List<PlaceMention> places) {
        for (Mention m : mentions) {
            if (m.code() != null && m.source() != Mention.Source.PRONOUN) {
                history.add(m);
            }
        }
        if (!places.isEmpty()) {
            lastPlace = places.get(places.size() - 1);
        }
    }

    public PlaceMention lastPlace() {
        return lastPlace;
    }

    /**
     * The antecedent of a pronoun or descriptor mention among earlier mentions (and earlier mentions of the
     * same sentence, passed in), or {@code null}.
     */
    public Mention antecedent(Mention pronoun, List<Mention> earlierInSentence) {
        String rule = pronoun.rule();
        List<Mention> pool = new ArrayList<>(history);
        pool.addAll(earlierInSentence);
        for (int i = pool.size() - 1; i >= 0; i--) {
            Mention m = pool.get(i);
            if (m.code() == null) {
                continue;
            }
            boolean person = m.entry() != null && m.entry().kind() == ActorEntry.Kind.PERSON;
            boolean state = m.entry() != null && m.entry().kind() == ActorEntry.Kind.STATE
                    && m.form() != FormType.ADJECTIVE;
            switch (rule) {
                case "pronoun:he", "pronoun:she", "pronoun:him", "pronoun:his", "pronoun:her" -> {
                    if (person) {
                        return m;
                    }
                }
                case "pronoun:it", "pronoun:its" -> {
                    if (m.collective() && m.form() != FormType.ADJECTIVE && m.form() != FormType.DEMONYM) {
                        return m;
                    }
                }
                case "pronoun:they", "pronoun:them", "pronoun:their" -> {
                    if (!person && (m.form() != FormType.ADJECTIVE || m.source() == Mention.Source.AGENT)) {
                        return m;
                    }
                }
                default -> {
                    if (state || m.source() == Mention.Source.AGENT && m.entry() != null
                            && m.entry().kind() == ActorEntry.Kind.STATE && "GOV".equals(m.sector())) {
                        return m;
                    }
                }
            }
        }
        return null;
    }
}
