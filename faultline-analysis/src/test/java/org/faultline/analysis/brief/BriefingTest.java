package org.faultline.analysis.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faultline.analysis.Scope;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.query.ActorKey;
import org.faultline.query.Period;
import org.faultline.query.Tally;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A briefing over a small made-up world whose documents hold the evidence sentences after a lead, so that a quote
 * is found in its document only at the right span.
 */
class BriefingTest {
    @TempDir
    Path dir;

    private static final String[][] EVENTS = {
        // actor, type, recipient, date, sentence
        {"USA", "COOPERATE", "UKR", "2022-02-10", "Washington & Kyiv agreed to share \"intelligence\" <daily>."},
        {"GBR", "AID", "UKR", "2022-05-10", "Britain sent air-defence systems to Ukraine."},
        {"USA", "COOPERATE", "ISR", "2023-03-01", "The United States and Israel held joint drills."},
        {"ISR", "REJECT", "UKR", "2022-04-20", "Israel turned down Ukraine's request for helmets."},
        {"ISR", "AID", "UKR", "2022-03-22", "Israel opened a field hospital in Ukraine."},
        {"RUS", "ASSAULT", "UKR", "2022-02-24", "Russia attacked Ukraine."},
        {"USA", "SANCTION", "RUS", "2022-03-01", "Washington imposed sanctions on Moscow."},
        {"ISR", "CONSULT", "RUS", "2022-03-05", "Israel's prime minister met Russia's president."},
        {"IRN", "ASSAULT", "ISR", "2024-04-14", "Iran launched drones at Israel."},
        {"UKR", "ACCUSE", "IRN", "2022-10-17", "Ukraine accused Iran of supplying drones."},
        {"USA", "ASSAULT", "IRN", "2025-06-22", "American bombers struck Iran's enrichment sites."},
    };

    private EventStore world() {
        EventStore store = EventStore.open(dir.resolve("b.duckdb").toString());
        for (int i = 0; i < EVENTS.length; i++) {
            String[] e = EVENTS[i];
            String lead = "Lead paragraph number " + i + " of a made-up report. ";
            String text = lead + e[4] + " A closing line.";
            int start = lead.length();
            int end = start + e[4].length();
            String doc = "doc-" + i;
            EventType type = EventType.valueOf(e[1]);
            Event ev = new Event("ev" + i, doc, type, null, List.of(), "000", type.quadClass(), 1.0,
                    List.of(ref(e[0])), List.of(ref(e[2])), LocalDate.parse(e[3]), DatePrecision.DAY, null, null,
                    false, Modality.ASSERTED, null, 0.9, List.of(new Evidence(doc, 1, start, end, e[4], "t", start,
                    start + 1)), "rule", "test");
            store.writer().storeCoded(new Article(doc, LocalDate.parse(e[3]), text, "Report " + i, "Made-up Wire",
                    i % 2 == 0 ? "https://example.org/r/" + i : null, doc), List.of(ev));
        }
        return store;
    }

    private static ActorRef ref(String code) {
        return new ActorRef(code, code, "GOV", "Name of " + code, "kb-" + code, 0, code.length());
    }

    private static Briefing.Question question(String... parties) {
        List<ActorKey> keys = new ArrayList<>();
        for (String p : parties) {
            keys.add(ActorKey.parse(p));
        }
        return new Briefing.Question(keys, Period.YEAR, 2, 6, List.of());
    }

    @Test
    void everyQuoteIsFoundInItsDocumentAtItsSpan() {
        try (EventStore store = world()) {
            Briefing b = Briefing.query(store.queries(), Scope.all(), Coalitions.bundled(), question("WEST", "ISR",
                    "UKR"));
            String html = BriefHtml.render(b, "http://127.0.0.1:8080/");
            Matcher m = Pattern.compile("<blockquote class=\"quote\" data-doc=\"([^\"]*)\" data-start=\"(\\d+)\" "
                    + "data-end=\"(\\d+)\">([^<]*)</blockquote>").matcher(html);
            int quotes = 0;
            while (m.find()) {
                String text = store.queries().document(unescape(m.group(1))).orElseThrow().text();
                assertThat(text.substring(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                        .isEqualTo(unescape(m.group(4)));
                quotes++;
            }
            assertThat(quotes).isEqualTo(b.evidence().size()).isGreaterThan(5);
            assertThat(html).contains("Washington &amp; Kyiv agreed to share &quot;intelligence&quot; &lt;daily&gt;.");
            String md = BriefMarkdown.render(b, null);
            for (var e : b.evidence()) {
                assertThat(md).contains(e.event().evidence().get(0).text());
            }
        }
    }

    @Test
    void theBriefingSaysWhatItRestsOnAndNeedsNoNetwork() {
        try (EventStore store = world()) {
            Briefing b = Briefing.query(store.queries(), Scope.all(), Coalitions.bundled(), question("WEST", "ISR",
                    "UKR"));
            // every event of the world has a party on one side
            assertThat(b.all()).isEqualTo(new Tally(EVENTS.length, EVENTS.length));
            assertThat(b.coalitions()).extracting(e -> e.coalition().name()).containsExactly("WEST");
            assertThat(b.faultlines().shared()).extracting(p -> p.summary())
                    .containsExactly("IRN is an adversary of WEST, ISR and UKR");
            assertThat(b.faultlines().apart()).extracting(p -> p.summary())
                    .containsExactly("ISR cooperates with RUS, an adversary of WEST and UKR");
            assertThat(b.timeline().buckets()).extracting(k -> k.label()).containsExactly("2022", "2023", "2024",
                    "2025");
            assertThat(b.timeline().buckets().stream().mapToLong(k -> k.events()).sum()).isEqualTo(b.tieEvents())
                    .isEqualTo(EVENTS.length);
            String html = BriefHtml.render(b, null);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Behind this briefing: 11 events "
                    + "with a party as actor or recipient (11 of them took place").contains("thin evidence")
                    .contains("WEST</td><td>AUS, CAN, DEU").contains("https://example.org/r/0")
                    .doesNotContain("<script").doesNotContain("src=").doesNotContain("url(").doesNotContain("@import")
                    .doesNotContain("open in the desk");
            assertThat(BriefHtml.render(b, "http://127.0.0.1:8080/")).contains(
                    "<a href=\"http://127.0.0.1:8080/#/documents/doc-0\">open in the desk</a>");
            String md = BriefMarkdown.render(b, "http://127.0.0.1:8080");
            assertThat(md).startsWith("# Where the interests of WEST, ISR and UKR meet and part")
                    .contains("| WEST | AUS, CAN, DEU").contains("[open in the desk](http://127.0.0.1:8080/#/documents/")
                    .contains("## Over time, by year").contains("## Cross-theatre bridges");
        }
    }

    @Test
    void aPartyInsideAnothersCoalitionIsRefused() {
        try (EventStore store = world()) {
            assertThatThrownBy(() -> Briefing.query(store.queries(), Scope.all(), Coalitions.bundled(),
                    question("WEST", "USA")))
                    .hasMessage("USA is a member of WEST; ask for one or the other");
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
