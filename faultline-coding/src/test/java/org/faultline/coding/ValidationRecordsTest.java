package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our validation records (sentence, date, expected and forbidden events), written by us for every event
 * type, modality and hard case, run against the real coder on every build. See
 * {@code src/test/resources/validation/README.md} for the format.
 */
class ValidationRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> records() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = ValidationRecordsTest.class.getResourceAsStream("/validation/validation.jsonl")) {
            assertThat(in).as("validation/validation.jsonl on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                out.add(Arguments.of(n.path("id").asText("line " + no), n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void record(String id, JsonNode rec) {
        Article a = new Article(id, LocalDate.parse(rec.path("date").asText()), rec.path("text").asText(), null, null,
                null, "validation.jsonl");
        CodingResult res = SharedCoder.get().code(a);
        assertThat(res.failed()).as("coding failed: %s", res.failure()).isFalse();
        List<Event> events = res.events();
        String got = events.stream().map(ValidationRecordsTest::describe).collect(Collectors.joining("\n  "));
        if (rec.hasNonNull("known_gap")) {
            // a documented gap of the coder: run it, report it, and do not let it hide a regression elsewhere
            boolean passes = passes(rec, events);
            // checked both ways: a gap that closes must lose its mark, so that it guards against coming back
            assertThat(passes).as("%s is marked known_gap (%s) but now passes: remove the mark so the record guards "
                    + "against regressions; got:\n  %s", id, rec.get("known_gap").asText(), got).isFalse();
            org.junit.jupiter.api.Assumptions.abort(id + " is a known gap (" + rec.get("known_gap").asText()
                    + "); got: " + got);
        }
        for (JsonNode want : rec.path("expect")) {
            assertThat(events.stream().anyMatch(e -> matches(e, want)))
                    .as("%s: expected %s in \"%s\"; got:\n  %s", id, want, rec.path("text").asText(), got).isTrue();
        }
        for (JsonNode ban : rec.path("forbid")) {
            assertThat(events.stream().noneMatch(e -> matches(e, ban)))
                    .as("%s: forbidden %s in \"%s\"; got:\n  %s", id, ban, rec.path("text").asText(), got).isTrue();
        }
    }

    private static boolean passes(JsonNode rec, List<Event> events) {
        for (JsonNode want : rec.path("expect")) {
            if (events.stream().noneMatch(e -> matches(e, want))) {
                return false;
            }
        }
        for (JsonNode ban : rec.path("forbid")) {
            if (events.stream().anyMatch(e -> matches(e, ban))) {
                return false;
            }
        }
        return true;
    }

    static String describe(Event e) {
        return e.eventType() + " " + codes(e.actor()) + "->" + codes(e.recipient()) + " " + e.modality().json() + " "
                + e.date() + "/" + e.datePrecision().json() + (e.attribution() != null ? " attr" : "") + " ["
                + e.evidence().get(0).trigger() + "] " + e.rule();
    }

    /** Old CAMEO codes some records use for the same entities (as the scorer maps them). */
    private static final java.util.Map<String, String> ALIASES = java.util.Map.of("UNO", "IGO", "EUR", "IGO",
            "EUN", "IGO", "NTO", "IGO", "JAP", "JPN", "ITL", "ITA");

    private static String norm(String code) {
        return code == null ? null : ALIASES.getOrDefault(code, code);
    }

    private static Set<String> codes(List<ActorRef> refs) {
        return refs.stream().map(ActorRef::code).filter(java.util.Objects::nonNull).map(ValidationRecordsTest::norm)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static boolean matches(Event e, JsonNode want) {
        if (want.has("event_type") && !e.eventType().name().equals(want.get("event_type").asText())) {
            return false;
        }
        if (want.has("actor") && !codes(e.actor()).containsAll(texts(want.get("actor")))) {
            return false;
        }
        if (want.has("recipient") && !codes(e.recipient()).containsAll(texts(want.get("recipient")))) {
            return false;
        }
        if (want.has("modality") && !e.modality().json().equals(want.get("modality").asText())) {
            return false;
        }
        if (want.has("date") && !e.date().toString().startsWith(want.get("date").asText())) {
            return false;
        }
        if (want.has("date_precision") && !e.datePrecision().json().equals(want.get("date_precision").asText())) {
            return false;
        }
        if (want.has("attribution") && want.get("attribution").asBoolean() != (e.attribution() != null)) {
            return false;
        }
        if (want.has("sector") && e.actor().stream().noneMatch(x -> want.get("sector").asText().equals(x.sector()))) {
            return false;
        }
        if (want.has("quantity") && (e.quantity() == null || e.quantity().value() != want.get("quantity").asLong())) {
            return false;
        }
        return true;
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(norm(x.asText())));
        return out;
    }
}
