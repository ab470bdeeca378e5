package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/code with the real coder (CoreNLP and the bundled knowledge base). */
class CodeEndpointIT {
    @Test
    void codesAPastedArticleWithoutStoringIt(@TempDir Path dir) {
        EventStore store = EventStore.open(dir.resolve("c.duckdb").toString());
        try (FaultlineServer server = new FaultlineServer(ServerConfig.defaults("c").withPort(0), store,
                RealCoder::get).start()) {
            Http http = new Http(server.port());
            String text = "Russian forces attacked the Ukrainian city of Kharkiv on Monday. "
                    + "The United States sent air defence systems to Ukraine.";
            Http.Response r = http.postJson("/api/code", "{\"text\": " + ApiJson.MAPPER.valueToTree(text)
                    + ", \"date\": \"2024-06-19\"}", null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode events = r.json().path("events");
            assertThat(events.size()).isPositive();
            for (JsonNode e : events) {
                for (JsonNode ev : e.path("evidence")) {
                    assertThat(text.substring(ev.path("trigger_start").asInt(), ev.path("trigger_end").asInt()))
                            .isEqualTo(ev.path("trigger").asText());
                }
            }
            assertThat(events.toString()).contains("ASSAULT");
            assertThat(http.get("/api/summary").json().path("events").asInt()).isZero();
        }
    }
}
