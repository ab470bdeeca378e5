package org.faultline.store.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faultline.store.EvidenceSimilarity;
import org.faultline.store.MergeRule;
import org.faultline.store.MergeRule.Mention;

/**
 * Connected components of {@link MergeRule} links over a set of mentions, computed in one pass: mentions are
 * blocked by (type, status, actor key) and sorted by date, so only mentions inside one window are compared.
 * The result does not depend on the order of the input.
 */
public final class StoryClusters {
    private StoryClusters() {
    }

    /** Event id to story id (the earliest mention, ties by smallest id) for every mention in a merged story. */
    public static Map<String, String> cluster(List<Mention> mentions, MergeRule rule) {
        return cluster(mentions, rule, EvidenceSimilarity.NONE);
    }

    /** As {@link #cluster(List, MergeRule)}, with {@code meaning} as a further wording condition of the rule. */
    public static Map<String, String> cluster(List<Mention> mentions, MergeRule rule, EvidenceSimilarity meaning) {
        int n = mentions.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Mention m = mentions.get(i);
            for (String k : m.actorKeys()) {
                blocks.computeIfAbsent(m.eventType() + "|" + m.status() + "|" + k, x -> new ArrayList<>()).add(i);
            }
        }
        int fineWindow = rule.weekWindow();
        for (List<Integer> block : blocks.values()) {
            block.sort(Comparator.comparing((Integer i) -> mentions.get(i).date()));
            for (int a = 0; a < block.size(); a++) {
                Mention ma = mentions.get(block.get(a));
                boolean coarse = rule.window(ma.precision()) > fineWindow;
                int reach = coarse ? rule.window(ma.precision()) : fineWindow;
                // forward over everything within this mention's reach; coarse mentions also look back, because a
                // fine mention scanning forward stops at the fine window
                for (int b = a + 1; b < block.size(); b++) {
                    Mention mb = mentions.get(block.get(b));
                    if (ChronoUnit.DAYS.between(ma.date(), mb.date()) > reach) {
                        break;
                    }
                    link(parent, mentions, rule, meaning, block.get(a), block.get(b));
                }
                if (coarse) {
                    for (int b = a - 1; b >= 0; b--) {
                        Mention mb = mentions.get(block.get(b));
                        if (ChronoUnit.DAYS.between(mb.date(), ma.date()) > reach) {
                            break;
                        }
                        link(parent, mentions, rule, meaning, block.get(a), block.get(b));
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
        }
        Map<String, String> out = new HashMap<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) {
                continue;
            }
            List<Mention> members = new ArrayList<>();
            g.forEach(i -> members.add(mentions.get(i)));
            String story = representative(members);
            members.forEach(m -> out.put(m.eventId(), story));
        }
        return out;
    }

    /** The earliest mention's id; among mentions of the same date, the smallest id. */
    public static String representative(List<Mention> members) {
        return members.stream().min(Comparator.comparing(Mention::date).thenComparing(Mention::eventId))
                .orElseThrow().eventId();
    }

    private static void link(int[] parent, List<Mention> mentions, MergeRule rule, EvidenceSimilarity meaning, int a,
                             int b) {
        if (find(parent, a) != find(parent, b) && rule.sameStory(mentions.get(a), mentions.get(b), meaning)) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
