package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.TextSpan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the real coder on random documents: 1-6 sentences drawn from the example corpus, shuffled and
 * joined, with a random article date. Seeded, so a failure names a document that can be rebuilt. Every span
 * (evidence, trigger, actors, recipients, place and date expression) lies inside the text and quotes it; a
 * date expression lies in a sentence that reports the event, and only the article-date fallback has none; coding
 * is deterministic (the second pass runs in reverse order, after the other documents); ids are unique within a
 * document; quad class and confidence are consistent.
 */
class CoderPropertiesTest {
    private static final Path CORPUS = Path.of("../examples/corpus");
    private static final long SEED = 20241114L;
    private static final int DOCUMENTS = 30;
    private static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    static List<String> sentences;

    @BeforeAll
    static void readCorpus() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "no example corpus at " + CORPUS.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        sentences = new ArrayList<>();
        for (Path f : files) {
            sentences.addAll(sentencesOf(body(Files.readString(f, StandardCharsets.UTF_8))));
        }
        Assumptions.assumeTrue(sentences.size() >= 6, "too few sentences in " + CORPUS);
    }

    /** The text after the '---' front matter. */
    static String body(String file) {
        if (file.startsWith("---")) {
            int close = file.indexOf("\n---", 3);
            if (close >= 0) {
                return file.substring(file.indexOf('\n', close + 1) + 1).strip();
            }
        }
        return file.strip();
    }

    /** A rough split at sentence-final punctuation followed by a capital or a quote; good enough for inputs. */
    static List<String> sentencesOf(String body) {
        List<String> out = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            for (String s : paragraph.strip().split("(?<=[.!?][\"”’]?)\\s+(?=[A-Z\"“])")) {
                if (!s.isBlank()) {
                    out.add(s.strip().replaceAll("\\s+", " "));
                }
            }
        }
        return out;
    }

    static List<Article> randomDocuments() {
        Random random = new Random(SEED);
        List<Article> docs = new ArrayList<>();
        long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
        for (int d = 0; d < DOCUMENTS; d++) {
            List<String> pool = new ArrayList<>(sentences);
            Collections.shuffle(pool, random);
            int n = 1 + random.nextInt(6);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    text.append(random.nextBoolean() ? " " : "\n\n");
                }
                text.append(pool.get(i));
            }
            LocalDate date = FIRST_DAY.plusDays(random.nextInt((int) span + 1));
            docs.add(new Article("random-" + SEED + "-" + d, date, text.toString(), null, null, null, "random"));
        }
        return docs;
    }

    @Test
    void spansInsideTheTextDeterministicUniqueIdsConsistentFields() {
        RuleBasedCoder coder = SharedCoder.get();
        List<Article> docs = randomDocuments();
        List<CodingResult> first = new ArrayList<>();
        for (Article a : docs) {
            first.add(coder.code(a));
        }
        List<CodingResult> second = new ArrayList<>(Collections.nCopies(docs.size(), null));
        for (int i = docs.size() - 1; i >= 0; i--) {
            second.set(i, coder.code(docs.get(i)));
        }

        List<String> problems = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < docs.size(); i++) {
            Article a = docs.get(i);
            CodingResult r = first.get(i);
            String where = a.id() + " (" + a.date() + ") \"" + a.text() + "\": ";
            if (r.failed()) {
                problems.add(where + "coding failed: " + r.failure());
                continue;
            }
            events += r.events().size();
            Set<String> ids = new HashSet<>();
            for (Event e : r.events()) {
                if (!ids.add(e.id())) {
                    problems.add(where + "event id " + e.id() + " occurs twice");
                }
                check(a, e, where, problems);
            }
            List<String> again = second.get(i).events().stream().map(EventJson::toLine).toList();
            List<String> once = r.events().stream().map(EventJson::toLine).toList();
            if (!once.equals(again) || !r.events().equals(second.get(i).events())) {
                problems.add(where + "not deterministic:\n    first:  " + once + "\n    second: " + again);
            }
        }
        assertThat(problems).as("property violations over %d documents, %d events (seed %d)", docs.size(), events,
                SEED).isEmpty();
        assertThat(events).as("the random documents should code to some events").isPositive();
    }

    private static void check(Article a, Event e, String where, List<String> problems) {
        String text = a.text();
        String ev = where + "event " + e.id() + " " + e.eventType() + ": ";
        if (!e.docId().equals(a.id())) {
            problems.add(ev + "doc_id " + e.docId());
        }
        if (e.quadClass() != e.eventType().quadClass()) {
            problems.add(ev + "quad_class " + e.quadClass() + " but the type's is " + e.eventType().quadClass());
        }
        if (!(e.confidence() >= 0 && e.confidence() <= 1)) {
            problems.add(ev + "confidence " + e.confidence());
        }
        if (e.evidence().isEmpty()) {
            problems.add(ev + "no evidence");
        }
        for (Evidence x : e.evidence()) {
            if (!x.docId().equals(a.id())) {
                problems.add(ev + "evidence from " + x.docId());
            }
            span(ev + "evidence", text, x.start(), x.end(), x.text(), problems);
            span(ev + "trigger", text, x.triggerStart(), x.triggerEnd(), x.trigger(), problems);
            if (x.triggerStart() < x.start() || x.triggerEnd() > x.end()) {
                problems.add(ev + "trigger [" + x.triggerStart() + "," + x.triggerEnd() + ") outside its sentence ["
                        + x.start() + "," + x.end() + ")");
            }
        }
        for (ActorRef r : e.actor()) {
            span(ev + "actor " + r.kbId(), text, r.start(), r.end(), r.text(), problems);
        }
        for (ActorRef r : e.recipient()) {
            span(ev + "recipient " + r.kbId(), text, r.start(), r.end(), r.text(), problems);
        }
        Location place = e.location();
        if (place != null) {
            // the place's words may lie in an earlier sentence than the event's, but always in the text
            if (place.start() == null) {
                problems.add(ev + "place '" + place.text() + "' has no span");
            } else {
                span(ev + "place", text, place.start(), place.end(), place.text(), problems);
            }
        }
        TextSpan date = e.dateText();
        if ((date == null) != (e.datePrecision() == DatePrecision.ARTICLE)) {
            problems.add(ev + "date precision " + e.datePrecision() + " but date expression " + date);
        }
        if (date != null) {
            span(ev + "date expression", text, date.start(), date.end(), date.text(), problems);
            if (e.evidence().stream().noneMatch(x -> x.start() <= date.start() && date.end() <= x.end())) {
                problems.add(ev + "date expression [" + date.start() + "," + date.end() + ") in no evidence sentence");
            }
        }
    }

    private static void span(String what, String text, int start, int end, String quoted, List<String> problems) {
        if (start < 0 || start > end || end > text.length()) {
            problems.add(what + " span [" + start + "," + end + ") outside [0," + text.length() + ")");
        } else if (!text.substring(start, end).equals(quoted)) {
            problems.add(what + " span [" + start + "," + end + ") reads \"" + text.substring(start, end)
                    + "\" but the record says \"" + quoted + "\"");
        }
    }
}
