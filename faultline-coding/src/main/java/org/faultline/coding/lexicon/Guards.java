package org.faultline.coding.lexicon;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.faultline.coding.kb.TsvTable;

/**
 * The guards of the coder: the rules by which a stage refuses a reading the text does not support (a word that is
 * no political act here, an event nobody is named for, a place or a weapon's maker taken for the actor), each under
 * a stable id, read from the versioned resource {@code guards.tsv} so that they are listed, reviewed and hashed with
 * the lexicon instead of living in comments. Rows are checked at load: an id that is not {@code guard.<name>}, an id
 * listed twice, a stage that applies no guards, an unknown effect or an empty description fails naming file:line.
 * <p>
 * A stage looks its guards up once, at class initialisation, with {@link #get(String, Class)}: an id the file lacks,
 * or a row that does not name the asking class among its stages, fails at start-up. The table remembers which
 * (guard, stage) pairs were looked up, so that {@link #unapplied} can tell a row no stage applies. Thread-safe; the
 * rows are immutable.
 */
public final class Guards {
    static final String RESOURCE = "/org/faultline/coding/lexicon/guards.tsv";

    /**
     * The classes of {@code org.faultline.coding.events} that apply guards: the stages, the participant questions
     * {@code ArgumentQueries} answers for the participant stage, and the extractor, which keeps the rules that drop
     * a trigger's event.
     */
    public static final Set<String> STAGES = Set.of("TriggerStage", "ParticipantStage", "ArgumentQueries",
            "ContextStage", "ModalityStage", "RecodeStage", "WhereStage", "FallbackStage", "EventExtractor");

    private static final Pattern ID = Pattern.compile("guard\\.[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private static final class Bundled {
        static final Guards INSTANCE = new Guards(TsvTable.resource(RESOURCE, "id", "stage", "effect", "what"));
    }

    /** What a guard refuses. */
    public enum Effect {
        /** The word is not read as a trigger. */
        DROP_TRIGGER,
        /** The trigger's reading gives no event. */
        DROP_EVENT,
        /** A mention, or the country a rule would give, is refused as the actor. */
        DROP_ACTOR,
        /** The actor stays, with no country. */
        DROP_COUNTRY,
        /** A mention is refused as the recipient. */
        DROP_RECIPIENT;

        /** The name the file uses: {@code drop-trigger}, {@code drop-event} ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Effect parse(String label) {
            for (Effect e : values()) {
                if (e.label().equals(label)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown effect '" + label + "'; known: "
                    + Arrays.stream(values()).map(Effect::label).toList());
        }
    }

    /**
     * One guard.
     *
     * @param id     {@code guard.<name>}, the id the trace names and, where a guard reshapes a kept event, the rule
     *               recorded on it
     * @param stages the simple names of the classes that apply it, in file order
     * @param effect what it refuses
     * @param what   what it blocks and why, as the file says it
     */
    public record Guard(String id, List<String> stages, Effect effect, String what) {
        public Guard {
            stages = List.copyOf(stages);
        }
    }

    private final Map<String, Guard> byId = new LinkedHashMap<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final String sha256;

    /** Reads the rows of {@code table}. */
    public Guards(TsvTable table) {
        for (TsvTable.Row r : table.rows()) {
            String id = r.get("id");
            if (!ID.matcher(id).matches()) {
                throw r.error("guard id '" + id + "' is not of the form guard.<name> (lower case, hyphens)");
            }
            List<String> stages = r.list("stage");
            if (stages.isEmpty()) {
                throw r.error("guard '" + id + "' names no stage; stages: " + new TreeSet<>(STAGES));
            }
            for (String stage : stages) {
                if (!STAGES.contains(stage)) {
                    throw r.error("unknown stage '" + stage + "' for guard '" + id + "'; stages: "
                            + new TreeSet<>(STAGES));
                }
            }
            Effect effect;
            try {
                effect = Effect.parse(r.get("effect"));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
            String what = r.get("what");
            if (what.isEmpty()) {
                throw r.error("guard '" + id + "' says nothing in column 'what'");
            }
            if (byId.putIfAbsent(id, new Guard(id, stages, effect, what)) != null) {
                throw r.error("duplicate guard id '" + id + "'");
            }
        }
        this.sha256 = table.sha256();
    }

    /** The guards bundled with the coder (loaded once). */
    public static Guards bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * The guard with this id, as applied by {@code stage}; an id the file lacks, or a row that does not name the
     * stage, is a programming error and fails loudly.
     */
    public Guard get(String id, Class<?> stage) {
        Guard g = byId.get(id);
        if (g == null) {
            throw new IllegalArgumentException("no guard '" + id + "' in " + RESOURCE + "; known: " + byId.keySet());
        }
        String name = stage.getSimpleName();
        if (!g.stages().contains(name)) {
            throw new IllegalArgumentException("guard '" + id + "' is applied by " + name + " but its row in "
                    + RESOURCE + " names only " + g.stages());
        }
        applied.add(id + "@" + name);
        return g;
    }

    /** Every guard, in file order. */
    public List<Guard> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The {@code id@stage} pairs of the file that no stage has looked up so far: once every class the file names
     * is initialised, a pair left here is a row that no code applies.
     */
    public Set<String> unapplied() {
        Set<String> out = new TreeSet<>();
        for (Guard g : byId.values()) {
            for (String stage : g.stages()) {
                if (!applied.contains(g.id() + "@" + stage)) {
                    out.add(g.id() + "@" + stage);
                }
            }
        }
        return out;
    }

    /** SHA-256 of the file's bytes, recorded as provenance. */
    public String sha256() {
        return sha256;
    }
}
