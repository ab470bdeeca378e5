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
import org.openqa.selenium.support.ui.Select;

/**
 * The map view in real headless Chromium over {@link CrowdedWorld}, whose conflictual events are placed in their
 * target's capital: country shapes served by the server itself, one point per located event of the chosen dates,
 * a time window that changes the points, the event's evidence on a click, and nothing fetched from elsewhere.
 * Skipped without Debian's chromium and chromium-driver.
 */
class MapViewIT extends PageTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        needChromium();
        EventStore store = EventStore.open(dir.resolve("map.duckdb").toString());
        CrowdedWorld.fill(store);
        serve(new FaultlineServer(ServerConfig.defaults("map").withPort(0), store, KeywordCoder::new).start());
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private void openMap(String hash) {
        browser.driver().get("about:blank");
        browser.driver().get(base + hash);
        browser.waiting(30).until(d -> "map".equals(js().executeScript("return document.body.dataset.ready")));
        browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-svg .point")));
    }

    private int points() {
        return browser.driver().findElements(By.cssSelector("#map-svg circle.point")).size();
    }

    /** The located events of these dates (each story once), as /api/map counts them. */
    private long located(String from, String to) {
        return ((Number) js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/map?stories=true&from=' + arguments[0] + '&to=' + arguments[1])"
                + ".then(r => r.json()).then(d => done(d.total));", from, to)).longValue();
    }

    /**
     * The map draws the world's countries from the shapes the server ships, and one point per located event of the
     * default dates (the bulk of the event dates); a 12-month window draws the fewer points of that year.
     */
    @Test
    void drawsCountriesAndPointsAndFollowsTheTimeWindow() throws Exception {
        openMap("#/map");
        List<WebElement> countries = browser.driver().findElements(By.cssSelector("#map-svg path.country"));
        assertThat(countries.size()).as("countries of Natural Earth 1:50m").isGreaterThan(200);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) js().executeScript(
                "return [...document.querySelectorAll('#map-svg path.country title')].map(t => t.textContent)");
        assertThat(names).contains("Ukraine", "Syria", "Brazil", "Japan");
        Object drawn = js().executeScript("const b = document.querySelector('#map-svg path.country[data-id=\"804\"]')"
                + ".getBBox(); return b.width > 5 && b.height > 3;");
        assertThat(drawn).as("Ukraine has a shape of some size").isEqualTo(true);

        String from = browser.driver().findElement(By.id("map-from")).getAttribute("value");
        String to = browser.driver().findElement(By.id("map-to")).getAttribute("value");
        assertThat(from).startsWith("2022-01");
        assertThat(to).startsWith("2024-12");
        long all = located(from, to);
        assertThat(all).isGreaterThan(100);
        assertThat((long) points()).isEqualTo(all);
        assertThat(browser.driver().findElement(By.id("map-status")).getText())
                .startsWith(all + " events with coordinates of ");
        assertThat(browser.driver().findElements(By.cssSelector("#map-legend [data-type]")))
                .extracting(e -> e.getAttribute("data-type")).containsExactlyInAnyOrder("ACCUSE", "THREATEN", "ASSAULT");
        browser.screenshot(SHOTS, "map");

        new Select(browser.driver().findElement(By.id("map-window"))).selectByValue("12");
        browser.waiting(30).until(d -> points() != all);
        assertThat(browser.driver().findElement(By.id("map-from")).getAttribute("value")).isEqualTo("2024-01-01");
        assertThat(browser.driver().findElement(By.id("map-to")).getAttribute("value")).isEqualTo("2024-12-31");
        long year = located("2024-01-01", "2024-12-31");
        assertThat(year).isPositive().isLessThan(all);
        assertThat((long) points()).isEqualTo(year);
        assertThat(browser.driver().getCurrentUrl()).contains("from=2024-01-01", "to=2024-12-31", "window=12");

        // The network opens on the window chosen here.
        browser.driver().findElement(By.cssSelector("nav a[data-view=network]")).click();
        browser.waiting(30).until(d -> "network".equals(js().executeScript("return document.body.dataset.ready")));
        assertThat(browser.driver().findElement(By.id("net-from")).getAttribute("value")).isEqualTo("2024-01-01");
        assertThat(browser.driver().findElement(By.id("net-to")).getAttribute("value")).isEqualTo("2024-12-31");
    }

    /** Clicking a point (or pressing Enter on it) opens its event with evidence and source; its place lists the rest. */
    @Test
    void aPointOpensItsEventWithEvidence() {
        openMap("#/map");
        WebElement point = browser.driver().findElement(By.cssSelector("#map-svg circle.point[data-type=ASSAULT]"));
        String id = point.getAttribute("data-event");
        js().executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", point);
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-event .card p.evidence")));
        WebElement card = browser.driver().findElement(By.cssSelector("#map-event .card"));
        assertThat(card.getText()).contains("ASSAULT");
        assertThat(browser.driver().findElement(By.cssSelector("#map-event .card p.source")).getText())
                .contains("Crowd Wire");
        assertThat(browser.driver().findElement(By.cssSelector("#map-events h2")).getText()).contains("event");
        assertThat(js().executeScript("return document.querySelector('#map-svg .point.selected').dataset.event"))
                .isEqualTo(id);

        WebElement other = browser.driver().findElements(By.cssSelector("#map-svg circle.point")).get(0);
        String otherId = other.getAttribute("data-event");
        js().executeScript("arguments[0].focus()", other);
        other.sendKeys(Keys.ENTER);
        browser.waiting(20).until(d -> otherId.equals(js().executeScript(
                "const s = document.querySelector('#map-svg .point.selected'); return s && s.dataset.event")));
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-event .card p.evidence")));

        // The busiest place of the list opens with all its events listed.
        WebElement busiest = browser.driver().findElement(By.cssSelector("#map-places button.place-button"));
        int events = Integer.parseInt(busiest.findElement(By.xpath("../../td[3]")).getText());
        busiest.click();
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-place-events")));
        assertThat(browser.driver().findElements(By.cssSelector("#map-place-events li"))).hasSize(events);
    }

    /**
     * The page fetches nothing from another host (no tiles, no shapes from a CDN), and the shapes come with their
     * licence; zooming keeps every point.
     */
    @Test
    void worksOfflineAndZooms() {
        openMap("#/map");
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) js().executeScript(
                "return performance.getEntriesByType('resource').map(r => r.name)");
        assertThat(fetched).anyMatch(u -> u.endsWith("/world-atlas/countries-50m.json"));
        assertThat(fetched).allMatch(u -> u.startsWith(base.replaceAll("/$", "")), "fetched from this server");
        int before = points();
        String box = browser.driver().findElement(By.id("map-svg")).getDomAttribute("viewBox");
        browser.driver().findElement(By.id("map-zoom-in")).click();
        assertThat(browser.driver().findElement(By.id("map-svg")).getDomAttribute("viewBox")).isNotEqualTo(box);
        assertThat(points()).isEqualTo(before);
        browser.driver().findElement(By.id("map-zoom-reset")).click();
        assertThat(browser.driver().findElement(By.id("map-svg")).getDomAttribute("viewBox")).startsWith("0 ");
        Object licence = js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/world-atlas/LICENSE.txt').then(r => r.text()).then(done);");
        assertThat((String) licence).contains("Copyright 2013-2019 Michael Bostock");
    }
}
