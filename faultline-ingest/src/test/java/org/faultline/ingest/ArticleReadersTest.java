package org.faultline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.faultline.model.Article;
import org.faultline.model.Failure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReadersTest {

    private static final LocalDate NOV_14 = LocalDate.of(2024, 11, 14);
    private static final LocalDate JAN_2 = LocalDate.of(2025, 1, 2);
    private static final ReadOptions NO_DATE = ReadOptions.defaults();
    private static final ReadOptions WITH_DATE = ReadOptions.defaults().withDefaultDate(JAN_2);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    private static List<ReadOutcome> read(ReadOptions options, Path... paths) {
        List<String> inputs = Stream.of(paths).map(Path::toString).toList();
        try (Stream<ReadOutcome> s = ArticleReaders.read(inputs, options)) {
            return s.toList();
        }
    }

    private static List<ReadOutcome> readStdin(String content, ReadOptions options) {
        InputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        try (Stream<ReadOutcome> s = ArticleReaders.read(List.of("-"), options, in)) {
            return s.toList();
        }
    }

    private static ReadOutcome article(String id, LocalDate date, String text, String title, String source,
            String url, String origin) {
        return new ReadOutcome.Read(new Article(id, date, text, title, source, url, origin));
    }

    private static ReadOutcome failed(String origin, String docId, String reason) {
        return new ReadOutcome.Failed(new Failure(origin, docId, "read", reason));
    }

    @Nested
    class PlainText {

        @Test
        void usesTheDateOptionForAFileWithoutFrontMatter() throws IOException {
            Path p = write("talks.txt", "  Envoys met in Doha.\n\nNo deal was reached.\n");
            assertThat(read(WITH_DATE, p)).containsExactly(
                    article("talks", JAN_2, "Envoys met in Doha.\n\nNo deal was reached.", null, null, null, p.toString()));
        }

        @Test
        void readsYamlFrontMatterAndKeepsOnlyTheTextAfterIt() throws IOException {
            Path p = write("a.md", "---\ndate: 2024-11-14\ntitle: \"Troops at the front\"\nsource: Example Wire\n"
                    + "url: https://example.org/a\ntags: [x, y]\n---\n\nPyongyang sent troops.\n");
            assertThat(read(NO_DATE, p)).containsExactly(article("a", NOV_14, "Pyongyang sent troops.",
                    "Troops at the front", "Example Wire", "https://example.org/a", p.toString()));
        }

        @Test
        void outletIsAnotherNameForSourceInFrontMatterAndJson() throws IOException {
            Path md = write("o.md", "---\ndate: 2024-11-14\noutlet: Example Wire\n---\nText.\n");
            assertThat(read(NO_DATE, md)).containsExactly(article("o", NOV_14, "Text.", null, "Example Wire", null,
                    md.toString()));
            Path jl = write("o.jsonl", "{\"id\":\"j\",\"date\":\"2024-11-14\",\"text\":\"T.\",\"title\":\"A\","
                    + "\"outlet\":\"Wire\",\"url\":\"https://example.org/j\"}\n");
            assertThat(read(NO_DATE, jl)).containsExactly(article("j", NOV_14, "T.", "A", "Wire",
                    "https://example.org/j", jl + ":1"));
        }

        @Test
        void frontMatterDateWinsOverTheDateOption() throws IOException {
            Path p = write("a.txt", "---\ndate: 14 November 2024\n---\nText.");
            assertThat(read(WITH_DATE, p)).containsExactly(article("a", NOV_14, "Text.", null, null, null, p.toString()));
        }

        @Test
        void readsADateFirstLine() throws IOException {
            Path p = write("column.txt", "Date: 2024-11-14\n\nThe Kremlin said little.\n");
            assertThat(read(WITH_DATE, p)).containsExactly(
                    article("column", NOV_14, "The Kremlin said little.", null, null, null, p.toString()));
        }

        @Test
        void readsHeaderLinesWithWindowsLineEnds() throws IOException {
            Path p = write("c.txt", "Date: November 14, 2024\r\nTitle: A column\r\n\r\nBody here.\r\n");
            assertThat(read(NO_DATE, p)).containsExactly(
                    article("c", NOV_14, "Body here.", "A column", null, null, p.toString()));
        }

        @Test
        void aFirstLineThatIsNotADateHeaderStaysInTheText() throws IOException {
            Path p = write("c.txt", "Title: only a title\nBody.");
            assertThat(read(WITH_DATE, p)).containsExactly(
                    article("c", JAN_2, "Title: only a title\nBody.", null, null, null, p.toString()));
        }

        @Test
        void unknownExtensionIsText() throws IOException {
            Path p = write("notes.story", "Date: 2024-11-14\nText.");
            assertThat(read(NO_DATE, p)).containsExactly(article("notes", NOV_14, "Text.", null, null, null, p.toString()));
        }

        @Test
        void stripsAByteOrderMark() throws IOException {
            Path p = write("bom.txt", "\uFEFFDate: 2024-11-14\nText.");
            assertThat(read(NO_DATE, p)).containsExactly(article("bom", NOV_14, "Text.", null, null, null, p.toString()));
        }

        @Test
        void failsWithoutAnyDate() throws IOException {
            Path p = write("a.txt", "Text.");
            assertThat(read(NO_DATE, p)).containsExactly(
                    failed(p.toString(), "a", "no date: give --date YYYY-MM-DD or a 'date:' front-matter line"));
        }

        @Test
        void failsOnAnUnreadableFrontMatterDateEvenWithTheOption() throws IOException {
            Path p = write("a.txt", "---\ntitle: T\ndate: soon\n---\nText.");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p + ":3", "a",
                    "date 'soon' is not a date (use YYYY-MM-DD, or a form like '14 November 2024')"));
        }

        @Test
        void failsOnUnclosedFrontMatter() throws IOException {
            Path p = write("a.txt", "---\ndate: 2024-11-14\nText.");
            assertThat(read(NO_DATE, p)).containsExactly(failed(p + ":1", "a",
                    "front matter opened with '---' is never closed by a second '---' line"));
        }

        @Test
        void failsOnFrontMatterWithoutText() throws IOException {
            Path p = write("a.txt", "---\ndate: 2024-11-14\n---\n\n  \n");
            assertThat(read(NO_DATE, p)).containsExactly(failed(p.toString(), "a", "has no text after the front matter"));
        }
    }

    @Nested
    class BadFiles {

        @Test
        void emptyFile() throws IOException {
            Path p = write("e.txt", "");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "e", "is empty"));
        }

        @Test
        void whitespaceOnlyFile() throws IOException {
            Path p = write("w.txt", " \n\t\n");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "w", "is empty"));
        }

        @Test
        void nulBytes() throws IOException {
            Path p = write("b.txt", new byte[] {'a', 'b', 0, 'c'});
            assertThat(read(WITH_DATE, p)).containsExactly(
                    failed(p.toString(), "b", "looks binary (it contains NUL bytes), not text"));
        }

        @Test
        void manyControlCharacters() throws IOException {
            Path p = write("b.dat", new byte[] {'a', 1, 2, 3, 'b', 'c', 'd', 'e', 'f', 'g'});
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "b",
                    "looks binary (30% of its first 10 bytes are control characters), not text"));
        }

        @Test
        void knownBinaryExtension() throws IOException {
            Path p = write("report.pdf", "%PDF-1.7");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "report",
                    "is a .pdf file, which Faultline does not read; convert it to text, HTML or JSON Lines first"));
        }

        @Test
        void invalidUtf8NamesTheByte() throws IOException {
            Path p = write("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', 'x'});
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "latin1", "invalid UTF-8 at byte 3"));
        }

        @Test
        void lenientDecodingReplacesBadBytes() throws IOException {
            Path p = write("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', 'x'});
            assertThat(read(WITH_DATE.withStrictUtf8(false), p)).containsExactly(
                    article("latin1", JAN_2, "caf\uFFFD x", null, null, null, p.toString()));
        }

        @Test
        void overTheSizeLimit() throws IOException {
            Path p = write("big.txt", new byte[(int) (7.2 * 1024 * 1024)]);
            assertThat(read(WITH_DATE, p)).containsExactly(
                    failed(p.toString(), "big", "file is 7.2 MB, over the 5 MB limit (--max-bytes)"));
        }

        @Test
        void overASmallSizeLimit() throws IOException {
            Path p = write("big.txt", "x".repeat(2048));
            assertThat(read(WITH_DATE.withMaxBytes(1024), p)).containsExactly(
                    failed(p.toString(), "big", "file is 2.0 KB, over the 1 KB limit (--max-bytes)"));
        }

        @Test
        void nonexistentPath() {
            Path p = dir.resolve("missing.txt");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), null, "no such file or directory"));
        }

        @Test
        void aBadFileDoesNotStopTheOthers() throws IOException {
            Path bad = write("bad.txt", "");
            Path good = write("good.txt", "Text.");
            assertThat(read(WITH_DATE, bad, dir.resolve("none"), good)).containsExactly(
                    failed(bad.toString(), "bad", "is empty"),
                    failed(dir.resolve("none").toString(), null, "no such file or directory"),
                    article("good", JAN_2, "Text.", null, null, null, good.toString()));
        }
    }

    @Nested
    class Html {

        @Test
        void extractsArticleTextTitleAndDate() throws IOException {
            Path p = write("page.html", """
                    <!DOCTYPE html><html><head>
                    <title>Drones over Kyiv | Example News</title>
                    <meta property="og:title" content="Drones over Kyiv">
                    <meta property="og:site_name" content="Example News">
                    <link rel="canonical" href="https://example.org/drones">
                    <meta property="article:published_time" content="2024-11-14T06:00:00+02:00">
                    <style>p { color: red }</style><script>var x = 1;</script>
                    </head><body>
                    <nav><a href="/">Home</a></nav>
                    <header><p>Site banner</p></header>
                    <article>
                      <h1>Drones over Kyiv</h1>
                      <p>Air defences shot down <b>most</b> of the drones.</p>
                      <aside><p>Read more</p></aside>
                      <blockquote><p>It was a long night.</p></blockquote>
                      <ul><li>One</li><li>Two</li></ul>
                      <script>track();</script>
                    </article>
                    <footer><p>Copyright</p></footer>
                    </body></html>
                    """);
            assertThat(read(NO_DATE, p)).containsExactly(article("page", NOV_14,
                    "Drones over Kyiv\n\nAir defences shot down most of the drones.\n\nIt was a long night.\n\nOne\n\nTwo",
                    "Drones over Kyiv", "Example News", "https://example.org/drones", p.toString()));
        }

        @Test
        void prefersMainAndFallsBackToTitleTagAndDateOption() throws IOException {
            Path p = write("page.htm", "<html><head><title> Talks in Cairo </title></head><body>"
                    + "<div><p>Sidebar</p></div><main><p>Envoys met.</p><p>They will meet again.</p></main></body></html>");
            assertThat(read(WITH_DATE, p)).containsExactly(article("page", JAN_2,
                    "Envoys met.\n\nThey will meet again.", "Talks in Cairo", null, null, p.toString()));
        }

        @Test
        void readsDcDateAndBodyTextWithoutParagraphs() throws IOException {
            Path p = write("p.html", "<html><head><meta name=\"DC.date\" content=\"14 November 2024\"></head>"
                    + "<body>Just some text.</body></html>");
            assertThat(read(NO_DATE, p)).containsExactly(article("p", NOV_14, "Just some text.", null, null, null,
                    p.toString()));
        }

        @Test
        void readsJsonLdDatePublished() throws IOException {
            Path p = write("p.html", "<html><head><script type=\"application/ld+json\">"
                    + "{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-11-14T10:00:00Z\"}]}"
                    + "</script></head><body><p>Text.</p></body></html>");
            assertThat(read(NO_DATE, p)).containsExactly(article("p", NOV_14, "Text.", null, null, null, p.toString()));
        }

        @Test
        void skipsAnUnreadableMetaDateForTheFallback() throws IOException {
            Path p = write("p.html", "<html><head><meta name=\"date\" content=\"last week\"></head>"
                    + "<body><p>Text.</p></body></html>");
            assertThat(read(WITH_DATE, p)).containsExactly(article("p", JAN_2, "Text.", null, null, null, p.toString()));
        }

        @Test
        void failsWithoutDate() throws IOException {
            Path p = write("p.html", "<html><body><p>Text.</p></body></html>");
            assertThat(read(NO_DATE, p)).containsExactly(
                    failed(p.toString(), "p", "no date: give --date YYYY-MM-DD or a published-time meta tag"));
        }

        @Test
        void failsWithoutText() throws IOException {
            Path p = write("p.html", "<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "p", "has no text in its HTML body"));
        }

        @Test
        void recognisesHtmlWithoutAnHtmlExtension() throws IOException {
            Path p = write("saved", "<!doctype html><html><head><meta name=\"date\" content=\"2024-11-14\"></head>"
                    + "<body><p>Text.</p></body></html>");
            assertThat(read(NO_DATE, p)).containsExactly(article("saved", NOV_14, "Text.", null, null, null, p.toString()));
        }
    }

    @Nested
    class JsonLines {

        @Test
        void readsOneDocumentPerLineAndReportsBadLines() throws IOException {
            Path p = write("batch.jsonl", String.join("\n",
                    "{\"id\":\"a\",\"date\":\"2024-11-14\",\"text\":\"Alpha.\",\"title\":\"A\",\"source\":\"S\",\"url\":\"u\"}",
                    "",
                    "{\"id\":\"b\",\"text\":\"Beta.\"}",
                    "{\"id\":\"c\",\"date\":\"2024-11-14\"",
                    "{\"date\":\"2024-11-14\",\"text\":\"No id.\"}",
                    "{\"id\":\"d\",\"date\":\"2024-11-14\",\"text\":\"  \"}",
                    "{\"id\":\"e\",\"date\":\"someday\",\"text\":\"Eh.\"}",
                    "[1, 2]",
                    "{\"id\":42,\"date\":\"November 14, 2024\",\"text\":\"Numeric id.\"}",
                    ""));
            String o = p.toString();
            assertThat(read(NO_DATE, p)).containsExactly(
                    article("a", NOV_14, "Alpha.", "A", "S", "u", o + ":1"),
                    failed(o + ":3", "b", "no date: give --date YYYY-MM-DD or a \"date\" field"),
                    failed(o + ":4", null, "malformed JSON at column 30: Unexpected end-of-input: expected close marker for Object"),
                    failed(o + ":5", null, "has no \"id\""),
                    failed(o + ":6", "d", "has no \"text\""),
                    failed(o + ":7", "e", "date 'someday' is not a date (use YYYY-MM-DD, or a form like '14 November 2024')"),
                    failed(o + ":8", null, "is not a JSON object"),
                    article("42", NOV_14, "Numeric id.", null, null, null, o + ":9"));
        }

        @Test
        void usesTheDateOptionForLinesWithoutDate() throws IOException {
            Path p = write("b.ndjson", "{\"id\":\"b\",\"text\":\"Beta.\"}\r\n");
            assertThat(read(WITH_DATE, p)).containsExactly(article("b", JAN_2, "Beta.", null, null, null, p + ":1"));
        }

        @Test
        void reportsInvalidUtf8WithLineAndFileOffset() throws IOException {
            byte[] first = "{\"id\":\"a\",\"text\":\"A.\"}\n".getBytes(StandardCharsets.UTF_8);
            byte[] second = {'{', '"', (byte) 0xff, '"', '}'};
            byte[] all = new byte[first.length + second.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            Path p = write("u.jsonl", all);
            assertThat(read(WITH_DATE, p)).containsExactly(
                    article("a", JAN_2, "A.", null, null, null, p + ":1"),
                    failed(p + ":2", null, "invalid UTF-8 at byte " + (first.length + 2)));
        }

        @Test
        void appliesTheSizeLimitPerLine() throws IOException {
            Path p = write("l.jsonl", "{\"id\":\"a\",\"text\":\"" + "x".repeat(2000) + "\"}\n{\"id\":\"b\",\"text\":\"B.\"}\n");
            assertThat(read(WITH_DATE.withMaxBytes(1024), p)).containsExactly(
                    failed(p + ":1", null, "line is 2.0 KB, over the 1 KB limit (--max-bytes)"),
                    article("b", JAN_2, "B.", null, null, null, p + ":2"));
        }

        @Test
        void emptyFile() throws IOException {
            Path p = write("e.jsonl", "");
            assertThat(read(WITH_DATE, p)).containsExactly(failed(p.toString(), "e", "is empty"));
        }

        @Test
        void isLazy() throws IOException {
            Path p = write("lazy.jsonl", "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B.\"}\n");
            try (Stream<ReadOutcome> s = ArticleReaders.read(List.of(p.toString()), WITH_DATE)) {
                Iterator<ReadOutcome> it = s.iterator();
                assertThat(it.next()).isEqualTo(article("a", JAN_2, "A.", null, null, null, p + ":1"));
            }
        }
    }

    @Nested
    class Directories {

        @Test
        void walksRecursivelyInNameOrderSkippingHiddenEntries() throws IOException {
            write("corpus/b.txt", "Date: 2024-11-14\nBee.");
            write("corpus/a.md", "Ay.");
            write("corpus/sub/c.txt", "Sea.");
            write("corpus/sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"Dee.\"}\n");
            write("corpus/.hidden.txt", "Hidden.");
            write("corpus/.git/config", "Hidden too.");
            write("corpus/z.bin", new byte[] {0, 1, 2});
            Path root = dir.resolve("corpus");
            assertThat(read(WITH_DATE, root)).containsExactly(
                    article("a", JAN_2, "Ay.", null, null, null, root.resolve("a.md").toString()),
                    article("b", NOV_14, "Bee.", null, null, null, root.resolve("b.txt").toString()),
                    article("sub/c", JAN_2, "Sea.", null, null, null, root.resolve("sub/c.txt").toString()),
                    article("d1", JAN_2, "Dee.", null, null, null, root.resolve("sub/d.jsonl") + ":1"),
                    failed(root.resolve("z.bin").toString(), "z", "looks binary (it contains NUL bytes), not text"));
        }

        @Test
        void opensFilesOnlyAsTheStreamIsConsumed() throws IOException {
            write("many/a.txt", "A.");
            Path second = write("many/b.txt", "B.");
            try (Stream<ReadOutcome> s = ArticleReaders.read(List.of(dir.resolve("many").toString()), WITH_DATE)) {
                Iterator<ReadOutcome> it = s.iterator();
                assertThat(it.next()).isInstanceOf(ReadOutcome.Read.class);
                Files.delete(second);
                assertThat(it.next()).isEqualTo(failed(second.toString(), "b", "no such file or directory"));
                assertThat(it.hasNext()).isFalse();
            }
        }
    }

    @Nested
    class Stdin {

        @Test
        void plainText() {
            String in = "Date: 2024-11-14\n\nFrom a pipe.\n";
            assertThat(readStdin(in, NO_DATE)).containsExactly(
                    article("stdin-" + sha256Prefix(in), NOV_14, "From a pipe.", null, null, null, "-"));
        }

        @Test
        void twoDifferentTextsNeverShareAnIdAndOneTextAlwaysGetsTheSame() {
            String first = readId(readStdin("France sanctioned Iran over drones.", WITH_DATE));
            String second = readId(readStdin("Troops massed on Monday near the border.", WITH_DATE));
            assertThat(first).startsWith("stdin-").hasSize("stdin-".length() + 12);
            assertThat(second).startsWith("stdin-").isNotEqualTo(first);
            assertThat(readId(readStdin("France sanctioned Iran over drones.", WITH_DATE))).isEqualTo(first);
        }

        @Test
        void jsonLinesWhenTheFirstCharacterIsABrace() {
            assertThat(readStdin("\n  {\"id\":\"x\",\"text\":\"X.\"}\nnot json\n", WITH_DATE)).containsExactly(
                    article("x", JAN_2, "X.", null, null, null, "-:2"),
                    failed("-:3", null, "malformed JSON at column 4: Unrecognized token 'not': was expecting "
                            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"));
        }

        @Test
        void emptyInput() {
            assertThat(readStdin("", WITH_DATE)).containsExactly(failed("-", "stdin-" + sha256Prefix(""), "is empty"));
        }

        @Test
        void overTheLimit() {
            assertThat(readStdin("x".repeat(3000), WITH_DATE.withMaxBytes(2048))).containsExactly(
                    failed("-", "stdin", "standard input is over the 2 KB limit (--max-bytes)"));
        }
    }

    private static String readId(List<ReadOutcome> outcomes) {
        assertThat(outcomes).hasSize(1);
        return ((ReadOutcome.Read) outcomes.get(0)).article().id();
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class UniqueIds {

        @Test
        void twoFilesOfOneNameInDifferentFoldersGetDifferentIds() throws IOException {
            Path a = write("a/article.txt", "France sanctioned Iran over drones.");
            Path b = write("b/article.txt", "Troops massed on Monday near the border.");
            assertThat(read(WITH_DATE, a, b, a)).containsExactly(
                    article("article", JAN_2, "France sanctioned Iran over drones.", null, null, null, a.toString()),
                    article(dir.resolve("b/article").toString(), JAN_2, "Troops massed on Monday near the border.",
                            null, null, null, b.toString()),
                    article("article", JAN_2, "France sanctioned Iran over drones.", null, null, null, a.toString()));
        }

        @Test
        void twoFoldersWithTheSameFileNames() throws IOException {
            Path one = write("2024/x.txt", "One.").getParent();
            Path two = write("2025/x.txt", "Two.").getParent();
            assertThat(read(WITH_DATE, one, two)).extracting(o -> ((ReadOutcome.Read) o).article().id())
                    .containsExactly("x", two.resolve("x").toString());
        }
    }

    @Nested
    class Dates {

        @Test
        void implausiblePublicationDatesAreRefusedOnEveryPath() throws IOException {
            Path front = write("old.txt", "---\ndate: 0000-01-01\n---\nText.");
            Path html = write("early.html", "<html><head><meta property=\"article:published_time\" content=\"1799-12-31\">"
                    + "</head><body><p>Text.</p></body></html>");
            Path jsonl = write("far.jsonl", "{\"id\": \"far\", \"date\": \"9999-01-01\", \"text\": \"T.\"}\n"
                    + "{\"id\": \"huge\", \"date\": \"+99999-01-01\", \"text\": \"T.\"}\n");
            String range = "give one from 1800-01-01 to " + PublicationDates.latest();
            assertThat(read(WITH_DATE, front, html, jsonl)).containsExactly(
                    failed(front + ":2", "old", "date 0000-01-01 is implausible for a publication: " + range),
                    failed(html.toString(), "early", "date 1799-12-31 is implausible for a publication: " + range),
                    failed(jsonl + ":1", "far", "date 9999-01-01 is implausible for a publication: " + range),
                    failed(jsonl + ":2", "huge", "date '+99999-01-01' is not a date (use YYYY-MM-DD, or a form "
                            + "like '14 November 2024')"));
        }

        @Test
        void anImplausibleDefaultDateIsRefused() {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> ReadOptions.defaults().withDefaultDate(LocalDate.of(0, 1, 1)))
                    .withMessageContaining("date 0000-01-01 is implausible");
            assertThat(ReadOptions.defaults().withDefaultDate(PublicationDates.latest()).defaultDate())
                    .isEqualTo(PublicationDates.latest());
        }
    }

    @Nested
    class Uploads {

        private List<ReadOutcome> upload(String name, String id, String content, ReadOptions options) {
            return ArticleReaders.readBytes(content.getBytes(StandardCharsets.UTF_8), name, id, "upload:" + name,
                    options);
        }

        @Test
        void frontMatterIsReadAndItsDateWins() {
            assertThat(upload("war.txt", null, "---\ndate: 2024-11-14\ntitle: War\n---\nMoscow attacked Kyiv.",
                    WITH_DATE)).containsExactly(article("war", NOV_14, "Moscow attacked Kyiv.", "War", null, null,
                    "upload:war.txt"));
        }

        @Test
        void htmlIsReadAsHtml() {
            assertThat(upload("page.html", "given", "<html><head><title>T</title></head><body><nav>Menu</nav>"
                    + "<article><p>Moscow attacked Kyiv.</p></article></body></html>", WITH_DATE))
                    .containsExactly(article("given", JAN_2, "Moscow attacked Kyiv.", "T", null, null,
                            "upload:page.html"));
        }

        @Test
        void jsonLinesGiveOneDocumentPerLine() {
            assertThat(upload("batch.jsonl", null, "{\"id\": \"a\", \"text\": \"A.\", \"date\": \"2024-11-14\"}\n"
                    + "{\"id\": \"b\", \"text\": \"B.\"}\n", NO_DATE)).containsExactly(
                    article("a", NOV_14, "A.", null, null, null, "upload:batch.jsonl:1"),
                    failed("upload:batch.jsonl:2", "b", "no date: give --date YYYY-MM-DD or a \"date\" field"));
        }

        @Test
        void aBodyWithoutAFileNameIsSniffedAndGetsAContentHashId() {
            String body = "Date: 2024-11-14\n\nMoscow attacked Kyiv.";
            assertThat(upload("text", null, body, NO_DATE.withDateHint("a 'date' field"))).containsExactly(
                    article("text-" + sha256Prefix(body), NOV_14, "Moscow attacked Kyiv.", null, null, null,
                            "upload:text"));
            assertThat(upload("text", null, "Moscow attacked Kyiv.", NO_DATE.withDateHint("a 'date' field")))
                    .containsExactly(failed("upload:text", "text-" + sha256Prefix("Moscow attacked Kyiv."),
                            "no date: give a 'date' field or a 'date:' front-matter line"));
            assertThat(upload("text", null, "{\"id\": \"j\", \"text\": \"J.\"}", WITH_DATE)).containsExactly(
                    article("j", JAN_2, "J.", null, null, null, "upload:text:1"));
        }

        @Test
        void binaryFormatsAreRefused() {
            assertThat(upload("report.pdf", null, "%PDF-1.4", WITH_DATE)).containsExactly(failed("upload:report.pdf",
                    "report", "is a .pdf file, which Faultline does not read; convert it to text, HTML or JSON Lines "
                            + "first"));
        }
    }

    @Test
    void optionsRejectANonPositiveLimit() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ReadOptions.defaults().withMaxBytes(0))
                .withMessage("maxBytes must be at least 1, got 0");
    }
}
