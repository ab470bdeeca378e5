package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.faultline.store.EventStore;
import org.faultline.store.WatchLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The page's Alerts view in real headless Chromium: alerts already in the store are listed, and an alert the watcher
 * adds while the page is open appears through the server-sent event stream, once, with its evidence, as text.
 */
class AlertPanelIT extends PageTest {
    static EventStore store;

    @BeforeAll
    static void start() throws Exception {
        needChromium();
        store = EventStore.open(dir.resolve("alerts.duckdb").toString());
        SampleWorld.fill(store);
        store.watchLog().addAlerts(item("k1"), List.of(alert("new_dyad:RUS->UKR", "new_dyad", "ASSAULT",
                "Russian forces attacked Ukraine.")));
        serve(new FaultlineServer(ServerConfig.defaults("a").withPort(0), store, KeywordCoder::new).start());
    }

    @Test
    void alertsAppearLiveWithTheirEvidence() throws Exception {
        browser.driver().get("about:blank");
        browser.driver().get(base + "#/alerts");
        browser.waiting(30).until(d -> "1".equals(((JavascriptExecutor) d).executeScript(
                "return document.body.dataset.alerts")));
        store.watchLog().addAlerts(item("k2"), List.of(alert("new_type:RUS->UKR:AID", "new_type", "AID",
                "<img src=x onerror=\"window.__pwned = 1\"> Russia aided Ukraine.")));
        browser.waiting(30).until(d -> "2".equals(((JavascriptExecutor) d).executeScript(
                "return document.body.dataset.alerts")));
        List<WebElement> cards = browser.driver().findElements(By.cssSelector("#alert-list .alert-card"));
        assertThat(cards).extracting(c -> c.getDomAttribute("data-alert-id"))
                .containsExactly("new_type:RUS->UKR:AID", "new_dyad:RUS->UKR");
        assertThat(cards.get(0).findElement(By.cssSelector(".alert-sentence")).getText())
                .isEqualTo("<img src=x onerror=\"window.__pwned = 1\"> Russia aided Ukraine.");
        assertThat(cards.get(0).getText()).contains("New event type in a dyad").contains("RUS → UKR")
                .contains("Outlet B");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__pwned")).isNull();
        // an alert stored again under its id is not a new alert: nothing more appears
        store.watchLog().addAlerts(item("k3"), List.of(alert("new_dyad:RUS->UKR", "new_dyad", "ASSAULT", "again")));
        browser.driver().findElement(By.id("alert-state"));
        assertThat(store.watchLog().alertCount()).isEqualTo(2);
        browser.screenshot(Path.of("target", "screenshots"), "alerts");
    }

    private static WatchLog.Item item(String key) {
        return new WatchLog.Item("feed:http://127.0.0.1/feed.xml", key, null, null, null, null, "d1-invasion",
                WatchLog.ItemStatus.CODED, null);
    }

    private static WatchLog.NewAlert alert(String id, String kind, String type, String sentence) {
        String json = "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"source\":\"RUS\",\"target\":\"UKR\","
                + "\"joint\":false,\"event_type\":\"" + type + "\",\"tone\":\"conflict\",\"event_id\":\"e1\","
                + "\"date\":\"2024-06-10\",\"sentence\":" + quote(sentence) + ",\"trigger\":\"x\",\"doc_id\":\"d1-invasion\","
                + "\"outlet\":\"Outlet B\",\"url\":\"http://127.0.0.1/b.html\",\"title\":\"T\",\"detected_at\":\"2024-06-10T00:00:00Z\"}";
        return new WatchLog.NewAlert(id, json);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
