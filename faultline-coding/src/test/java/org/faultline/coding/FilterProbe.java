package org.faultline.coding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;

/** Developer probe: what share of a corpus's sentences the pre-parse filter sends to the parser (not a test). */
public final class FilterProbe {
    public static void main(String[] args) throws Exception {
        CoreNlpPipeline nlp = new CoreNlpPipeline();
        RuleBasedCoder coder = new RuleBasedCoder(nlp, KnowledgeBase.loadBundled());
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        int total = 0;
        int parsed = 0;
        long nlpNanos = 0;
        long codeNanos = 0;
        for (String line : Files.readAllLines(Path.of(args[0])).subList(0, Integer.parseInt(args[1]))) {
            String text = m.readTree(line).get("text").asText();
            long t0 = System.nanoTime();
            ParsedDocument d = nlp.parse("x", text, LocalDate.of(1987, 3, 1), coder::worthParsing);
            long t1 = System.nanoTime();
            coder.code(org.faultline.model.Article.of("x", LocalDate.of(1987, 3, 1), text));
            long t2 = System.nanoTime();
            nlpNanos += t1 - t0;
            codeNanos += t2 - t1;
            for (ParsedSentence s : d.sentences()) {
                total++;
                if (s.parsed()) {
                    parsed++;
                }
            }
        }
        System.out.printf("%d of %d sentences parsed (%.0f %%); NLP alone %.1f s, whole coder %.1f s (one thread)%n",
                parsed, total, 100.0 * parsed / total, nlpNanos / 1e9, codeNanos / 1e9);
    }
}
