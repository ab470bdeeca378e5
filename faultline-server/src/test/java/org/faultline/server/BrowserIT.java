package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web page in real headless Chromium: paste an article and see its events highlighted, open the network and
 * click an edge, read a crafted article as text. Screenshots go to target/screenshots/. Skipped when Debian's
 * chromium or chromium-driver is not installed.
 */
class BrowserIT extends PageTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        needChromium();
        EventStore store = EventStore.open(dir.resolve("b.duckdb").toString());
        SampleWorld.fill(store);
        serve(new FaultlineServer(ServerConfig.defaults("b").withPort(0), store, RealCoder::get).start());
    }

    private void open(String hash, String view) {
        // A fresh page each time: from #/network?sector=MIL, going to #/network only changes the hash, and the old
        // page's ready flag and graph would be read before the new view has drawn.
        browser.driver().get("about:blank");
        browser.driver().get(base + hash);
        browser.waiting(30).until(d -> view.equals(((JavascriptExecutor) d)
                .executeScript("return document.body.dataset.ready")));
    }

    @Test
    void pasteAnArticleAndSeeItsEventsHighlighted() throws Exception {
        open("#/", "code");
        WebElement text = browser.driver().findElement(By.id("code-text"));
        text.sendKeys("Russian forces attacked the Ukrainian city of Kharkiv on Monday. The United States sent "
                + "air defence systems to Ukraine. <script>window.__pwned = 1;</script>"
                + "<img src=x onerror=\"window.__pwned = 2\">");
        WebElement date = browser.driver().findElement(By.id("code-date"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2024-06-19'", date);
        browser.driver().findElement(By.id("code-submit")).click();
        browser.waiting(180).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".doc-text .hl.trigger")));
        List<String> triggers = Browser.texts(browser.driver().findElements(By.cssSelector(".doc-text .hl.trigger")));
        assertThat(triggers).contains("attacked");
        assertThat(browser.driver().findElements(By.cssSelector(".doc-text .hl.actor, .doc-text .hl.recipient"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".card"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#code-result .doc-text")).getText())
                .contains("<script>window.__pwned = 1;</script>");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__pwned")).isNull();

        browser.driver().findElement(By.cssSelector(".doc-text .hl.trigger")).click();
        assertThat(browser.driver().findElements(By.cssSelector(".card.selected"))).hasSize(1);
        browser.screenshot(SHOTS, "code-a-text");
    }

    /**
     * Places and dates are highlighted at the spans the coder recorded, even where the same words occur earlier in
     * the sentence or the date is relative; events stored before those spans existed fall back to a text search.
     */
    @Test
    void placeAndDateAreHighlightedAtTheirSpansWithATextSearchForOlderEvents() {
        open("#/", "code");
        String text = "In Kyiv, officials said Russian troops shelled Kyiv two days ago.";
        int place = text.lastIndexOf("Kyiv");
        int date = text.indexOf("two days ago");
        String script = "const text = arguments[0];"
                + "const base = {doc_id: 'd', event_type: 'ASSAULT', rule: 'shell', date: '2024-06-17', actor: [],"
                + " recipient: [], evidence: [{doc_id: 'd', start: 0, end: text.length, trigger_start: 39,"
                + " trigger_end: 46}]};"
                + "const show = e => eventSpans(e, 0, text).filter(s => s.kind === 'place' || s.kind === 'date')"
                + " .map(s => s.kind + ':' + s.start + '-' + s.end).join(' ');"
                + "return [show({...base, date_precision: 'day', location: {text: 'Kyiv', country: 'UKR',"
                + " start: arguments[1], end: arguments[1] + 4},"
                + " date_text: {text: 'two days ago', start: arguments[2], end: arguments[2] + 12}}),"
                + " show({...base, date_precision: 'day', location: {text: 'Kyiv', country: 'UKR'}}),"
                + " show({...base, date_precision: 'article', location: {text: 'Kyiv', country: 'UKR'},"
                + " date_text: null})];";
        assertThat(text.substring(39, 46)).isEqualTo("shelled");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(script, text,
                place, date);
        assertThat(shown).containsExactly(
                "place:" + place + "-" + (place + 4) + " date:" + date + "-" + (date + 12),
                "place:" + text.indexOf("Kyiv") + "-" + (text.indexOf("Kyiv") + 4),
                "place:" + text.indexOf("Kyiv") + "-" + (text.indexOf("Kyiv") + 4));
    }

    @Test
    void networkEdgeClickListsItsEvents() throws Exception {
        open("#/network", "network");
        browser.waiting(30).until(d -> ((JavascriptExecutor) d).executeScript(
                "return window.faultlineGraph && window.faultlineGraph.edges().length") instanceof Long n && n > 0);
        // Click the RUS -> UKR edge where cytoscape drew it: midpoint of its rendered path, relative to the canvas.
        WebElement graph = browser.driver().findElement(By.id("graph"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", graph);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> mid = (java.util.Map<String, Object>) ((JavascriptExecutor) browser.driver())
                .executeScript("const e = window.faultlineGraph.getElementById('RUS>UKR');"
                        + "const p = e.renderedMidpoint(); return {x: p.x, y: p.y};");
        int w = graph.getRect().getWidth();
        int h = graph.getRect().getHeight();
        int x = (int) Math.round(((Number) mid.get("x")).doubleValue() - w / 2.0);
        int y = (int) Math.round(((Number) mid.get("y")).doubleValue() - h / 2.0);
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(graph, x, y).click().perform();
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edge-event-list .card")));
        WebElement side = browser.driver().findElement(By.id("edge-events"));
        assertThat(side.getText()).contains("RUS → UKR", "attacked");
        browser.screenshot(SHOTS, "network-edge");

        // The same through the keyboard: tab to an edge button and press Enter.
        WebElement button = browser.driver().findElement(By.cssSelector("button.edge-button[data-edge='ISR>IRN']"));
        button.sendKeys(Keys.ENTER);
        browser.waiting(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("edge-events"),
                "ISR → IRN"));
    }

    /** Ticking a sector and pressing Show draws the network of that sector's actors and their partners. */
    @Test
    void sectorFilterShowsTheActorsOfThatSector() throws Exception {
        open("#/network", "network");
        browser.waiting(30).until(d -> ((JavascriptExecutor) d).executeScript(
                "return window.faultlineGraph && window.faultlineGraph.nodes().length") instanceof Long n && n > 0);
        ((JavascriptExecutor) browser.driver()).executeScript("window.faultlineGraph.scratch('unfiltered', true)");
        browser.driver().findElement(By.cssSelector("details.panel summary")).click();
        browser.driver().findElement(By.cssSelector("input[type=checkbox][value=MIL]")).click();
        browser.driver().findElement(By.id("net-apply")).click();
        browser.waiting(30).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.faultlineGraph.scratch('unfiltered')"))
                || !d.findElements(By.cssSelector("main .error")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("main .error"))).as("an error box").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) ((JavascriptExecutor) browser.driver())
                .executeScript("return window.faultlineGraph.nodes().map(n => n.id())");
        // MIL on either side: Russian and US forces, Iran's and Israel's strikes; Germany's aid was not military.
        assertThat(nodes).contains("RUS", "UKR", "USA", "IRN", "ISR").doesNotContain("DEU");
        assertThat(browser.driver().getCurrentUrl()).contains("sector=MIL");
        browser.screenshot(SHOTS, "network-sector-mil");
    }

    /** An event card says "negated" once and gives the CAMEO code in three digits; counts agree in number. */
    @Test
    void eventCardTextsReadCorrectly() {
        open("#/", "code");
        String script = "const e = {event_type: 'REQUEST', quad_class: 1, cameo_code: '10', modality: 'negated',"
                + " negated: true, date: '2024-01-01', date_precision: 'day', actor: [], recipient: [], evidence: []};"
                + "const card = eventCard(e, 0, {});"
                + "const rows = {}; const dts = card.querySelectorAll('dt');"
                + "dts.forEach(dt => { rows[dt.textContent] = dt.nextElementSibling.textContent; });"
                + "return [rows['Type'], rows['Modality'], cameoCode('100'), cameoCode(null), count(1, 'event'),"
                + " count(2, 'event')];";
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(script);
        assertThat(shown).containsExactly("REQUEST (quad 1, CAMEO 100)", "negated", "100", null, "1 event",
                "2 events");
    }

    @Test
    void craftedArticleIsShownAsText() throws Exception {
        open("#/documents/" + SampleWorld.XSS_DOC, "documents");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".doc-text")));
        String shown = browser.driver().findElement(By.cssSelector(".doc-text")).getText();
        assertThat(shown).contains("<script>window.__pwned = 1;</script>", "<img src=x onerror=");
        assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__pwned")).isNull();
        browser.screenshot(SHOTS, "document-xss");
    }

    @Test
    void dyadAndFaultlinesViews() throws Exception {
        open("#/dyad?a=RUS&b=UKR", "dyad");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart rect")));
        assertThat(browser.driver().findElement(By.id("dyad-result")).getText()).contains("attacked");
        browser.screenshot(SHOTS, "dyad");

        open("#/faultlines?a=ISR&b=UKR", "faultlines");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#divergences li")));
        String divergences = browser.driver().findElement(By.id("divergences")).getText();
        assertThat(divergences).containsIgnoringCase("refuses").contains("ISR refuses or rejects UKR (1 event)")
                .contains("weight 1 event").doesNotContain("1 events");
        browser.screenshot(SHOTS, "faultlines");
    }

    @Test
    void phoneWidthAndKeyboardNavigation() throws Exception {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("#/documents", "documents");
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).isEqualTo(false);
            browser.screenshot(SHOTS, "phone-documents");
            // The skip link is the first stop of the tab order; every nav entry is a real link.
            browser.driver().navigate().refresh();
            browser.waiting(20).until(d -> "documents".equals(((JavascriptExecutor) d)
                    .executeScript("return document.body.dataset.ready")));
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to content");
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href]"))).hasSize(8);
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }
}
