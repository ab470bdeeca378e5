package org.faultline.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the browser test classes share: a server over a store in a temporary folder, one headless Chromium for the
 * class, a live browser before each test and both closed after the class. A subclass's {@code @BeforeAll} fills
 * its store and calls {@link #serve}. Test classes run one after the other (the fields are static).
 */
abstract class PageTest {
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    @TempDir
    static Path dir;
    static FaultlineServer server;
    static Browser browser;
    static String base;

    /** Skips the class without Debian's chromium and chromium-driver. */
    static void needChromium() {
        assumeTrue(Browser.available(), "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium "
                + "chromium-driver)");
    }

    /** Serves the page from a started server and opens the browser. */
    static void serve(FaultlineServer started) throws Exception {
        server = started;
        base = server.address();
        browser = new Browser(WIDTH, HEIGHT);
    }

    /**
     * Headless Chromium occasionally loses its renderer on a loaded 2-core machine; a dead session must not fail
     * every later test of the class, so each test starts from a live browser.
     */
    @BeforeEach
    void liveBrowser() throws Exception {
        browser = Browser.alive(browser, WIDTH, HEIGHT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
