package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faultline.query.StoredDocument;
import org.faultline.store.EventStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline brief WEST ISR UKR} on the example corpus, end to end: the corpus is ingested once with the real
 * coder into a DuckDB file, then the briefing is written as Markdown (standard output) and as HTML ({@code -o}).
 * Every evidence quote of both is found in its stored document at the span the briefing records; without
 * {@code --from} the briefing says where it begins, and that is where its period starts.
 */
class BriefEndToEndIT {
    private static final Path CORPUS = Path.of("../examples/corpus");
    /** A Markdown quote: the sentence, an empty quote line, then the source line ending in the document's span. */
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^    > (?!— )(.+)\\n    >\\n    > — .* · (\\S+) "
            + "characters (\\d+)–(\\d+)");
    private static final Pattern BEGINS = Pattern.compile("no --from: the briefing begins on (\\d{4}-\\d{2}-\\d{2})");

    @TempDir
    static Path dir;
    static String db;

    /** One quote as the briefing shows it. */
    private record Quote(String text, String docId, int start, int end) {
    }

    @BeforeAll
    static void ingest() {
        db = dir.resolve("corpus.duckdb").toString();
        CliRun.Run run = CliRun.run("ingest", "--db", db, CORPUS.toString());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void everyQuoteOfTheMarkdownBriefingIsInItsDocumentAtItsSpan() {
        CliRun.Run md = CliRun.run("brief", "WEST", "ISR", "UKR", "--db", db, "--format", "md");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("# Where the interests of WEST, ISR and UKR meet and part");
        List<Quote> quotes = new ArrayList<>();
        Matcher m = MD_QUOTE.matcher(md.out());
        while (m.find()) {
            quotes.add(new Quote(m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
        assertThat(quotes).hasSizeGreaterThan(10);
        assertThat(quotes).hasSize(count(md.out(), "\n    > — "));
        assertFoundAtTheirSpans(quotes);
        Matcher begins = BEGINS.matcher(md.err());
        assertThat(begins.find()).as(md.err()).isTrue();
        assertThat(md.out()).contains("from " + LocalDate.parse(begins.group(1)));
    }

    @Test
    void everyQuoteOfTheHtmlBriefingIsInItsDocumentAtItsSpan() throws Exception {
        Path file = dir.resolve("brief.html");
        CliRun.Run html = CliRun.run("brief", "WEST", "ISR", "UKR", "--db", db, "-o", file.toString());
        assertThat(html.exit()).as(html.err()).isZero();
        assertThat(html.err()).contains("wrote a briefing on WEST, ISR, UKR (");
        List<Quote> quotes = new ArrayList<>();
        for (Element q : Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8)).select("blockquote.quote")) {
            quotes.add(new Quote(q.text(), q.attr("data-doc"), Integer.parseInt(q.attr("data-start")),
                    Integer.parseInt(q.attr("data-end"))));
        }
        assertThat(quotes).hasSizeGreaterThan(10);
        assertFoundAtTheirSpans(quotes);
    }

    private static void assertFoundAtTheirSpans(List<Quote> quotes) {
        try (EventStore store = EventStore.openExisting(db)) {
            for (Quote q : quotes) {
                StoredDocument d = store.queries().document(q.docId())
                        .orElseThrow(() -> new AssertionError("no document "
                        + q.docId() + " for the quote '" + q.text() + "'"));
                assertThat(q.start()).as(q.toString()).isBetween(0, q.end());
                assertThat(q.end()).as(q.toString()).isLessThanOrEqualTo(d.text().length());
                assertThat(normalised(d.text().substring(q.start(), q.end()))).as(q.docId() + " at " + q.start())
                        .isEqualTo(normalised(q.text()));
            }
        }
    }

    private static String normalised(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
