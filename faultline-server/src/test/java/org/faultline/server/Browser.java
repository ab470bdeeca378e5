package org.faultline.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium through the system chromedriver. */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("faultline-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        // the console's messages, for tests that a page logs no error
        o.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the window shows as a PNG. */
    Path screenshot(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path to = dir.resolve(name + ".png");
        Files.copy(shot.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // Chromium may still be releasing its profile; a stale temp folder is harmless.
            }
        }
    }

    /**
     * A fresh folder where this browser saves downloads from now on (headless Chromium refuses downloads unless
     * told where to put them).
     */
    Path downloadsTo() throws IOException {
        Path dir = Files.createTempDirectory(profile, "downloads");
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
        return dir;
    }

    /** The file with this name suffix once it is completely saved in {@code dir}, waiting up to 30 seconds. */
    Path downloaded(Path dir, String suffix) {
        return waiting(30).until(d -> {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst()
                        .filter(p -> p.toFile().length() > 0).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    static List<String> texts(List<org.openqa.selenium.WebElement> es) {
        return es.stream().map(org.openqa.selenium.WebElement::getText).toList();
    }

    /**
     * The given browser if its session still answers, else a new one of the given size: headless Chromium
     * occasionally loses its renderer on a loaded 2-core machine, and a dead session must not fail every later test.
     */
    static Browser alive(Browser browser, int width, int height) throws Exception {
        try {
            browser.driver().getWindowHandle();
            return browser;
        } catch (org.openqa.selenium.WebDriverException e) {
            try {
                browser.close();
            } catch (java.io.IOException | org.openqa.selenium.WebDriverException ignored) {
                // the old session is gone already; nothing to release
            }
            return new Browser(width, height);
        }
    }
}
