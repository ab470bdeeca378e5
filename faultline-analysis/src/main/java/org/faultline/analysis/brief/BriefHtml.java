package org.faultline.analysis.brief;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.faultline.analysis.Tie;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.analysis.faultlines.FaultlineTimeline;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.query.ActorKey;
import org.faultline.query.StoredEvent;

/**
 * A {@link Briefing} as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched when it is
 * opened (links to sources and to the desk are plain links). Every quote carries {@code data-doc},
 * {@code data-start} and {@code data-end}: the span of its document it was read from.
 */
public final class BriefHtml {
    private static final String CSS = "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1000px;"
            + "padding:1.5em;color:#1d1d1f}h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:"
            + "1px solid #ccc}h3{margin-top:1.4em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid "
            + "#ddd;padding:3px 7px;text-align:left;vertical-align:top}td.n,th.n{text-align:right}.meet{color:#1b5e20}"
            + ".part{color:#b71c1c}.thin{background:#fff3cd;font-size:.85em;padding:0 4px;border-radius:3px}"
            + ".count{color:#555;font-size:.9em}blockquote{margin:.3em 0 .1em 1em;padding-left:.7em;border-left:3px "
            + "solid #9e9e9e}.src{font-size:.85em;color:#444;margin:0 0 .6em 1.8em}details{margin:.2em 0 .8em}"
            + "svg text{font:12px system-ui,sans-serif}.multiples{display:flex;flex-wrap:wrap;gap:10px}"
            + ".multiples figure{margin:0;border:1px solid #eee;padding:4px}figcaption{font-size:.8em;max-width:"
            + "260px}";

    private final Briefing b;
    private final String desk;
    private final StringBuilder h = new StringBuilder();

    private BriefHtml(Briefing b, String serverUrl) {
        this.b = b;
        this.desk = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.replaceAll("/+$", "");
    }

    /** The page; evidence links to the desk at {@code serverUrl} when it is not {@code null}. */
    public static String render(Briefing b, String serverUrl) {
        BriefHtml w = new BriefHtml(b, serverUrl);
        w.page();
        return w.h.toString();
    }

    private void page() {
        String parties = BriefText.list(b.faultlines().parties());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Briefing: ").append(esc(parties)).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        h.append("<h1>Where the interests of ").append(esc(parties)).append(" meet and part</h1>\n");
        h.append("<p>").append(esc(BriefText.question(b))).append("</p>\n");
        h.append("<p class=\"count\">").append(esc(BriefText.behind(b))).append("</p>\n");
        coalitions();
        network();
        faultlines();
        timeline();
        bridges();
        method();
        h.append("</body></html>\n");
    }

