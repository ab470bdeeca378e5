package org.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsFeedsAndFoldersWithTheirSettings() throws Exception {
        Path f = dir.resolve("feeds.txt");
        Files.writeString(f, "# news\nfeed https://news.example/world.rss outlet=\"Example News\" interval=10m\n\n"
                + "folder " + dir + " interval=30s language=en\n");
        WatchConfig c = WatchConfig.read(f, Duration.ofMinutes(5));
        assertThat(c.sources()).containsExactly(
                new WatchConfig.Source(WatchConfig.Kind.FEED, "https://news.example/world.rss", "Example News",
                        Duration.ofMinutes(10), "en"),
                new WatchConfig.Source(WatchConfig.Kind.FOLDER, dir.toString(), null, Duration.ofSeconds(30), "en"));
    }

    @Test
    void everyBrokenLineIsNamedWithFileAndLine() throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "feed ftp://x/y\nfeed https://ok.example/a.rss colour=red\nstream https://x\n"
                + "feed https://ok.example/b.rss interval=soon\nfeed https://ok.example/c.rss language=de\n"
                + "feed https://ok.example/d.rss outlet=\"Unclosed\n");
        assertThatThrownBy(() -> WatchConfig.read(f, Duration.ofMinutes(5)))
                .hasMessageContaining(f + ":1: feed address 'ftp://x/y' is not an http or https URL")
                .hasMessageContaining(f + ":2: unknown setting 'colour'; expected outlet=, interval= or language=")
                .hasMessageContaining(f + ":3: unknown source kind 'stream'; expected feed or folder")
                .hasMessageContaining(f + ":4: interval 'soon' is not a duration like 30s, 5m or 1h")
                .hasMessageContaining(f + ":5: language 'de' is not one the coder reads; expected en")
                .hasMessageContaining(f + ":6: cannot read 'outlet=\"Unclosed' (an unclosed quote?)");
    }

    @Test
    void backoffDoublesUpToAnHour() {
        Duration i = Duration.ofMinutes(5);
        assertThat(PoliteClient.backoff(i, 0)).isEqualTo(i);
        assertThat(PoliteClient.backoff(i, 1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(PoliteClient.backoff(i, 3)).isEqualTo(Duration.ofMinutes(40));
        assertThat(PoliteClient.backoff(i, 4)).isEqualTo(Duration.ofHours(1));
        assertThat(PoliteClient.backoff(i, 40)).isEqualTo(Duration.ofHours(1));
    }
}
