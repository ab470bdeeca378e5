package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Coalitions on the page, in real headless Chromium over {@link SampleWorld}: the dyad view draws WEST and RUS
 * (the United States' condemnation of Russia among its evidence), and the faultlines view takes a third party
 * typed into its form and shows what all share, where one stands apart and each pair. Skipped without Debian's
 * chromium.
 */
class CoalitionPageIT extends PageTest {
    @BeforeAll
    static void start() throws Exception {
        needChromium();
        EventStore store = EventStore.open(dir.resolve("coalitions-page.duckdb").toString());
        SampleWorld.fill(store);
        serve(new FaultlineServer(ServerConfig.defaults("coalitions-page").withPort(0), store, KeywordCoder::new)
                .start());
    }

    private void open(String hash, String view) {
        browser.driver().get("about:blank");
        browser.driver().get(base + hash);
        browser.waiting(30).until(d -> view.equals(((JavascriptExecutor) d)
                .executeScript("return document.body.dataset.ready")));
    }

    @Test
    void theDyadViewTakesACoalition() {
        open("#/dyad?a=WEST&b=RUS&by=year", "dyad");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart rect")));
        assertThat(browser.driver().findElement(By.id("dyad-result")).getText())
                .contains("The United States condemned Russia.");
    }

    @Test
    void theFaultlinesViewTakesThreePartiesTypedIntoItsForm() {
        open("#/faultlines?a=WEST&b=ISR", "faultlines");
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fl-result .panel")));
        assertThat(browser.driver().findElements(By.id("shared"))).isEmpty();
        WebElement more = browser.driver().findElement(By.id("fl-more"));
        more.sendKeys("UKR");
        browser.driver().findElement(By.cssSelector("form.controls button[type=submit]")).click();
        browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("shared")));
        assertThat(browser.driver().getCurrentUrl()).contains("a=WEST").contains("b=ISR").contains("more=UKR");
        List<String> pairs = Browser.texts(browser.driver().findElements(By.cssSelector("#fl-result > h2")));
        assertThat(pairs).containsExactly("WEST and ISR", "WEST and UKR", "ISR and UKR");
        assertThat(browser.driver().findElement(By.id("shared")).getText()).contains("What WEST, ISR, UKR all share");
        assertThat(browser.driver().findElement(By.id("apart")).getText()).contains("Where one stands apart");
        // the ISR-UKR pair says what the two-party view says
        assertThat(browser.driver().findElement(By.id("pair-2-divergences")).getText())
                .contains("ISR refuses or rejects UKR (1 event)");
    }
}
