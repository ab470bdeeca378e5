package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: documents coded once by the coder, kept under {@code src/test/resources/golden/<name>.events.jsonl}
 * as full event records, and re-coded on every build. Only what an analyst would notice is compared (event
 * type, actor codes, recipient codes, modality, date), as sets, because the coder is still being improved:
 * a change shows up as a readable list of events lost and events gained.
 *
 * <p>To accept the current coder's output on purpose, regenerate and review the diff in git:
 * {@code mvn test -pl faultline-coding -Dtest=GoldenEventsTest -Dgolden.update=true}
 */
class GoldenEventsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String REGENERATE = "mvn test -pl faultline-coding -Dtest=GoldenEventsTest -Dgolden.update=true";

    static Stream<Arguments> documents() {
        return Stream.of(Arguments.of("column", Path.of("../examples/column.txt"), LocalDate.of(2024, 11, 14)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void matchesGolden(String name, Path source, LocalDate date) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(source), "no " + source.toAbsolutePath());
        Article article = new Article(name, date, body(Files.readString(source, StandardCharsets.UTF_8)), null, null,
                null, source.toString());
        CodingResult result = SharedCoder.get().code(article);
        assertThat(result.failed()).as("coding %s failed: %s", source, result.failure()).isFalse();
        Path golden = GOLDEN.resolve(name + ".events.jsonl");

        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, result.events().stream().map(EventJson::toLine)
                    .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
            Assumptions.abort("golden.update=true: rewrote " + golden.toAbsolutePath() + " with "
                    + result.events().size() + " events; review it with git diff before committing");
        }

        assertThat(golden).as("golden file missing; generate it on purpose with:\n  %s", REGENERATE).isRegularFile();
        Map<String, String> want = new TreeMap<>();
        for (String line : Files.readAllLines(golden, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Event e = EventJson.fromLine(line);
                want.putIfAbsent(key(e), context(e));
            }
        }
        Map<String, String> got = new TreeMap<>();
        for (Event e : result.events()) {
            got.putIfAbsent(key(e), context(e));
        }
        assertThat(got.keySet()).as("%s", new Object() {
            @Override
            public String toString() {
                return diff(name, golden, want, got);
            }
        }).isEqualTo(want.keySet());
    }

    /** The article text after a leading "Date: ..." line, as the ingest reader gives it. */
    static String body(String file) {
        String s = file.strip();
        if (s.regionMatches(true, 0, "Date:", 0, 5)) {
            int nl = s.indexOf('\n');
            s = nl < 0 ? "" : s.substring(nl + 1);
        }
        return s.strip();
    }

    /** What is compared: type, actor codes, recipient codes, modality, date. */
    static String key(Event e) {
        return e.eventType() + " " + codes(e.actor()) + " -> " + codes(e.recipient()) + " " + e.modality().json() + " "
                + e.date();
    }

    private static String codes(List<ActorRef> refs) {
        return refs.stream().map(r -> String.valueOf(r.code())).collect(Collectors.toCollection(TreeSet::new))
                .toString();
    }

    /** Where the event came from, to make a diff line findable in the text. */
    private static String context(Event e) {
        String sentence = e.evidence().get(0).text().replaceAll("\\s+", " ");
        if (sentence.length() > 110) {
            sentence = sentence.substring(0, 107) + "...";
        }
        return "[" + e.evidence().get(0).trigger() + "] " + e.rule() + " | \"" + sentence + "\"";
    }

    static String diff(String name, Path golden, Map<String, String> want, Map<String, String> got) {
        List<String> lost = new ArrayList<>();
        List<String> gained = new ArrayList<>();
        want.forEach((k, v) -> {
            if (!got.containsKey(k)) {
                lost.add("  - " + k + "\n      " + v);
            }
        });
        got.forEach((k, v) -> {
            if (!want.containsKey(k)) {
                gained.add("  + " + k + "\n      " + v);
            }
        });
        return "coding of '" + name + "' differs from " + golden + " (" + want.size() + " golden, " + got.size()
                + " now)\n" + "in the golden file, no longer coded (" + lost.size() + "):\n" + String.join("\n", lost)
                + "\ncoded now, not in the golden file (" + gained.size() + "):\n" + String.join("\n", gained)
                + "\nIf the change is intended, regenerate on purpose and review the diff in git:\n  " + REGENERATE;
    }
}
