package org.faultline.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.faultline.coding.ArticleCoder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.faultline.eval.DevSplit;
import org.faultline.eval.GoldSet;
import org.faultline.eval.Narratives;
import org.faultline.eval.Prediction;
import org.faultline.eval.ScoreReport;
import org.faultline.eval.Scorer;
import org.faultline.gate.RelevanceGate;
import org.faultline.model.Event;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.EventJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faultline eval}: code gold documents and score the events against the gold. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Code the documents of a gold set and print precision, recall and F1 (type; type+actor+recipient;"
                + " actor+recipient), a per-type table and the misses. Figures equal ../shared/tools/score_events.py.",
        footer = {"", "Example:", "  faultline eval --docs ../shared/eval/acled/dev.docs.jsonl "
                + "--gold ../shared/eval/acled/dev.gold.jsonl --out acled.pred.jsonl",
                "  faultline eval --split halves --docs ../shared/eval/icbe/dev.docs.jsonl "
                + "--gold ../shared/eval/icbe/dev.gold.jsonl   # tune and check half side by side", "",
                "Halves: a document is in the tune half when the first byte of the SHA-256 of its id (less a trailing"
                + " -sNNN sentence number) is even, else in the check half. Read misses only on the tune half."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--docs", required = true, paramLabel = "FILE", description = "Documents (JSON Lines).")
    Path docs;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold events (JSON Lines).")
    Path gold;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the predicted events here (JSON Lines).")
    Path out;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--misses", paramLabel = "N", description = "How many misses and false positives to list (default 20).")
    int misses = ScoreReport.DEFAULT_LISTED;

    @Option(names = "--split", paramLabel = "WHICH", description = "Which documents to code and score: all "
            + "(default), tune, check, or halves (both halves, each scored on its own, then all).")
    String split = "all";

    @Option(names = "--narrative", paramLabel = "N", description = "Records whose ids are one narrative's sentences "
            + "in order (icbe-c002-s005, icbe-c002-s006: a shared stem and a rising -sNNN) are coded each after the "
            + "text of up to N records of the narrative before it, read for context (who 'it' or 'the regime' is) "
            + "but not coded; 0 codes every record alone (default: ${DEFAULT-VALUE}).")
    int narrative = 8;

    @Mixin
    CoderOptions coderOptions = new CoderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Usage.atLeast(spec, "--misses", misses, 0);
        Usage.atLeast(spec, "--narrative", narrative, 0);
        Usage.inputsExist(spec, List.of(docs.toString(), gold.toString()));
        Usage.writable(spec, "--out", out);
        coderOptions.check();
        boolean halves = split.trim().equalsIgnoreCase("halves");
        DevSplit only;
        try {
            only = halves ? DevSplit.ALL : DevSplit.parse(split);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split: unknown value '" + split
                    + "'; expected all, tune, check or halves");
        }
        GoldSet goldSet = GoldSet.load(gold).restrictedTo(only);
        CoderOptions.Built built = coderOptions.buildBoth(err);
        PrintWriter o = spec.commandLine().getOut();
        int[] failed = {0};
        if (built.gated() == null) {
            ObjectNode report = score(built.ungated(), goldSet, only, halves, out, o, err, failed);
            if (json) {
                o.println(ScoreReport.toJson(report));
            }
        } else {
            // the same documents with the gate off, then on: the figures side by side, one model load
            if (!json) {
                o.println("#### gate off");
            }
            ObjectNode off = score(built.ungated(), goldSet, only, halves, null, o, err, failed);
            if (!json) {
                o.println("#### gate on: " + built.gate().description());
            }
            ObjectNode on = score(built.gated(), goldSet, only, halves, out, o, err, failed);
            RelevanceGate.Counts c = built.gate().counts();
            if (json) {
                // one JSON document: both reports and the gate's decisions
                ObjectNode both = JsonNodeFactory.instance.objectNode();
                both.set("gate_off", off);
                both.set("gate_on", on);
                ObjectNode g = both.putObject("gate");
                g.put("description", built.gate().description());
                g.put("threshold", built.gate().threshold());
                g.put("sentences_asked", c.asked());
                g.put("sentences_parsed", c.passed());
                g.put("sentences_certain", c.certain());
                g.put("sentences_not_parsed", c.asked() - c.passed());
                o.println(ScoreReport.toJson(both));
            } else {
                o.printf(Locale.ROOT, "gate: %d sentences kept by the rules' filter, %d of them parsed (%d for a "
                        + "certain trigger), %d not parsed%n", c.asked(), c.passed(), c.certain(),
                        c.asked() - c.passed());
            }
        }
        o.flush();
        return failed[0] > 0 ? 1 : 0;
    }

    /**
     * Codes the documents of the split with one coder, prints its scores as text (unless {@code --json}) and adds
     * the failed documents to {@code failed[0]}.
     *
     * @return the report as JSON: with {@code --split halves}, an object of the tune half, the check half and all
     */
    private ObjectNode score(ArticleCoder coder, GoldSet goldSet, DevSplit only, boolean halves, Path outFile,
                             PrintWriter o, PrintWriter err, int[] failed) throws IOException {
        List<Prediction> predictions = new ArrayList<>();
        BufferedWriter w = outFile == null ? null : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
        InputOptions input = new InputOptions();
        Narratives narratives = new Narratives(narrative);
        java.util.Map<String, String> preceding = new java.util.HashMap<>();
        // (the warnings name each sentence left uncoded: a sentence the rules could not handle is a coder bug that
        // the scores would otherwise hide)
        CodingBatch.Summary sum = new CodingBatch(coder, coderOptions.threads, err).printingWarnings()
                .withPreceding(a -> preceding.remove(a.id())).run(input.read(List.of(docs.toString()))
                        .peek(r -> {
                            // (in file order, before the split's filter: a narrative is the file's)
                            if (r instanceof ReadOutcome.Read read) {
                                preceding.put(read.article().id(),
                                        narratives.next(read.article().id(), read.article().text()));
                            }
                        })
                        .filter(r -> !(r instanceof ReadOutcome.Read read) || only.contains(read.article().id())),
                item -> {
                    if (item.result() == null || item.result().failed()) {
                        return null;
                    }
                    for (Event e : item.result().events()) {
                        predictions.add(Prediction.fromEvent(e));
                        if (w != null) {
                            try {
                                w.write(EventJson.toLine(e));
                                w.newLine();
                            } catch (IOException ex) {
                                throw new UncheckedIOException(ex);
                            }
                        }
                    }
                    return null;
                });
        if (w != null) {
            w.close();
        }
        ScoreReport report = Scorer.score(goldSet, predictions);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (halves) {
            for (DevSplit half : List.of(DevSplit.TUNE, DevSplit.CHECK)) {
                GoldSet g = goldSet.restrictedTo(half);
                List<Prediction> p = predictions.stream().filter(x -> x.docId() != null && half.contains(x.docId())).toList();
                ScoreReport r = Scorer.score(g, p);
                String name = half.name().toLowerCase(Locale.ROOT);
                if (json) {
                    node.set(name, r.toJsonNode());
                } else {
                    o.println("== " + name + " half (" + g.size() + " documents)\n"
                            + r.toText(half == DevSplit.TUNE ? misses : 0));
                }
            }
            if (json) {
                node.set("all", report.toJsonNode());
            } else {
                o.println("== all (" + goldSet.size() + " documents)");
            }
        } else {
            node = report.toJsonNode();
        }
        if (!json) {
            // the check half only measures: its misses are not listed, so that nobody writes rules from them
            o.println(report.toText(halves || only == DevSplit.CHECK ? 0 : misses));
        }
        o.flush();
        err.printf(Locale.ROOT, "coded %d documents (%d failed, %d warnings) in %.1f s%n", sum.documents(),
                sum.failed(), sum.warnings(), sum.seconds());
        err.flush();
        failed[0] += sum.failed();
        return node;
    }
}
