package org.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.faultline.cli.watch.WatchConfig.Kind;
import org.faultline.cli.watch.WatchConfig.Source;
import org.faultline.model.Failure;
import org.faultline.store.ContentHash;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched folder on a real DuckDB store: a new file is coded once, a file seen before is not coded again (also
 * after a restart), and a changed file's new text is a new document ({@code NAME~<12 hex of its content hash>}, as
 * every writer versions a reused id) beside the old one, which stays as it was, with a warning saying so; a file
 * changed back to a text already taken is not taken again.
 */
class FolderWatchTest {
    @TempDir
    Path dir;

    private static final String STRIKE = "Date: 2024-06-04\n\nRussia attacked Ukraine before dawn.\n";

    @Test
    void newAndChangedFilesAreCodedOnce() throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("a.txt"), STRIKE, StandardCharsets.UTF_8);
        Source folder = WatchConfig.source(Kind.FOLDER, inbox.toString(), "Desk", Duration.ofSeconds(30), "en");
        Path alerts = dir.resolve("alerts.jsonl");
        StringWriter errText = new StringWriter();
        PrintWriter err = new PrintWriter(errText, true);
        PoliteClient client = new PoliteClient(Duration.ofMillis(20), Duration.ofSeconds(2), 1 << 20);
        try (EventStore store = EventStore.open(dir.resolve("f.duckdb").toString())) {
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, null, client, err)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, List.of(folder), d, err, 1 << 20);
                assertThat(w.poll(folder).taken()).isEqualTo(1);
                assertThat(w.poll(folder).taken()).isZero();
                Files.writeString(inbox.resolve("b.txt"), "Date: 2024-06-05\n\nFrance met Germany in Paris.\n",
                        StandardCharsets.UTF_8);
                assertThat(w.poll(folder).taken()).isEqualTo(1);
            }
            assertThat(store.queries().documentCount()).isEqualTo(2);
            assertThat(store.queries().document("a").orElseThrow().source()).isEqualTo("Desk");

            String changed = STRIKE + "Later Russia aided Ukraine, an odd report said.\n";
            Files.writeString(inbox.resolve("a.txt"), changed, StandardCharsets.UTF_8);
            // the id hashes the document's text, which the first line's date is not part of
            String newId = "a~" + ContentHash.of(changed.substring(changed.indexOf("\n\n"))).substring(0, 12);
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, null, client, err)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, List.of(folder), d, err, 1 << 20);
                w.recover();
                assertThat(w.poll(folder).taken()).isEqualTo(1);
                assertThat(w.poll(folder).taken()).isZero();
                // changed back: that text was taken before
                Files.writeString(inbox.resolve("a.txt"), STRIKE, StandardCharsets.UTF_8);
                assertThat(w.poll(folder).taken()).isZero();
            }
            assertThat(store.queries().documentCount()).isEqualTo(3);
            assertThat(store.queries().document("a").orElseThrow().text()).doesNotContain("aided");
            assertThat(store.queries().document(newId).orElseThrow().text()).contains("Russia aided Ukraine");
            assertThat(store.watchLog().feed(folder.id()).orElseThrow().items()).isEqualTo(3);
            List<String> ids = Files.readAllLines(alerts, StandardCharsets.UTF_8).stream().map(AlertJson::idOf)
                    .toList();
            assertThat(ids).containsExactly("new_dyad:RUS->UKR", "new_dyad:FRA->DEU", "new_type:RUS->UKR:AID");
            assertThat(store.queries().failures()).containsExactly(new Failure(inbox.resolve("a.txt").toString(), newId,
                    "document-id", "document id 'a' names another text stored before (from " + inbox.resolve("a.txt")
                            + "); this text is stored as '" + newId + "'"));
            assertThat(errText.toString()).contains("watch: stored " + newId + " (Desk, ",
                    "watch: warning: " + inbox.resolve("a.txt") + ": document id 'a' names another text");
        }
    }
}
