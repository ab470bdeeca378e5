package org.faultline.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Stanford CoreNLP in two passes: a cheap pass (tokenize, ssplit, pos, lemma) over the whole document, then
 * NER with SUTime and the neural dependency parser only on the sentences a caller-supplied filter keeps.
 * Both pipelines are built once and shared; {@link #parse} is safe to call from several threads.
 *
 * <p>Annotator choice (measured, see BENCHMARKS.md): the 3-class CRF NER model without fine-grained
 * gazetteers (our own knowledge base resolves countries, cities and titles) plus the numeric classifiers that
 * carry SUTime; the UD neural dependency parser rather than a constituency parser.
 */
public final class CoreNlpPipeline implements NlpPipeline {
    private static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final StanfordCoreNLP light;
    private final StanfordCoreNLP heavy;

    public CoreNlpPipeline() {
        Properties lp = new Properties();
        lp.setProperty("annotators", "tokenize,ssplit,pos,lemma");
        lp.setProperty("tokenize.language", "en");
        lp.setProperty("tokenize.options", "untokenizable=noneKeep");
        lp.setProperty("ssplit.newlineIsSentenceBreak", "two");
        lp.setProperty("pos.maxlen", String.valueOf(MAX_PARSE_TOKENS));
        light = new StanfordCoreNLP(lp);

        Properties hp = new Properties();
        hp.setProperty("annotators", "ner,depparse");
        hp.setProperty("ner.model", NER_MODEL);
        hp.setProperty("ner.applyFineGrained", "false");
        hp.setProperty("ner.buildEntityMentions", "false");
        hp.setProperty("ner.useSUTime", "true");
        hp.setProperty("ner.applyNumericClassifiers", "true");
        hp.setProperty("depparse.maxlen", String.valueOf(MAX_PARSE_TOKENS));
        heavy = new StanfordCoreNLP(hp, false);
    }

    @Override
    public String description() {
        return "corenlp-4.5.10[tokenize,ssplit,pos,lemma|filter|ner(3class,sutime),depparse(UD)]";
    }

    @Override
    public ParsedDocument parse(String docId, String text, LocalDate date, Predicate<ParsedSentence> worthParsing) {
        Annotation doc = new Annotation(text);
        doc.set(CoreAnnotations.DocDateAnnotation.class, date.toString());
        light.annotate(doc);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<CoreMap> selected = new ArrayList<>();
        List<ParsedSentence> out = new ArrayList<>(sentences.size());
        boolean[] keep = new boolean[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            ParsedSentence shallow = convert(i, sentences.get(i), false);
            int retag = FiniteVerbRepair.pick(shallow.tokens());
            if (retag >= 0) {
                // a past tense the tagger read as a participle, retagged before the filter and the parse read it
                sentences.get(i).get(CoreAnnotations.TokensAnnotation.class).get(retag).setTag("VBD");
                shallow = convert(i, sentences.get(i), false);
            }
            if (InitialNounRepair.pick(shallow.tokens()) == 0) {
                // a plural noun opening the sentence that the tagger read as a verb ("Offers of help were ...")
                sentences.get(i).get(CoreAnnotations.TokensAnnotation.class).get(0).setTag("NNS");
                shallow = convert(i, sentences.get(i), false);
            }
            List<Integer> infinitives = InfinitiveRepair.pick(shallow.tokens());
            if (!infinitives.isEmpty()) {
                // an infinitive's verb that the tagger read as a noun ("intends to annex the islands")
                List<CoreLabel> labels = sentences.get(i).get(CoreAnnotations.TokensAnnotation.class);
                for (int k : infinitives) {
                    labels.get(k - 1).setTag("TO");
                    labels.get(k).setTag("VB");
                }
                shallow = convert(i, sentences.get(i), false);
            }
            out.add(shallow); // final for sentences the filter drops; the kept ones are converted again after parsing
            if (shallow.size() > 0 && shallow.size() <= MAX_PARSE_TOKENS && worthParsing.test(shallow)) {
                keep[i] = true;
                selected.add(sentences.get(i));
            }
        }
        if (!selected.isEmpty()) {
            Annotation sub = new Annotation(text);
            sub.set(CoreAnnotations.DocDateAnnotation.class, date.toString());
            sub.set(CoreAnnotations.SentencesAnnotation.class, selected);
            List<CoreLabel> tokens = new ArrayList<>();
            for (CoreMap s : selected) {
                tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
            }
            sub.set(CoreAnnotations.TokensAnnotation.class, tokens);
            heavy.annotate(sub);
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (keep[i]) {
                out.set(i, convert(i, sentences.get(i), true));
            }
        }
        return new ParsedDocument(docId, text, date, out);
    }

    /** Month names that are also common words, in the lower case that only the common word is written in. */
    private static final Set<String> WORD_MONTHS = Set.of("march", "may", "august");

    private static ParsedSentence convert(int index, CoreMap sentence, boolean parsed) {
        List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<Token> tokens = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel l = labels.get(i);
            String word = l.originalText() != null ? l.originalText() : l.word();
            String lemma = l.lemma() == null ? word.toLowerCase(Locale.ROOT) : l.lemma().toLowerCase(Locale.ROOT);
            String ner = parsed && l.ner() != null ? l.ner() : "O";
            String norm = parsed ? l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class) : null;
            if (WORD_MONTHS.contains(word)) {
                // SUTime reads "their march on the capital" as the month: a month's name is written capitalised
                ner = "O";
                norm = null;
            }
            tokens.add(new Token(i, word, lemma, l.tag() == null ? "XX" : l.tag(), ner, norm, l.beginPosition(),
                    l.endPosition()));
        }
        List<Dependency> deps = new ArrayList<>();
        if (parsed) {
            SemanticGraph g = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (g != null) {
                for (IndexedWord root : g.getRoots()) {
                    deps.add(new Dependency(-1, root.index() - 1, "root"));
                }
                for (SemanticGraphEdge e : g.edgeIterable()) {
                    deps.add(new Dependency(e.getGovernor().index() - 1, e.getDependent().index() - 1,
                            e.getRelation().toString()));
                }
            } else {
                parsed = false;
            }
        }
        int start = tokens.isEmpty() ? sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class)
                : tokens.get(0).start();
        int end = tokens.isEmpty() ? sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)
                : tokens.get(tokens.size() - 1).end();
        return new ParsedSentence(index, start, end, tokens, parsed ? GerundRepair.apply(tokens, deps) : deps, parsed);
    }
}
