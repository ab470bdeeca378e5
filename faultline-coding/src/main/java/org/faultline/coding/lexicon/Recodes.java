package org.faultline.coding.lexicon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faultline.coding.kb.TsvTable;
import org.faultline.model.EventType;

/**
 * The type, CAMEO code and mode that each recoding rule of the coder gives a reading ("a joint exercise is military
 * cooperation, 062"), keyed by the rule id recorded on the event and read from the versioned resource
 * {@code recodes.tsv}, so that they are data, reviewed and hashed with the lexicon, not constants buried in the
 * rules. Rows are checked at load: an unknown type, a mode the type does not have, a CAMEO code missing from the
 * codebook or an id listed twice fails naming file:line; a rule that asks for an id the file does not define fails
 * at start-up. Immutable.
 */
public final class Recodes {
    static final String RESOURCE = "/org/faultline/coding/lexicon/recodes.tsv";

    private static final class Bundled {
        static final Recodes INSTANCE = new Recodes(TsvTable.resource(RESOURCE, "id", "type", "cameo", "mode"),
                CameoCodebook.bundled());
    }

    /**
     * One recode.
     *
     * @param id    the rule id recorded on the event (or the prefix of it, see {@code recodes.tsv})
     * @param type  the PLOVER type the reading gets
     * @param cameo the CAMEO code it gets, present in the codebook
     * @param mode  the PLOVER mode it gets, or {@code null} for none
     * @param note  what the recode means, as the file says it
     */
    public record Recode(String id, EventType type, String cameo, String mode, String note) {
    }

    private final Map<String, Recode> byId = new LinkedHashMap<>();
    private final String sha256;

    /** Reads the rows of {@code table}, each CAMEO code checked in {@code cameo}. */
    public Recodes(TsvTable table, CameoCodebook cameo) {
        for (TsvTable.Row r : table.rows()) {
            String id = r.get("id");
            if (id.isEmpty()) {
                throw r.error("a recode row needs an id");
            }
            EventType type;
            try {
                type = EventType.parse(r.get("type"));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
            String code = r.get("cameo");
            if (!cameo.contains(code)) {
                throw r.error("CAMEO code '" + code + "' of recode '" + id + "' is not in cameo.tsv");
            }
            String mode = r.getOrEmpty("mode");
            try {
                type.checkMode(mode);
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
            Recode recode = new Recode(id, type, code, mode.isEmpty() ? null : mode, r.getOrEmpty("note"));
            if (byId.putIfAbsent(id, recode) != null) {
                throw r.error("duplicate recode id '" + id + "'");
            }
        }
        this.sha256 = table.sha256();
    }

    /** The recodes bundled with the coder (loaded once). */
    public static Recodes bundled() {
        return Bundled.INSTANCE;
    }

    /** The recode with this id; an id the file lacks is a programming error and fails loudly. */
    public Recode get(String id) {
        Recode r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no recode '" + id + "' in " + RESOURCE + "; known: " + byId.keySet());
        }
        return r;
    }

    /** Every recode, in file order. */
    public List<Recode> all() {
        return List.copyOf(byId.values());
    }

    /** SHA-256 of the file's bytes, recorded as provenance. */
    public String sha256() {
        return sha256;
    }
}
