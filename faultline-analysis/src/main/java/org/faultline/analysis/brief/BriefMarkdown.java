package org.faultline.analysis.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.faultline.analysis.Tie;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.analysis.faultlines.FaultlineTimeline;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.query.StoredEvent;

/** A {@link Briefing} as Markdown: the same sections and numbers as {@link BriefHtml}, tables instead of pictures. */
public final class BriefMarkdown {
    private final Briefing b;
    private final String desk;
    private final StringBuilder m = new StringBuilder();

    private BriefMarkdown(Briefing b, String serverUrl) {
        this.b = b;
        this.desk = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.replaceAll("/+$", "");
    }

    /** The Markdown text; evidence links to the desk at {@code serverUrl} when it is not {@code null}. */
    public static String render(Briefing b, String serverUrl) {
        BriefMarkdown w = new BriefMarkdown(b, serverUrl);
        w.page();
        return w.m.toString();
    }

    private void page() {
        PartyFaultlines pf = b.faultlines();
        m.append("# Where the interests of ").append(BriefText.list(pf.parties())).append(" meet and part\n\n");
        m.append(BriefText.question(b)).append("\n\n").append(BriefText.behind(b)).append("\n\n");
        m.append("## Coalitions\n\n");
        if (b.coalitions().isEmpty()) {
            m.append("No party is a coalition: each is one actor.\n\n");
        } else {
            m.append("| coalition | members | what | defined at |\n|---|---|---|---|\n");
            for (Coalitions.Entry e : b.coalitions()) {
                List<String> mem = new ArrayList<>();
                e.coalition().members().forEach(k -> mem.add(k.toString()));
                m.append("| ").append(e.coalition().name()).append(" | ").append(String.join(", ", mem)).append(" | ")
                        .append(cell(e.description())).append(" | ").append(cell(e.source())).append(" |\n");
            }
            m.append('\n');
        }
        m.append("## The parties and their partners and adversaries\n\n");
        m.append("| actor | actor | cooperation | conflict | relation |\n|---|---|---:|---:|---|\n");
        for (Tie t : b.network()) {
            m.append("| ").append(t.a()).append(" | ").append(t.b()).append(" | ").append(t.cooperation()).append(" | ")
                    .append(t.conflict()).append(" | ").append(t.partners() ? "partners" : t.adversaries()
                            ? "adversaries" : "even").append(" |\n");
        }
        m.append("\n## Faultlines, whole period\n\n").append(BriefText.faultlinesBehind(b)).append("\n\n");
        for (Faultlines f : pf.pairs()) {
            m.append("### ").append(f.a()).append(" and ").append(f.b()).append("\n\n");
            f.intersections().forEach(p -> point(true, p.summary(), p.weight(), p.evidence()));
            f.divergences().forEach(p -> point(false, p.summary(), p.weight(), p.evidence()));
            if (f.intersections().isEmpty() && f.divergences().isEmpty()) {
                m.append("No point.\n\n");
            }
        }
        if (pf.parties().size() > 2) {
            m.append("### What all of ").append(BriefText.list(pf.parties())).append(" share\n\n");
            pf.shared().forEach(p -> point(true, p.summary(), p.weight(), p.evidence()));
            if (pf.shared().isEmpty()) {
                m.append("No third actor is a partner of all, or an adversary of all.\n\n");
            }
            m.append("### Where one stands apart\n\n");
            pf.apart().forEach(p -> point(false, p.summary(), p.weight(), p.evidence()));
            if (pf.apart().isEmpty()) {
                m.append("No party stands apart from all the others.\n\n");
            }
        }
        timeline();
        m.append("## Cross-theatre bridges\n\n").append(BriefText.bridgesIntro(b)).append("\n\n");
        for (Bridges.Bridge br : b.bridges()) {
            m.append("### ").append(br.actor()).append(" — score ").append(br.score()).append("\n\n");
            br.involvements().forEach(i -> m.append("- ").append(BriefText.involvement(br, i)).append('\n'));
            m.append('\n');
            br.involvements().forEach(i -> i.evidence().forEach(this::quote));
            m.append('\n');
        }
        m.append("## How this was made\n\n");
        BriefText.method(b).forEach(x -> m.append("- ").append(x).append('\n'));
    }

    private void timeline() {
        FaultlineTimeline t = b.timeline();
        m.append("## Over time, by ").append(t.by().name().toLowerCase(Locale.ROOT)).append("\n\n");
        if (t.buckets().isEmpty() || t.series().isEmpty()) {
            m.append("No events of the parties in the period.\n\n");
            return;
        }
        m.append(BriefText.CHANGE_TEST).append("\n\n| point |");
        t.buckets().forEach(k -> m.append(' ').append(k.label()).append(" |"));
        m.append(" whole |\n|---|");
        t.buckets().forEach(k -> m.append("---:|"));
        m.append("---:|\n| *events on the parties' ties* |");
        t.buckets().forEach(k -> m.append(' ').append(k.events()).append(" |"));
        m.append(' ').append(b.tieEvents()).append(" |\n");
        for (FaultlineTimeline.Series s : t.series()) {
            m.append("| ").append(s.intersection() ? "meet: " : "part: ").append(cell(s.summary())).append(" |");
            s.weights().forEach(w -> m.append(' ').append(w).append(" |"));
            m.append(' ').append(s.whole()).append(" |\n");
        }
        m.append("\nTurning points:\n\n");
        List<String> turns = BriefText.turns(t);
        turns.forEach(x -> m.append("- ").append(x).append('\n'));
        if (turns.isEmpty()) {
            m.append("- none\n");
        }
        m.append('\n');
    }

    private void point(boolean meet, String summary, long weight, List<StoredEvent> evidence) {
        m.append("- **").append(meet ? "meet" : "part").append("** ").append(summary).append(" — weight ").append(weight)
                .append(weight < Briefing.THIN ? " *(thin evidence)*" : "").append('\n');
        evidence.forEach(this::quote);
        m.append('\n');
    }

    private void quote(StoredEvent e) {
        Briefing.Quote q = b.quote(e);
        m.append("    > ").append(q.text().replaceAll("\\s+", " ").strip()).append("\n    >\n    > — ")
                .append(BriefText.eventLine(e)).append(" · ");
        Briefing.Source s = q.source();
        if (s == null) {
            m.append("document ").append(e.event().docId());
        } else {
            m.append(s.title() == null ? s.docId() : "“" + s.title() + "”").append(s.outlet() == null ? ""
                    : ", " + s.outlet()).append(s.published() == null ? "" : ", " + s.published())
                    .append(s.url() == null ? "" : " · <" + s.url() + ">");
        }
        m.append(" · ").append(e.event().docId()).append(" characters ").append(q.start()).append("–").append(q.end());
        if (desk != null) {
            m.append(" · [open in the desk](").append(desk).append("/#/documents/")
                    .append(java.net.URLEncoder.encode(e.event().docId(), java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20")).append(')');
        }
        m.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
