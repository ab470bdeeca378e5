package org.faultline.coding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.faultline.coding.actors.MentionFinder;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.model.Article;
import org.faultline.model.EventJson;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/** Developer aid: prints the parse, mentions and events of sentences given as arguments or lines of a file. */
public final class ExplainMain {
    public static void main(String[] args) throws Exception {
        CoreNlpPipeline nlp = new CoreNlpPipeline();
        KnowledgeBase kb = KnowledgeBase.loadBundled();
        RuleBasedCoder coder = new RuleBasedCoder(nlp, kb);
        MentionFinder mf = new MentionFinder(kb);
        java.util.List<String> texts = args[0].startsWith("@") ? Files.readAllLines(Path.of(args[0].substring(1)))
                : java.util.List.of(args);
        LocalDate date = LocalDate.parse(System.getProperty("date", "2022-06-01"));
        for (String text : texts) {
            ParsedDocument d = nlp.parse("x", text, date, s -> true);
            for (ParsedSentence s : d.sentences()) {
                for (Token t : s.tokens()) {
                    System.out.printf("%d\t%s\t%s\t%s\t%s\t%d\t%s%n", t.index(), t.word(), t.lemma(), t.pos(), t.ner(),
                            s.head(t.index()), s.relation(t.index()));
                }
                MentionFinder.Found f = mf.find(s, text, date);
                f.mentions().forEach(m -> System.out.println("  M " + m.text() + " " + m.code() + "/" + m.sector() + " " + m.source() + " " + m.rule()));
                f.places().forEach(p -> System.out.println("  P " + p.text() + " " + p.place()));
            }
            coder.code(Article.of("x", date, text)).events().forEach(e -> System.out.println("  E " + e.eventType()
                    + " " + e.actor().stream().map(a -> a.code() + "/" + a.sector() + ":" + a.text()).toList() + " -> "
                    + e.recipient().stream().map(a -> a.code() + "/" + a.sector() + ":" + a.text()).toList() + " "
                    + e.modality() + " " + e.date() + " " + e.rule()));
            System.out.println();
        }
    }
}
