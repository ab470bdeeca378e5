package org.faultline.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The plain-text form of a {@link ScoreReport}. */
final class ReportText {
    private ReportText() {
    }

    static String render(ScoreReport r, int listed) {
        if (listed < 0) {
            throw new IllegalArgumentException("number of listed misses " + listed + " is negative");
        }
        StringBuilder out = new StringBuilder();
        level(out, "type", r.type());
        level(out, "tuple", r.tuple());
        level(out, "dyad", r.dyad());
        List<String> recalls = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.recallByType().entrySet()) {
            recalls.add(e.getKey() + " " + Prf.fixed(e.getValue(), 2));
        }
        out.append("recall by type: ").append(String.join(", ", recalls)).append('\n');
        out.append("documents: ").append(r.docs()).append(", with a prediction: ").append(r.docsWithPrediction())
                .append(", bad lines: ").append(r.unparseablePredictionLines()).append('\n');

        out.append("\nper type (tuple level; gold = events accepting the type, found = matched by any prediction)\n");
        out.append(String.format("%-14s %6s %6s %6s %6s %6s %6s %6s%n", "type", "gold", "found", "pred", "right",
                "P", "R", "F1"));
        for (TypeScore t : r.perType()) {
            Prf p = t.prf();
            out.append(String.format("%-14s %6d %6d %6d %6d %6s %6s %6s%n", t.type(), t.gold(), t.found(),
                    t.predicted(), t.correct(), Prf.fixed(p.precision(), 3), Prf.fixed(p.recall(), 3),
                    Prf.fixed(p.f1(), 3)));
        }

        out.append(String.format("%nmissed gold events: %d", r.missed().size()));
        out.append(r.missed().size() > listed ? " (first " + listed + ")\n" : "\n");
        for (MissedEvent m : r.missed().subList(0, Math.min(listed, r.missed().size()))) {
            GoldEvent g = m.event();
            out.append("  ").append(m.docId()).append("  gold ").append(g.label().isEmpty() ? "-" : g.label())
                    .append(' ').append(dyad(g.actorCodes(), g.recipientCodes()))
                    .append(g.symmetric() ? " (symmetric)" : "").append('\n');
            List<String> said = new ArrayList<>();
            for (Prediction p : m.predicted()) {
                said.add(prediction(p));
            }
            out.append("      predicted: ").append(said.isEmpty() ? "nothing" : String.join("; ", said)).append('\n');
            out.append("      \"").append(m.snippet()).append("\"\n");
        }
        out.append(String.format("false positives: %d", r.falsePositives().size()));
        out.append(r.falsePositives().size() > listed ? " (first " + listed + ")\n" : "\n");
        for (FalsePositive f : r.falsePositives().subList(0, Math.min(listed, r.falsePositives().size()))) {
            out.append("  ").append(f.docId()).append("  predicted ").append(prediction(f.prediction())).append('\n');
            out.append("      \"").append(f.snippet()).append("\"\n");
        }
        return out.toString();
    }

    private static void level(StringBuilder out, String name, Prf m) {
        out.append(String.format("%-6s P=%s R=%s F1=%s  (gold %d, predicted %d)%n", name, Prf.fixed(m.precision(), 3),
                Prf.fixed(m.recall(), 3), Prf.fixed(m.f1(), 3), m.gold(), m.predicted()));
    }

    private static String prediction(Prediction p) {
        return (p.eventType() == null ? "(no type)" : p.eventType()) + " "
                + dyad(p.actorCodes(), p.recipientCodes());
    }

    private static String dyad(Set<String> actors, Set<String> recipients) {
        String a = actors.isEmpty() ? "?" : String.join("+", actors);
        return recipients.isEmpty() ? a : a + " -> " + String.join("+", recipients);
    }
}
