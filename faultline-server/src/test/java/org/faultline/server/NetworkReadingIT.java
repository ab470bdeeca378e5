package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Reading the network of a store the size of the example corpus ({@link CrowdedWorld}: 36 actors, many blocs,
 * one stray event in 2006 and one in 2028) in real headless Chromium: bloc colours and their legend, the default
 * date range, labels that do not overlap, clicks inside an edge bundle, edge counts, the node's faultlines picker,
 * document dates and the dyad's time axis. Skipped without Debian's chromium and chromium-driver.
 */
class NetworkReadingIT extends PageTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    /** Overlapping label pairs allowed at the default zoom; the issue measured 30 on 36 nodes before. */
    static final int MAX_LABEL_OVERLAPS = 0;

    @BeforeAll
    static void start() throws Exception {
        needChromium();
        EventStore store = EventStore.open(dir.resolve("crowd.duckdb").toString());
        CrowdedWorld.fill(store);
        serve(new FaultlineServer(ServerConfig.defaults("crowd").withPort(0), store, KeywordCoder::new).start());
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private void open(String hash, String view) {
        browser.driver().get("about:blank");
        browser.driver().get(base + hash);
        browser.waiting(30).until(d -> view.equals(((JavascriptExecutor) d)
                .executeScript("return document.body.dataset.ready")));
    }

    private void openNetwork() {
        open("#/network", "network");
        browser.waiting(30).until(d -> ((JavascriptExecutor) d).executeScript(
                "return window.faultlineGraph && window.faultlineGraph.edges().length") instanceof Long n && n > 0);
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bloc-legend li")));
    }

    /**
     * Every bloc of /api/blocs has one entry in the legend naming its members; blocs have distinct colours (the
     * palette is larger than the number of blocs here), none red, green or grey like the edges.
     */
    @Test
    void blocsHaveDistinctColoursAndALegendOfMembers() throws Exception {
        openNetwork();
        @SuppressWarnings("unchecked")
        Map<String, Object> blocs = (Map<String, Object>) js().executeAsyncScript(
                // the blocs of the view the page shows: its dates, minimum and level are in the route
                "const done = arguments[arguments.length - 1];"
                        + "const p = new URLSearchParams(location.hash.split('?')[1] || ''); const q = new URLSearchParams();"
                        + "for (const k of ['from', 'to', 'min_events', 'level']) { if (p.get(k)) q.set(k, p.get(k)); }"
                        + "fetch('/api/blocs?' + q).then(r => r.json()).then(done);");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) blocs.get("blocs");
        // 9 blocs since the optimiser refines and restarts (Q 0.532; local moves alone stopped at 18 blocs, Q 0.508)
        assertThat(list.size()).as("blocs in the crowded world").isGreaterThan(5);
        List<WebElement> entries = browser.driver().findElements(By.cssSelector("#bloc-legend li[data-bloc]:not([data-bloc=none])"));
        assertThat(entries).hasSize(list.size());
        for (Map<String, Object> b : list) {
            WebElement entry = browser.driver().findElement(By.cssSelector("#bloc-legend li[data-bloc='" + b.get("number") + "']"));
            @SuppressWarnings("unchecked")
            List<String> members = (List<String>) b.get("members");
            for (String m : members) {
                assertThat(entry.getText()).contains("(" + m + ")");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> palette = (List<String>) js().executeScript("return BLOC_COLOURS");
        assertThat(palette.size()).isGreaterThanOrEqualTo(list.size());
        for (int i = 0; i < palette.size(); i++) {
            for (String edge : List.of("#1b7f3b", "#b3261e", "#8a8a8a")) {
                assertThat(deltaE(palette.get(i), edge)).as(palette.get(i) + " vs edge colour " + edge).isGreaterThan(19);
            }
            for (int j = i + 1; j < palette.size(); j++) {
                assertThat(deltaE(palette.get(i), palette.get(j))).as(palette.get(i) + " vs " + palette.get(j))
                        .isGreaterThan(15);
            }
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> nodes = (List<List<Object>>) js().executeScript(
                "return window.faultlineGraph.nodes().map(n => [n.data('bloc'), n.data('colour')])");
        Map<Object, Set<Object>> coloursOfBloc = new HashMap<>();
        Map<Object, Set<Object>> blocsOfColour = new HashMap<>();
        for (List<Object> n : nodes) {
            if (n.get(0) == null) {
                continue;
            }
            coloursOfBloc.computeIfAbsent(n.get(0), k -> new HashSet<>()).add(n.get(1));
            blocsOfColour.computeIfAbsent(n.get(1), k -> new HashSet<>()).add(n.get(0));
        }
        assertThat(coloursOfBloc.values()).allMatch(s -> s.size() == 1);
        assertThat(blocsOfColour.values()).allMatch(s -> s.size() == 1);
        browser.screenshot(SHOTS, "crowded-network");
    }

    /** The default range is the bulk of the dates; a 12-month window opens on months with events. */
    @Test
    void defaultRangeLeavesOutStrayDates() {
        openNetwork();
        String from = browser.driver().findElement(By.id("net-from")).getAttribute("value");
        String to = browser.driver().findElement(By.id("net-to")).getAttribute("value");
        assertThat(from).startsWith("2022-01");
        assertThat(to).startsWith("2024-12");
        assertThat(browser.driver().findElement(By.id("net-range-note")).getText())
                .contains("1st to 99th percentile", "the earliest on 2006-08-01", "the latest on 2028-01-01");
        new Select(browser.driver().findElement(By.id("net-window"))).selectByValue("12");
        browser.waiting(30).until(d -> browser.driver().findElement(By.cssSelector("main p[role=status]")).getText()
                .contains("2024-01-01 to 2024-12-31"));
        assertThat(((Number) js().executeScript("return window.faultlineGraph.edges().length")).intValue())
                .isGreaterThan(10);
    }

    /**
     * At the default zoom no two drawn labels overlap, nor does a label cover another node (measured on the rendered
     * boxes); at least ten labels are drawn, at 10 px or more, and the others appear on hover.
     */
    @Test
    void labelsDoNotOverlapAtTheDefaultZoom() throws Exception {
        openNetwork();
        String measure = "const cy = window.faultlineGraph;"
                + "const boxes = cy.nodes().map(n => n.renderedBoundingBox({includeNodes: false, includeEdges: false,"
                + " includeLabels: true})).filter(b => b.w > 0);"
                + "let pairs = 0; for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {"
                + " const a = boxes[i], b = boxes[j];"
                + " if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs++; }"
                + "const bodies = cy.nodes().map(n => [n.id(), n.renderedBoundingBox({includeLabels: false})]);"
                + "let covered = 0; cy.nodes().forEach(n => { const a = n.renderedBoundingBox({includeNodes: false,"
                + " includeEdges: false, includeLabels: true}); if (a.w === 0) return;"
                + " bodies.forEach(([id, b]) => { if (id !== n.id() && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2"
                + " && b.y1 < a.y2) covered++; }); });"
                + "return [boxes.length, pairs, cy.nodes().length, cy.zoom() * cy.nodes()[0].numericStyle('font-size'),"
                + " covered];";
        @SuppressWarnings("unchecked")
        List<Number> after = (List<Number>) js().executeScript(measure);
        @SuppressWarnings("unchecked")
        List<Number> before = (List<Number>) js().executeScript(
                "window.faultlineGraph.nodes().removeClass('quiet'); const r = (function() {" + measure + "})();"
                        + "declutterLabels(window.faultlineGraph); return r;");
        System.out.println("labels drawn / overlapping pairs / nodes / font px / labels on other nodes: without "
                + "decluttering " + before
                + ", with " + after);
        assertThat(after.get(2).intValue()).isEqualTo(36);
        assertThat(after.get(1).intValue()).as("overlapping label pairs").isLessThanOrEqualTo(MAX_LABEL_OVERLAPS);
        assertThat(after.get(4).intValue()).as("labels over another node").isLessThanOrEqualTo(MAX_LABEL_OVERLAPS);
        assertThat(after.get(0).intValue()).as("labels drawn").isGreaterThanOrEqualTo(10);
        assertThat(after.get(3).doubleValue()).as("rendered font size").isGreaterThanOrEqualTo(10);
        // A quiet label shows on hover.
        Object hovered = js().executeScript("const n = window.faultlineGraph.nodes('.quiet')[0]; if (!n) return 'none';"
                + "n.emit('mouseover'); const w = n.renderedBoundingBox({includeNodes: false, includeEdges: false,"
                + " includeLabels: true}).w; n.emit('mouseout'); return w > 0;");
        assertThat(hovered).isIn(true, "none");
        browser.screenshot(SHOTS, "crowded-network-labels");
    }

    /**
     * A click inside a bundle of edges opens the edge nearest to the pointer: clicked at the midpoint of the edges
     * with the most others close by.
     */
    @Test
    void clickInADenseBundleOpensTheNearestEdge() {
        openNetwork();
        WebElement graph = browser.driver().findElement(By.id("graph"));
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", graph);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) js().executeScript(
                "const cy = window.faultlineGraph; const z = cy.zoom();"
                + "return cy.edges().map(e => { const m = e.midpoint();"
                + " const others = cy.edges().filter(o => o !== e).map(o => distanceToEdge(o, m.x, m.y) * z);"
                + " const r = e.renderedMidpoint();"
                + " const onNode = cy.nodes().some(n => { const b = n.renderedBoundingBox({includeLabels: false});"
                + "  return r.x > b.x1 - 4 && r.x < b.x2 + 4 && r.y > b.y1 - 4 && r.y < b.y2 + 4; });"
                + " return {id: e.id(), near: others.filter(d => d < 15).length, closest: Math.min(...others),"
                + " onNode, x: r.x, y: r.y}; })"
                // a clear margin to the nearest other edge: the click lands on whole pixels and the pointer's
                // position is rounded, so an edge only 3 px from its neighbour made the test flaky
                + ".filter(t => t.closest > 8 && !t.onNode).sort((a, b) => b.near - a.near).slice(0, 3);");
        assertThat(targets).isNotEmpty();
        assertThat(((Number) targets.get(0).get("near")).intValue()).as("edges near the busiest midpoint")
                .isGreaterThanOrEqualTo(1);
        int w = graph.getRect().getWidth();
        int h = graph.getRect().getHeight();
        for (Map<String, Object> t : targets) {
            String id = (String) t.get("id");
            int x = (int) Math.round(((Number) t.get("x")).doubleValue() - w / 2.0);
            int y = (int) Math.round(((Number) t.get("y")).doubleValue() - h / 2.0);
            new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(graph, x, y).click().perform();
            String heading = id.replace(">", " → ") + " (directed)";
            browser.waiting(20).until(ExpectedConditions.textToBe(By.cssSelector("#edge-events h2"), heading));
        }
    }

    /** The edge panel's header and list count the same events; "Both directions" says it lists both. */
    @Test
    void edgePanelHeaderAndListCountTheSame() {
        openNetwork();
        @SuppressWarnings("unchecked")
        List<Object> edge = (List<Object>) js().executeScript("const e = window.faultlineGraph.edges()"
                + ".max(x => x.data('edge').events + x.data('edge').unrealised).ele.data('edge');"
                + "return [e.source + '>' + e.target, e.cooperation + e.conflict + e.unrealised];");
        WebElement button = browser.driver().findElement(By.cssSelector("button.edge-button[data-edge='" + edge.get(0) + "']"));
        js().executeScript("arguments[0].click()", button);
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("edge-list-count")));
        long total = ((Number) edge.get(1)).longValue();
        assertThat(browser.driver().findElement(By.id("edge-counts")).getText()).contains(total + " events in all");
        WebElement listed = browser.driver().findElement(By.id("edge-list-count"));
        assertThat(Long.parseLong(listed.getAttribute("data-total"))).isEqualTo(total);
        assertThat(listed.getText()).contains("directed", "realised and not realised");
        browser.driver().findElement(By.id("edge-direction")).click();
        browser.waiting(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("edge-list-count"),
                "both directions"));
    }

    /** Clicking a node offers its faultlines with a picker for the second actor, which must be chosen. */
    @Test
    void nodeOffersFaultlinesWithAPartnerPicker() {
        openNetwork();
        js().executeScript("window.faultlineGraph.getElementById('USA').emit('tap')");
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("fl-partner")));
        assertThat(browser.driver().findElement(By.id("node-facts")).getText()).contains("partner", "realised event");
        browser.driver().findElement(By.cssSelector("#fl-partner-form button[type=submit]")).click();
        assertThat(browser.driver().findElement(By.id("fl-partner-msg")).getText())
                .isEqualTo("Pick a second actor to compare with USA.");
        assertThat(browser.driver().getCurrentUrl()).contains("#/network");
        new Select(browser.driver().findElement(By.id("fl-partner"))).selectByValue("GBR");
        browser.driver().findElement(By.cssSelector("#fl-partner-form button[type=submit]")).click();
        browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fl-result #intersections")));
        assertThat(browser.driver().getCurrentUrl()).contains("#/faultlines?a=USA&b=GBR");

        open("#/faultlines?a=USA", "faultlines");
        assertThat(browser.driver().findElement(By.id("fl-missing")).getText())
                .startsWith("Pick a second actor to compare with USA");
    }

    /** The document list and page give the publication date and say so, not an event's date. */
    @Test
    void documentsShowTheirPublicationDate() {
        open("#/documents?offset=0", "documents");
        WebElement item = browser.driver().findElement(By.xpath(
                "//ul[@id='document-list']/li[a[@href='#/documents/" + CrowdedWorld.OLD_WAR_DOC + "']]"));
        assertThat(item.getText()).contains("published 2024-03-10").doesNotContain("2006");
        open("#/documents/" + CrowdedWorld.OLD_WAR_DOC, "documents");
        assertThat(browser.driver().findElement(By.id("document-date")).getText()).startsWith("Published 2024-03-10");
    }

    /** The dyad chart has a bar slot for every month from the first to the last, and one side per direction. */
    @Test
    void dyadChartKeepsEmptyMonthsAndSplitsByDirection() {
        open("#/dyad?a=USA&b=GBR&by=month", "dyad");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dyad-chart rect")));
        @SuppressWarnings("unchecked")
        List<Object> span = (List<Object>) js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/api/dyad?a=USA&b=GBR&by=month&evidence=0').then(r => r.json()).then(d => done("
                + "[d.rows.length, d.rows[0].start, d.rows[d.rows.length - 1].start]));");
        java.time.YearMonth first = java.time.YearMonth.parse(((String) span.get(1)).substring(0, 7));
        java.time.YearMonth last = java.time.YearMonth.parse(((String) span.get(2)).substring(0, 7));
        long months = java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
        assertThat(months).as("the pair has months without events").isGreaterThan(((Number) span.get(0)).longValue());
        WebElement chart = browser.driver().findElement(By.id("dyad-chart"));
        assertThat(Long.parseLong(chart.getAttribute("data-periods"))).isEqualTo(months);
        assertThat(browser.driver().findElements(By.cssSelector("#dyad-chart rect.from-a"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#dyad-chart rect.from-b"))).isNotEmpty();
        assertThat(chart.getText()).contains("USA → GBR", "GBR → USA");
    }

    /** Every evidence sentence on the page names its article: a link to its address, the outlet and the date. */
    @Test
    void evidenceCardsCiteTheirSources() {
        open("#/dyad?a=USA&b=GBR&by=month", "dyad");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card p.evidence")));
        List<WebElement> sentences = browser.driver().findElements(By.cssSelector(".card p.evidence"));
        List<WebElement> sources = browser.driver().findElements(By.cssSelector(".card p.evidence + p.source"));
        assertThat(sources).hasSameSizeAs(sentences);
        for (WebElement s : sources) {
            WebElement link = s.findElement(By.tagName("a"));
            String doc = link.getText().substring("Report ".length());
            assertThat(link.getAttribute("href")).isEqualTo("https://example.org/" + doc);
            assertThat(link.getAttribute("rel")).contains("noopener");
            assertThat(s.getText()).matches("Source: Report \\S+, Crowd Wire, published \\d{4}-\\d{2}-\\d{2}");
        }
    }

    /**
     * The network view saves its events as CSV (every event of the view, fields quoted where needed), the network as
     * GraphML with the nodes and edges drawn, and the graph as a PNG picture and as an SVG drawing with a circle of
     * the bloc's colour per node, a path per edge and the labels shown on the page.
     */
    @Test
    void exportsSaveEventsNetworkAndPicture() throws Exception {
        openNetwork();
        Path saved = browser.downloadsTo();
        long nodes = (Long) js().executeScript("return window.faultlineGraph.nodes().length");
        long edges = (Long) js().executeScript("return window.faultlineGraph.edges().length");
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const q = new URLSearchParams(location.hash.split('?')[1]);"
                + "fetch('/api/events?stories=true&limit=1&from=' + q.get('from') + '&to=' + q.get('to'))"
                + ".then(r => r.json()).then(d => done({total: d.total}));");

        browser.driver().findElement(By.id("export-csv")).click();
        Path csv = browser.downloaded(saved, ".csv");
        browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("net-export-msg"), "saved"));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("id,date,date_precision,event_type,").contains(",title,outlet,url,published,");
        assertThat((long) lines.size() - 1).isEqualTo(((Number) expected.get("total")).longValue());
        // every evidence sentence ends in a full stop and none has a comma, so the last field is plain text
        assertThat(lines.stream().skip(1)).allSatisfy(l -> assertThat(l).contains(",Crowd Wire,https://example.org/"));

        browser.driver().findElement(By.id("export-graphml")).click();
        Path graphml = browser.downloaded(saved, ".graphml");
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document x = f.newDocumentBuilder().parse(graphml.toFile());
        assertThat((long) x.getElementsByTagNameNS("*", "node").getLength()).isEqualTo(nodes);
        assertThat((long) x.getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(edges);

        browser.driver().findElement(By.id("export-png")).click();
        Path png = browser.downloaded(saved, ".png");
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(png), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(200);

        browser.driver().findElement(By.id("export-svg")).click();
        Path drawing = browser.downloaded(saved, ".svg");
        java.nio.file.Files.createDirectories(SHOTS);
        java.nio.file.Files.copy(drawing, SHOTS.resolve("crowded-network.svg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        org.w3c.dom.Document svg = f.newDocumentBuilder().parse(drawing.toFile());
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        org.w3c.dom.NodeList circles = svg.getElementsByTagNameNS("*", "circle");
        assertThat((long) circles.getLength()).isEqualTo(nodes);
        assertThat((long) svg.getElementsByTagNameNS("*", "path").getLength() - (long) svg.getElementsByTagNameNS("*",
                "marker").getLength()).as("edge paths (markers have one each)").isEqualTo(edges);
        @SuppressWarnings("unchecked")
        List<List<Object>> drawn = (List<List<Object>>) js().executeScript("return window.faultlineGraph.nodes()"
                + ".map(n => [n.id(), n.data('colour'), n.hasClass('quiet') ? null : n.data('label')])");
        Map<String, String> fill = new HashMap<>();
        for (int i = 0; i < circles.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) circles.item(i);
            fill.put(c.getAttribute("data-node"), c.getAttribute("fill"));
        }
        List<String> texts = new java.util.ArrayList<>();
        org.w3c.dom.NodeList t = svg.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        for (List<Object> n : drawn) {
            assertThat(fill.get((String) n.get(0))).as("colour of " + n.get(0)).isEqualTo(n.get(1));
            if (n.get(2) != null) {
                assertThat(texts).as("labels drawn").contains((String) n.get(2));
            }
        }
    }

    /** CSV fields with commas, quotes and line breaks are quoted; formula-like text is defused. */
    @Test
    void csvFieldsAreQuoted() {
        open("#/network", "network");
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) js().executeScript("return [csvField('a,b'), csvField('say \\\"no\\\"'), "
                + "csvField('two\\nlines'), csvField('=HYPERLINK(1)'), csvField(-3.5), csvField(null), csvField('plain')]");
        assertThat(out).containsExactly("\"a,b\"", "\"say \"\"no\"\"\"", "\"two\nlines\"", "'=HYPERLINK(1)", "-3.5", "",
                "plain");
    }

    /** Typing a name or code finds the actor: it is selected, centred and its panel opens; an unknown one is said. */
    @Test
    void searchFindsAnActorByNameOrCode() {
        openNetwork();
        WebElement box = browser.driver().findElement(By.id("net-search"));
        box.sendKeys("germ");
        browser.driver().findElement(By.cssSelector("#net-search-form button[type=submit]")).click();
        browser.waiting(10).until(d -> js().executeScript(
                "return window.faultlineGraph.$(':selected').map(n => n.id()).join()").equals("DEU"));
        assertThat(browser.driver().findElement(By.cssSelector("#edge-events h2")).getText()).contains("DEU");
        assertThat(browser.driver().findElement(By.id("node-facts")).getText()).contains("partner");
        box.clear();
        box.sendKeys("ukr");
        box.sendKeys(Keys.ENTER);
        browser.waiting(10).until(d -> js().executeScript(
                "return window.faultlineGraph.$(':selected').map(n => n.id()).join()").equals("UKR"));
        box.clear();
        box.sendKeys("Atlantis");
        box.sendKeys(Keys.ENTER);
        assertThat(browser.driver().findElement(By.id("net-search-msg")).getText())
                .isEqualTo("No actor matching “Atlantis” in this graph.");
    }

    /** The neighbourhood of X shows X, its direct partners and adversaries and its own edges, nothing else. */
    @Test
    void neighbourhoodShowsOnlyTheActorAndItsDirectPartners() {
        openNetwork();
        js().executeScript("window.faultlineGraph.getElementById('PRK').emit('tap')");
        browser.waiting(10).until(ExpectedConditions.elementToBeClickable(By.id("ego-show"))).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("ego-clear")));
        @SuppressWarnings("unchecked")
        List<Object> shown = (List<Object>) js().executeScript("const cy = window.faultlineGraph;"
                + "return [cy.nodes(':visible').map(n => n.id()).sort().join(),"
                + " cy.edges(':visible').filter(e => e.source().id() !== 'PRK' && e.target().id() !== 'PRK').length,"
                + " cy.edges(':visible').length, cy.nodes().length]");
        @SuppressWarnings("unchecked")
        List<Object> expected = (List<Object>) js().executeScript("const cy = window.faultlineGraph;"
                + "const ids = new Set(['PRK']); let n = 0;"
                + "cy.edges().forEach(e => { const s = e.source().id(), t = e.target().id();"
                + " if (s === 'PRK' || t === 'PRK') { ids.add(s); ids.add(t); n++; } });"
                + "return [[...ids].sort().join(), n];");
        assertThat(shown.get(0)).isEqualTo(expected.get(0));
        assertThat(((Number) shown.get(1)).longValue()).isZero();
        assertThat(shown.get(2)).isEqualTo(expected.get(1));
        assertThat(((Number) shown.get(3)).longValue()).isGreaterThan(((String) shown.get(0)).split(",").length);
        assertThat(browser.driver().getCurrentUrl()).contains("ego=PRK");

        browser.driver().findElement(By.id("ego-clear")).click();
        assertThat(js().executeScript("return window.faultlineGraph.elements('.outside').length")).isEqualTo(0L);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("ego=");
    }

    /** CIE76 colour difference of two #rrggbb colours. */
    static double deltaE(String a, String b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(String hex) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            lin[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047;
        double y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
        double z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116.0;
    }
}
