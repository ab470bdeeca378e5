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
import org.faultline.coding.RuleBasedCoder;
import org.faultline.eval.GoldSet;
import org.faultline.eval.Prediction;
import org.faultline.eval.ScoreReport;
import org.faultline.eval.Scorer;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
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
                + "--gold ../shared/eval/acled/dev.gold.jsonl --out acled.pred.jsonl"})
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

    @Mixin
    CoderOptions coderOptions = new CoderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Usage.atLeast(spec, "--misses", misses, 0);
        Usage.inputsExist(spec, List.of(docs.toString(), gold.toString()));
        Usage.writable(spec, "--out", out);
        coderOptions.check();
        GoldSet goldSet = GoldSet.load(gold);
        RuleBasedCoder coder = coderOptions.build(err);
        List<Prediction> predictions = new ArrayList<>();
        BufferedWriter w = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        InputOptions input = new InputOptions();
        CodingBatch.Summary sum = new CodingBatch(coder, coderOptions.threads, err).run(input.read(List.of(docs.toString())),
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
        PrintWriter o = spec.commandLine().getOut();
        o.println(json ? report.toJson() : report.toText(misses));
        o.flush();
        err.printf(Locale.ROOT, "coded %d documents (%d failed) in %.1f s%n", sum.documents(), sum.failed(), sum.seconds());
        return sum.failed() > 0 ? 1 : 0;
    }
}