    private void coalitions() {
        h.append("<h2 id=\"coalitions\">Coalitions</h2>\n");
        if (b.coalitions().isEmpty()) {
            h.append("<p>No party is a coalition: each is one actor.</p>\n");
            return;
        }
        h.append("<p>Each coalition counts as one actor: its members' events are its own, events among its members "
                + "are left out, and an event of several members with the same actor counts once.</p>\n");
        h.append("<table><tr><th>coalition</th><th>members</th><th>what</th><th>defined at</th></tr>\n");
        for (Coalitions.Entry e : b.coalitions()) {
            List<String> m = new ArrayList<>();
            for (ActorKey k : e.coalition().members()) {
                String n = b.name(k);
                m.add(k + (n.isEmpty() ? "" : " (" + n + ")"));
            }
            h.append("<tr><td>").append(esc(e.coalition().name())).append("</td><td>").append(esc(String.join(", ", m)))
                    .append("</td><td>").append(esc(e.description())).append("</td><td>").append(esc(e.source()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void network() {
        List<Tie> ties = b.network();
        long events = ties.stream().mapToLong(Tie::events).sum();
        h.append("<h2 id=\"network\">The parties and their partners and adversaries</h2>\n");
        h.append("<p class=\"count\">").append(ties.size()).append(" ties, ").append(events).append(" realised "
                + "events: the ties among the parties and each party's ").append(b.question().neighbours())
                .append(" busiest ties with partners (green: more cooperation than conflict) and adversaries (red: "
                        + "more conflict). Line width grows with the events; labels give cooperation/conflict.</p>\n");
        List<ActorKey> parties = b.faultlines().parties();
        List<ActorKey> others = new ArrayList<>();
        for (Tie t : ties) {
            for (ActorKey k : List.of(t.a(), t.b())) {
                if (!parties.contains(k) && !others.contains(k)) {
                    others.add(k);
                }
            }
        }
        others.sort(null);
        Map<ActorKey, double[]> at = new LinkedHashMap<>();
        double cx = 450;
        double cy = 300;
        place(at, parties, cx, cy, parties.size() == 1 ? 0 : 110, -Math.PI / 2);
        place(at, others, cx, cy, 250, -Math.PI / 2 + Math.PI / Math.max(1, others.size()));
        h.append("<svg role=\"img\" aria-label=\"network of the parties\" viewBox=\"0 0 900 600\" width=\"900\" "
                + "height=\"600\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (Tie t : ties) {
            double[] p = at.get(t.a());
            double[] q = at.get(t.b());
            String colour = t.partners() ? "#2e7d32" : t.adversaries() ? "#c62828" : "#9e9e9e";
            double w = 1 + 1.6 * Math.log(1 + t.events()) / Math.log(2);
            h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"%.1f\" stroke-opacity=\"0.75\"><title>%s</title></line>\n", p[0], p[1], q[0],
                    q[1], colour, w, esc(t.a() + "–" + t.b() + ": " + t.cooperation() + " cooperation, "
                            + t.conflict() + " conflict")));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\" text-anchor=\"middle\">"
                    + "+%d/−%d</text>\n", (p[0] + q[0]) / 2, (p[1] + q[1]) / 2 - 3, t.cooperation(), t.conflict()));
        }
        for (Map.Entry<ActorKey, double[]> e : at.entrySet()) {
            boolean party = parties.contains(e.getKey());
            double[] p = e.getValue();
            h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"#333\">"
                    + "<title>%s</title></circle>\n", p[0], p[1], party ? 26 : 17, party ? "#ffe082" : "#e3f2fd",
                    esc(e.getKey() + " " + b.name(e.getKey()))));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"%s\">"
                    + "%s</text>\n", p[0], p[1] + 4, party ? "bold" : "normal", esc(e.getKey().toString())));
        }
        h.append("</svg>\n");
    }

    private static void place(Map<ActorKey, double[]> at, List<ActorKey> keys, double cx, double cy, double r,
                              double start) {
        for (int i = 0; i < keys.size(); i++) {
            double a = start + 2 * Math.PI * i / keys.size();
            at.put(keys.get(i), new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)});
        }
    }

    private void faultlines() {
        PartyFaultlines pf = b.faultlines();
        h.append("<h2 id=\"faultlines\">Faultlines, whole period</h2>\n");
        h.append("<p class=\"count\">").append(esc(BriefText.faultlinesBehind(b))).append("</p>\n");
        for (Faultlines f : pf.pairs()) {
            h.append("<h3>").append(esc(f.a() + " and " + f.b())).append("</h3>\n");
            if (f.intersections().isEmpty() && f.divergences().isEmpty()) {
                h.append("<p>No point: the two have no direct events and no third actor in common.</p>\n");
            }
            for (Faultlines.Point p : f.intersections()) {
                point(true, p.summary(), p.weight(), p.evidence());
            }
            for (Faultlines.Point p : f.divergences()) {
                point(false, p.summary(), p.weight(), p.evidence());
            }
        }
        if (pf.parties().size() > 2) {
            h.append("<h3>What all of ").append(esc(BriefText.list(pf.parties()))).append(" share</h3>\n");
            if (pf.shared().isEmpty()) {
                h.append("<p>No third actor is a partner of all, or an adversary of all.</p>\n");
            }
            pf.shared().forEach(p -> point(true, p.summary(), p.weight(), p.evidence()));
            h.append("<h3>Where one stands apart</h3>\n");
            if (pf.apart().isEmpty()) {
                h.append("<p>No party stands apart from all the others on a third actor or on each other.</p>\n");
            }
            pf.apart().forEach(p -> point(false, p.summary(), p.weight(), p.evidence()));
        }
    }

    private void point(boolean meet, String summary, long weight, List<StoredEvent> evidence) {
        h.append("<div class=\"point\"><p><b class=\"").append(meet ? "meet\">meet" : "part\">part").append("</b> ")
                .append(esc(summary)).append(" — weight ").append(weight);
        if (weight < Briefing.THIN) {
            h.append(" <span class=\"thin\">thin evidence</span>");
        }
        h.append("</p>\n");
        if (!evidence.isEmpty()) {
            h.append("<details open><summary>").append(evidence.size()).append(evidence.size() == 1 ? " sentence"
                    : " sentences").append("</summary>\n");
            evidence.forEach(this::quote);
            h.append("</details>\n");
        }
        h.append("</div>\n");
    }

    private void quote(StoredEvent e) {
        Briefing.Quote q = b.quote(e);
        h.append("<blockquote class=\"quote\" data-doc=\"").append(esc(e.event().docId())).append("\" data-start=\"")
                .append(q.start()).append("\" data-end=\"").append(q.end()).append("\">").append(esc(q.text()))
                .append("</blockquote>\n<p class=\"src\">").append(esc(BriefText.eventLine(e))).append(" · ");
        Briefing.Source s = q.source();
        if (s == null) {
            h.append("document ").append(esc(e.event().docId())).append(" (no source recorded)");
        } else {
            h.append(s.title() == null ? esc(s.docId()) : "“" + esc(s.title()) + "”");
            if (s.outlet() != null) {
                h.append(", ").append(esc(s.outlet()));
            }
            if (s.published() != null) {
                h.append(", ").append(s.published());
            }
            if (s.url() != null && s.url().matches("(?i)https?://.*")) {
                h.append(" · <a href=\"").append(esc(s.url())).append("\">").append(esc(s.url())).append("</a>");
            }
        }
        if (desk != null) {
            h.append(" · <a href=\"").append(esc(desk + "/#/documents/" + URLEncoder.encode(e.event().docId(),
                    StandardCharsets.UTF_8).replace("+", "%20"))).append("\">open in the desk</a>");
        }
        h.append("</p>\n");
    }

    private void timeline() {
        FaultlineTimeline t = b.timeline();
        String by = t.by().name().toLowerCase(Locale.ROOT);
        h.append("<h2 id=\"timeline\">Over time, by ").append(by).append("</h2>\n");
        if (t.buckets().isEmpty() || t.series().isEmpty()) {
            h.append("<p>No events of the parties in the period.</p>\n");
            return;
        }
        h.append("<p class=\"count\">Realised events on the parties' ties per ").append(by).append(": ");
        List<String> per = new ArrayList<>();
        List<String> thin = new ArrayList<>();
        for (FaultlineTimeline.Bucket k : t.buckets()) {
            per.add(k.label() + " " + k.events());
            if (k.events() < Briefing.THIN) {
                thin.add(k.label());
            }
        }
        h.append(esc(String.join(", ", per))).append(". The periods add up to the whole: ").append(b.tieEvents())
                .append(" events.");
        if (!thin.isEmpty()) {
            h.append(" <span class=\"thin\">thin evidence</span> in ").append(esc(String.join(", ", thin)))
                    .append(" (fewer than ").append(Briefing.THIN).append(" events).");
        }
        h.append("</p>\n<p>").append(esc(BriefText.CHANGE_TEST)).append("</p>\n");
        long max = 1;
        for (FaultlineTimeline.Series s : t.series()) {
            for (long w : s.weights()) {
                max = Math.max(max, w);
            }
        }
        h.append("<div class=\"multiples\">\n");
        int n = t.buckets().size();
        int bw = Math.max(6, Math.min(24, 240 / n));
        int width = n * bw + 30;
        for (FaultlineTimeline.Series s : t.series()) {
            h.append("<figure><svg viewBox=\"0 0 ").append(width).append(" 90\" width=\"").append(width)
                    .append("\" height=\"90\" xmlns=\"http://www.w3.org/2000/svg\">");
            h.append("<line x1=\"0\" y1=\"70\" x2=\"").append(width).append("\" y2=\"70\" stroke=\"#999\"/>");
            for (int i = 0; i < n; i++) {
                long w = s.weights().get(i);
                double hh = 55.0 * w / max;
                h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s: %d</title></rect>", 15 + i * bw, 70 - hh, bw - 2, hh,
                        s.intersection() ? "#43a047" : "#e53935", esc(t.buckets().get(i).label()), w));
            }
            for (FaultlineTimeline.Turn turn : s.turns()) {
                String mark = turn.change() == FaultlineTimeline.Change.APPEARED ? "●"
                        : turn.change() == FaultlineTimeline.Change.ROSE ? "▲"
                        : turn.change() == FaultlineTimeline.Change.FELL ? "▼" : "○";
                h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"84\" text-anchor=\"middle\" font-size=\"10\">"
                        + "%s<title>%s</title></text>", 15 + turn.bucket() * bw + (bw - 2) / 2, mark,
                        esc(t.buckets().get(turn.bucket()).label() + ": " + BriefText.turn(turn))));
            }
            h.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"12\" font-size=\"10\">%s %s</text>",
                    esc(t.buckets().get(0).label()), n > 1 ? "→ " + esc(t.buckets().get(n - 1).label()) : ""));
            h.append("</svg><figcaption class=\"").append(s.intersection() ? "meet" : "part").append("\">")
                    .append(esc(s.summary())).append(" (whole: ").append(s.whole()).append(")</figcaption></figure>\n");
        }
        h.append("</div>\n<p class=\"count\">Bars share one scale (tallest: ").append(max).append("). ● appeared, "
                + "▲ rose, ▼ fell, ○ faded.</p>\n");
        h.append("<table><tr><th>point</th>");
        t.buckets().forEach(k -> h.append("<th class=\"n\">").append(esc(k.label())).append("</th>"));
        h.append("<th class=\"n\">whole</th></tr>\n");
        for (FaultlineTimeline.Series s : t.series()) {
            h.append("<tr><td class=\"").append(s.intersection() ? "meet" : "part").append("\">").append(esc(s.summary()))
                    .append("</td>");
            s.weights().forEach(w -> h.append("<td class=\"n\">").append(w == 0 ? "" : Long.toString(w)).append("</td>"));
            h.append("<td class=\"n\">").append(s.whole()).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Turning points</h3>\n");
        List<String> turns = BriefText.turns(t);
        if (turns.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul>\n");
            turns.forEach(x -> h.append("<li>").append(esc(x)).append("</li>\n"));
            h.append("</ul>\n");
        }
    }

    private void bridges() {
        h.append("<h2 id=\"bridges\">Cross-theatre bridges</h2>\n");
        h.append("<p>").append(esc(BriefText.bridgesIntro(b))).append("</p>\n");
        for (Bridges.Bridge br : b.bridges()) {
            String name = b.name(br.actor());
            h.append("<h3>").append(esc(br.actor() + (name.isEmpty() ? "" : " (" + name + ")"))).append(" — score ")
                    .append(br.score()).append("</h3>\n<ul>\n");
            for (Bridges.Involvement i : br.involvements()) {
                h.append("<li>").append(esc(BriefText.involvement(br, i))).append("</li>\n");
            }
            h.append("</ul>\n");
            List<StoredEvent> ev = new ArrayList<>();
            br.involvements().forEach(i -> ev.addAll(i.evidence()));
            if (!ev.isEmpty()) {
                h.append("<details open><summary>").append(ev.size()).append(" sentences</summary>\n");
                ev.forEach(this::quote);
                h.append("</details>\n");
            }
        }
    }

    private void method() {
        h.append("<h2 id=\"method\">How this was made</h2>\n<ul>\n");
        for (String line : BriefText.method(b)) {
            h.append("<li>").append(esc(line)).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder o = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    o.append("&lt;");
                    break;
                case '>':
                    o.append("&gt;");
                    break;
                case '&':
                    o.append("&amp;");
                    break;
                case '"':
                    o.append("&quot;");
                    break;
                case '\'':
                    o.append("&#39;");
                    break;
                default:
                    o.append(c);
            }
        }
        return o.toString();
    }
}
