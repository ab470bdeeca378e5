package org.faultline.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A sentence with its tokens and, when it passed the pre-parse filter, its named entities and dependency arcs.
 * Immutable; the per-token child lists are computed once on construction.
 */
public final class ParsedSentence {
    private final int index;
    private final int start;
    private final int end;
    private final List<Token> tokens;
    private final List<Dependency> dependencies;
    private final boolean parsed;
    private final int[] heads;
    private final String[] relations;
    private final List<List<Integer>> children;

    public ParsedSentence(int index, int start, int end, List<Token> tokens, List<Dependency> dependencies,
                          boolean parsed) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.tokens = List.copyOf(tokens);
        this.dependencies = List.copyOf(dependencies);
        this.parsed = parsed;
        int n = tokens.size();
        this.heads = new int[n];
        this.relations = new String[n];
        Arrays.fill(heads, -2);
        List<List<Integer>> kids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kids.add(new ArrayList<>());
        }
        for (Dependency d : dependencies) {
            if (d.dependent() < 0 || d.dependent() >= n || d.governor() >= n) {
                throw new IllegalArgumentException("dependency " + d + " outside sentence of " + n + " tokens");
            }
            heads[d.dependent()] = d.governor();
            relations[d.dependent()] = d.relation();
            if (d.governor() >= 0) {
                kids.get(d.governor()).add(d.dependent());
            }
        }
        List<List<Integer>> frozen = new ArrayList<>(n);
        for (List<Integer> k : kids) {
            Collections.sort(k);
            frozen.add(List.copyOf(k));
        }
        this.children = List.copyOf(frozen);
    }

    public int index() {
        return index;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** True when NER and the dependency parse were run on this sentence. */
    public boolean parsed() {
        return parsed;
    }

    /** Head of token i, -1 for the root, -2 when unparsed. */
    public int head(int i) {
        return heads[i];
    }

    /** Relation of token i to its head, or {@code null} when unparsed. */
    public String relation(int i) {
        return relations[i];
    }

    public List<Integer> children(int i) {
        return children.get(i);
    }

    /** Children of i whose relation equals rel or is a subtype of it ("obl" matches "obl:tmod"). */
    public List<Integer> children(int i, String rel) {
        List<Integer> out = new ArrayList<>(2);
        for (int c : children.get(i)) {
            if (is(c, rel)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether token i's relation is rel or a subtype of it. */
    public boolean is(int i, String rel) {
        String r = relations[i];
        return r != null && (r.equals(rel) || r.startsWith(rel + ":"));
    }

    /** Whether token a lies in the subtree of token root (a == root included). */
    public boolean dominates(int root, int a) {
        int guard = 0;
        for (int x = a; x >= 0 && guard++ <= tokens.size(); x = heads[x]) {
            if (x == root) {
                return true;
            }
        }
        return false;
    }
}
