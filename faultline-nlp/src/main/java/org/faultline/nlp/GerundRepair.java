package org.faultline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Repairs one systematic error of the dependency parser: a gerund right after a preposition read as an adjective
 * of the noun that follows it. In "Panama responded by requesting assistance from the OAS" the parser makes
 * "requesting" an {@code amod} of "assistance" and "by assistance" an oblique of "responded", so the request
 * has no verb to hang on. The repair makes the gerund an adverbial clause of the noun's head ({@code advcl}, the
 * preposition its {@code mark}) and the noun its object, as the parser itself does for the same sentence with
 * another verb. So for "of" after a verb ("the response consisted of dispatching ships to the area"), and where the
 * parser hangs the gerund on the noun's possessor ("by reinforcing Nicaragua's borders"). Stateless; thread-safe.
 */
public final class GerundRepair {
    /** Prepositions that introduce a gerund clause of manner or time. */
    static final Set<String> PREPOSITIONS = Set.of("by", "after", "before", "through", "without", "upon", "while",
            "in", "on", "of");

    private GerundRepair() {
    }

    /** The arcs with each misread gerund re-attached; the input when there is nothing to repair. */
    public static List<Dependency> apply(List<Token> tokens, List<Dependency> deps) {
        int n = tokens.size();
        int[] head = new int[n];
        String[] rel = new String[n];
        java.util.Arrays.fill(head, -2);
        for (Dependency d : deps) {
            if (d.dependent() >= 0 && d.dependent() < n) {
                head[d.dependent()] = d.governor();
                rel[d.dependent()] = d.relation();
            }
        }
        boolean changed = false;
        for (int g = 1; g < n; g++) {
            int noun = head[g];
            int prep = g - 1;
            if (noun > g && noun < n && "nmod:poss".equals(rel[noun]) && head[noun] > noun && head[noun] < n
                    && head[prep] == head[noun]) {
                // "by reinforcing Nicaragua's borders": the gerund hung on the possessor of the noun it governs
                noun = head[noun];
            }
            if (!tokens.get(g).pos().equals("VBG") || !"amod".equals(rel[g]) || noun <= g || noun >= n
                    || !tokens.get(noun).pos().startsWith("NN") || head[prep] != noun || !"case".equals(rel[prep])
                    || !PREPOSITIONS.contains(tokens.get(prep).lemma()) || head[noun] < 0 || rel[noun] == null
                    || !rel[noun].startsWith("obl")) {
                continue;
            }
            head[g] = head[noun];
            rel[g] = "advcl";
            head[prep] = g;
            rel[prep] = "mark";
            head[noun] = g;
            rel[noun] = "obj";
            changed = true;
        }
        if (!changed) {
            return deps;
        }
        List<Dependency> out = new ArrayList<>(deps.size());
        for (int i = 0; i < n; i++) {
            if (head[i] != -2) {
                out.add(new Dependency(head[i], i, rel[i]));
            }
        }
        return out;
    }
}
