package org.faultline.coding.lexicon;

import java.util.HashMap;
import java.util.Map;
import org.faultline.coding.kb.TsvTable;

/**
 * CAMEO codes with their Goldstein scores (our own table, written from the published CAMEO and Goldstein
 * tables). Immutable.
 */
public final class CameoCodebook {
    /** One code. */
    public record Code(String code, String label, double goldstein) {
    }

    private final Map<String, Code> codes = new HashMap<>();
    private final String sha;

    /** The codebook bundled with the coder ({@code lexicon/cameo.tsv}). */
    public static CameoCodebook bundled() {
        return new CameoCodebook(TsvTable.resource("/org/faultline/coding/lexicon/cameo.tsv", "code", "goldstein"));
    }

    public CameoCodebook(TsvTable table) {
        this.sha = table.sha256();
        for (TsvTable.Row r : table.rows()) {
            String c = r.get("code");
            double g;
            try {
                g = Double.parseDouble(r.get("goldstein"));
            } catch (NumberFormatException e) {
                throw r.error("goldstein '" + r.get("goldstein") + "' is not a number");
            }
            codes.put(c, new Code(c, r.getOrEmpty("label"), g));
        }
    }

    public boolean contains(String code) {
        return codes.containsKey(code);
    }

    /** Goldstein score of the code, or of its nearest listed ancestor; 0 when unknown. */
    public double goldstein(String code) {
        for (String c = code; c != null && !c.isEmpty(); c = c.length() > 2 ? c.substring(0, c.length() - 1) : null) {
            Code k = codes.get(c);
            if (k != null) {
                return k.goldstein();
            }
        }
        return 0;
    }

    public String sha256() {
        return sha;
    }
}
