package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.faultline.analysis.AnswerJson;
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
            Http.Response r = http.postJson("/api/code", "{\"text\": " + AnswerJson.MAPPER.valueToTree(text)
                    + ", \"date\": \"2024-06-19\"}", null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode events = r.json().path("events");
            assertThat(events.size()).isPositive();
            JsonNode assault = null;
            for (JsonNode e : events) {
                for (JsonNode ev : e.path("evidence")) {
                    assertThat(text.substring(ev.path("trigger_start").asInt(), ev.path("trigger_end").asInt()))
                            .isEqualTo(ev.path("trigger").asText());
                }
                for (JsonNode span : List.of(e.path("location"), e.path("date_text"))) {
                    if (span.path("start").isNumber()) {
                        assertThat(text.substring(span.path("start").asInt(), span.path("end").asInt()))
                                .as("span of %s", span).isEqualTo(span.path("text").asText());
                    }
                }
                if (e.path("event_type").asText().equals("ASSAULT")) {
                    assault = e;
                }
            }
            assertThat(assault).as("an ASSAULT in %s", events).isNotNull();
            // the place and the date expression come with the spans where they were written
            assertThat(assault.path("location").path("text").asText()).isEqualTo("Kharkiv");
            assertThat(assault.path("location").path("start").asInt()).isEqualTo(text.indexOf("Kharkiv"));
            assertThat(assault.path("date_text").path("text").asText()).isEqualTo("Monday");
            assertThat(assault.path("date_text").path("start").asInt()).isEqualTo(text.indexOf("Monday"));
            assertThat(http.get("/api/summary").json().path("events").asInt()).isZero();
        }
    }
}
