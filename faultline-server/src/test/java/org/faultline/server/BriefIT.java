package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The briefing in real headless Chromium: the HTML file opens with the network switched off, logs nothing to the
 * console and fetches nothing; the page's Brief view downloads it. Skipped without Debian's chromium.
 */
class BriefIT extends PageTest {
    @BeforeAll
    static void start() throws Exception {
        needChromium();
        EventStore store = EventStore.open(dir.resolve("brief.duckdb").toString());
        SampleWorld.fill(store);
        serve(new FaultlineServer(ServerConfig.defaults("brief").withPort(0), store, KeywordCoder::new).start());
    }

    @Test
    void theBriefingOpensOfflineWithoutConsoleErrors() throws Exception {
        Http.Response r = new Http(server.port()).get("/api/brief?parties=WEST,ISR,UKR&by=year&evidence=2");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        Path file = dir.resolve("brief.html");
        Files.writeString(file, r.body(), StandardCharsets.UTF_8);
        var d = browser.driver;
        d.get("about:blank");
        // the console is read: an error logged here is seen (then the log is empty again)
        d.executeScript("console.error('probe of the console log')");
        assertThat(d.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .anyMatch(m -> m.contains("probe of the console log"));
        d.executeCdpCommand("Network.enable", Map.of());
        d.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            d.get(file.toUri().toString());
            JavascriptExecutor js = d;
            assertThat(js.executeScript("return document.readyState")).isEqualTo("complete");
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(
                    "Where the interests of WEST, ISR and UKR meet and part");
            assertThat(d.findElements(By.cssSelector("svg"))).hasSizeGreaterThan(1);
            assertThat(d.findElements(By.cssSelector("blockquote.quote"))).isNotEmpty();
            // the network picture is drawn: its parties' circles have a size on the page
            assertThat(((Number) js.executeScript("return document.querySelector('svg circle').getBBox().width"))
                    .doubleValue()).isGreaterThan(10);
            assertThat(((Number) js.executeScript("return performance.getEntriesByType('resource').length"))
                    .intValue()).isZero();
            assertThat(js.executeScript("return document.scripts.length")).isEqualTo(0L);
            List<String> console = d.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).toList();
            assertThat(console).isEmpty();
            browser.screenshot(BrowserIT.SHOTS, "brief");
        } finally {
            d.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    @Test
    void theBriefViewDownloadsTheBriefing() throws Exception {
        Path downloads = browser.downloadsTo();
        browser.driver().get("about:blank");
        browser.driver().get(base + "#/brief?parties=ISR,UKR&by=year");
        browser.waiting(30).until(d -> "brief".equals(((JavascriptExecutor) d)
                .executeScript("return document.body.dataset.ready")));
        assertThat(browser.driver().findElement(By.id("brief-parties")).getAttribute("value")).isEqualTo("ISR,UKR");
        browser.driver().findElement(By.id("brief-download")).click();
        Path saved = browser.downloaded(downloads, ".html");
        assertThat(saved.getFileName().toString()).isEqualTo("brief-ISR-UKR.html");
        assertThat(Files.readString(saved)).startsWith("<!DOCTYPE html>").contains("Where the interests of ISR and "
                + "UKR meet and part");
        // a party inside another's coalition is refused with the reason, nothing saved
        browser.driver().findElement(By.id("brief-parties")).clear();
        browser.driver().findElement(By.id("brief-parties")).sendKeys("WEST,USA");
        browser.driver().findElement(By.id("brief-download")).click();
        browser.waiting(30).until(d -> !d.findElements(By.id("brief-error")).isEmpty());
        assertThat(browser.driver().findElement(By.id("brief-error")).getText())
                .contains("USA is a member of WEST");
    }
}
