package org.faultline.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Developer probe: time of each heavy annotator configuration on real text (not a test). */
public final class NerCostProbe {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0])).subList(0, Integer.parseInt(args[1]));
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> texts = lines.stream().map(l -> {
            try {
                return m.readTree(l).get("text").asText();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).toList();
        for (String config : args[2].split(",")) {
            Properties p = new Properties();
            p.setProperty("annotators", config.replace('+', ','));
            p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
            p.setProperty("ner.applyFineGrained", "false");
            p.setProperty("ner.buildEntityMentions", "false");
            if (config.contains("rules")) {
                p.setProperty("annotators", config.replace("rules", "").replace('+', ',').replaceAll(",,", ",").replaceAll(",$", ""));
                p.setProperty("ner.rulesOnly", "true");
            }
            StanfordCoreNLP nlp = new StanfordCoreNLP(p);
            int sents = 0;
            int dates = 0;
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                sents = 0;
                dates = 0;
                for (String t : texts) {
                    Annotation a = new Annotation(t);
                    a.set(CoreAnnotations.DocDateAnnotation.class, "1987-03-01");
                    nlp.annotate(a);
                    sents += a.get(CoreAnnotations.SentencesAnnotation.class).size();
                    for (var tok : a.get(CoreAnnotations.TokensAnnotation.class)) {
                        if ("DATE".equals(tok.ner())) {
                            dates++;
                        }
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (round == 1) {
                    System.out.printf("%-45s %5d sentences %6.1f s %6.1f sent/s  DATE tokens %d%n", config, sents, s, sents / s, dates);
                }
            }
        }
    }
}
