package org.faultline.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.Article;
import org.faultline.store.EventStore;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Makes the README's screenshots (not a test): codes examples/corpus with the real coder into a temporary DuckDB
 * file, serves it, and photographs each view in headless Chromium at 1280×800.
 *
 * <p>Run from faultline-server: {@code java -Xmx3g -cp "target/classes:target/test-classes:$(cat cp.txt)"
 * org.faultline.server.ExampleScreenshots ../examples ../docs/screenshots}
 */
public final class ExampleScreenshots {
    private ExampleScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path examples = Path.of(args.length > 0 ? args[0] : "../examples");
        Path out = Path.of(args.length > 1 ? args[1] : "../docs/screenshots");
        Path dir = Files.createTempDirectory("faultline-shots");
        EventStore store = EventStore.open(dir.resolve("examples.duckdb").toString());
        ArticleCoder coder = RealCoder.get();
        List<Path> files;
        try (Stream<Path> s = Files.list(examples.resolve("corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int events = 0;
        for (Path f : files) {
            Article a = read(f);
            CodingResult r = coder.code(a);
            if (r.failed()) {
                store.writer().storeFailure(r.failure());
            } else {
                store.writer().storeCoded(a, r.events());
                events += r.events().size();
            }
        }
        System.err.printf("coded %d articles, %d events%n", files.size(), events);
        String column = Files.readString(examples.resolve("column.txt"), StandardCharsets.UTF_8)
                .replaceFirst("(?s)^Date: \\S+\\s*", "");
        try (FaultlineServer server = new FaultlineServer(ServerConfig.defaults("examples").withPort(0), store,
                () -> coder).start(); Browser b = new Browser(1280, 800)) {
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            String base = server.address();

            open(b, base + "#/", "code");
            // The title line has no event; the next paragraphs name troops, treaties and weapons.
            String[] paragraphs = column.split("\n\\s*\n");
            String paragraph = String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, 1, Math.min(3,
                    paragraphs.length))).trim();
            js.executeScript("document.getElementById('code-text').value = arguments[0];"
                    + "document.getElementById('code-date').value = '2024-11-14';", paragraph);
            b.driver().findElement(By.id("code-submit")).click();
            b.waiting(300).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#code-result .doc-text")));
            js.executeScript("document.getElementById('code-result').scrollIntoView()");
            b.screenshot(out, "code-a-text");

            open(b, base + "#/network?from=2024-01-01&to=2024-12-31&window=12", "network");
            b.waiting(30).until(d -> js.executeScript("return window.faultlineGraph && "
                    + "window.faultlineGraph.edges().length") instanceof Long n && n > 0);
            js.executeScript("const e = window.faultlineGraph.edges().sort((a, b) => b.data('edge').events - "
                    + "a.data('edge').events)[0]; e.select(); e.emit('tap');");
            b.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edge-event-list")));
            js.executeScript("document.querySelector('.two').scrollIntoView()");
            b.screenshot(out, "network");

            // Finding an actor opens its panel; the export buttons sit under the graph.
            open(b, base + "#/network?from=2024-01-01&to=2024-12-31&window=12", "network");
            b.waiting(30).until(d -> js.executeScript("return window.faultlineGraph && "
                    + "window.faultlineGraph.edges().length") instanceof Long n && n > 0);
            b.driver().findElement(By.id("net-search")).sendKeys("Ukr");
            b.driver().findElement(By.cssSelector("#net-search-form button[type=submit]")).click();
            b.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("node-facts")));
            Thread.sleep(500);
            js.executeScript("document.getElementById('net-search-form').scrollIntoView()");
            b.screenshot(out, "network-search");
            b.downloadsTo();
            b.driver().findElement(By.id("export-svg")).click();
            b.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("net-export-msg"), "saved"));
            js.executeScript("window.scrollTo(0, document.getElementById('net-export').getBoundingClientRect().top"
                    + " + window.scrollY - 420)");
            b.screenshot(out, "network-export");

            // The map opens on the located events of the bulk of the dates; the busiest place shows its events.
            open(b, base + "#/map", "map");
            b.waiting(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-svg .point")));
            b.driver().findElement(By.cssSelector("#map-places button.place-button")).click();
            b.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-event .card")));
            js.executeScript("document.getElementById('map-status').scrollIntoView()");
            b.screenshot(out, "map");

            open(b, base + "#/dyad?a=RUS&b=UKR&by=month", "dyad");
            b.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
            b.screenshot(out, "dyad");

            open(b, base + "#/faultlines?a=ISR&b=UKR", "faultlines");
            b.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#divergences")));
            b.screenshot(out, "faultlines");

            String doc = files.stream().map(p -> p.getFileName().toString().replace(".txt", ""))
                    .filter(n -> n.contains("north-korea") || n.contains("treaty")).findFirst()
                    .orElse(files.get(files.size() / 2).getFileName().toString().replace(".txt", ""));
            open(b, base + "#/documents/" + doc, "documents");
            b.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".doc-text")));
            b.screenshot(out, "document");
        }
        System.err.println("screenshots in " + out.toAbsolutePath().normalize());
    }

    private static void open(Browser b, String url, String view) {
        b.driver().get("about:blank");
        b.driver().get(url);
        b.waiting(60).until(d -> view.equals(((JavascriptExecutor) d)
                .executeScript("return document.body.dataset.ready")));
    }

    /** A corpus file: front matter (date, title, source) between --- lines, then the text. */
    static Article read(Path f) throws java.io.IOException {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        String id = f.getFileName().toString().replaceFirst("\\.txt$", "");
        LocalDate date = LocalDate.parse(id.substring(0, 10));
        String title = null;
        String text = raw;
        if (raw.startsWith("---")) {
            int end = raw.indexOf("\n---", 3);
            for (String line : raw.substring(3, end).split("\n")) {
                if (line.startsWith("date:")) {
                    date = LocalDate.parse(line.substring(5).trim());
                } else if (line.startsWith("title:")) {
                    title = line.substring(6).trim();
                }
            }
            text = raw.substring(raw.indexOf('\n', end + 1) + 1);
        }
        return new Article(id, date, text, title, "Faultline example corpus", null, f.toString());
    }
}
