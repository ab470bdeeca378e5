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
import java.util.stream.Stream;
import org.faultline.model.Article;
import org.faultline.model.EventJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The events of a document do not depend on which documents the process coded before it: the example corpus coded
 * oldest first and newest first gives the same events. (SUTime's reading of a weekday named alone once depended
 * on the documents before; such weekdays are now read from the article date.)
 */
class CorpusOrderTest {
    private static final Path CORPUS = Path.of("../examples/corpus");

    @Test
    void eventsDoNotDependOnTheOrderOfDocuments() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "no example corpus at " + CORPUS.toAbsolutePath());
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                String file = Files.readString(p, StandardCharsets.UTF_8);
                String date = file.lines().filter(l -> l.startsWith("date:")).findFirst().orElseThrow().substring(5)
                        .strip();
                articles.add(new Article(p.getFileName().toString(), LocalDate.parse(date),
                        CoderPropertiesTest.body(file), null, null, null, p.toString()));
            }
        }
        Assumptions.assumeTrue(articles.size() >= 20, "too few example articles");
        Map<String, List<String>> forward = code(articles);
        List<Article> reversed = new ArrayList<>(articles);
        java.util.Collections.reverse(reversed);
        assertThat(code(reversed)).isEqualTo(forward);
    }

    private static Map<String, List<String>> code(List<Article> articles) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Article a : articles) {
            List<String> lines = new ArrayList<>();
            SharedCoder.get().code(a).events().forEach(e -> lines.add(EventJson.toLine(e)));
            out.put(a.id(), lines);
        }
        return out;
    }
}
