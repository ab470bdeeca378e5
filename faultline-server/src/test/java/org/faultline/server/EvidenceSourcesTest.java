package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.model.Event;
import org.faultline.query.EventFilter;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources of evidence read from a real store, with and without the article stored. */
class EvidenceSourcesTest {
    @TempDir
    Path dir;

    @Test
    void evidenceOfAStoredArticleIsCitedAndOfAnImportedEventIsNull() {
        try (EventStore store = EventStore.open(dir.resolve("s.duckdb").toString())) {
            SampleWorld.fill(store);
            SampleWorld.Doc d = SampleWorld.docs().get(0);
            Event e = d.events.get(0);
            Event imported = new Event("imported-0", "imported", e.eventType(), e.mode(), e.context(), e.cameoCode(),
                    e.quadClass(), e.goldstein(), e.actor(), e.recipient(), e.date(), e.datePrecision(), e.dateText(),
                    e.location(),
                    e.quantity(), e.negated(), e.modality(), e.attribution(), e.confidence(),
                    List.of(new org.faultline.model.Evidence("imported", 0, 0, 5, "Russ.", "Russ", 0, 4)), e.rule(),
                    e.version());
            store.writer().bulkLoad(List.of(imported).iterator());

            EvidenceSources sources = new EvidenceSources(store.queries());
            ArrayNode events = sources.add(AnswerJson.storedEvents(store.queries().events(EventFilter.all()
                    .withOrder(EventFilter.Order.DATE))));
            sources.fill();
            assertThat(events.size()).isGreaterThan(2);
            for (JsonNode x : events) {
                JsonNode source = x.at("/evidence/0/source");
                if (x.path("doc_id").asText().equals("imported")) {
                    assertThat(source.isNull()).isTrue();
                } else {
                    assertThat(source.path("title").asText()).isEqualTo("Title of " + x.path("doc_id").asText());
                    assertThat(source.path("outlet").asText()).isEqualTo("test");
                    assertThat(source.path("url").isNull()).isTrue();
                    assertThat(source.has("published")).isTrue();
                }
            }
            assertThat(events.findValues("doc_id").stream().map(JsonNode::asText)).contains("imported", d.id);
        }
    }
}
