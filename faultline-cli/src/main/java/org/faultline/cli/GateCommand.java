package org.faultline.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.faultline.gate.HeadTrainer;
import org.faultline.gate.RelevanceHead;
import org.faultline.gate.SentenceEncoder;
import org.faultline.gate.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code faultline gate}: the relevance gate's view of sentences, and the rebuild of its head. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "The relevance gate: score sentences with its head, rebuild the head from its training files.",
        subcommands = {GateCommand.Score.class, GateCommand.Train.class, GateCommand.Calibrate.class},
        footer = {"", "Examples:", "  faultline gate score \"Israeli aircraft struck targets in Lebanon.\"",
            "  faultline gate train faultline-gate/src/main/resources/org/faultline/gate",
            "  faultline gate calibrate faultline-gate/src/main/resources/org/faultline/gate"})
public final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "gate needs a subcommand: score or train");
    }

    /** {@code faultline gate score}: probability and likely types, one line per sentence (arguments or stdin lines). */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Print the head's probability that each sentence reports a political event, and the three "
                    + "most likely PLOVER types. Sentences are the arguments, or the lines of standard input.")
    static final class Score implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "SENTENCE")
        List<String> sentences;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<String> in = sentences != null && !sentences.isEmpty() ? sentences
                    : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            SentenceEncoder encoder = new SentenceEncoder();
            RelevanceHead head = RelevanceHead.bundled();
            PrintWriter out = spec.commandLine().getOut();
            for (String s : in) {
                float[] e = encoder.embed(s);
                out.printf(Locale.ROOT, "%.3f\t%s\t%s%n", head.probability(e), head.likelyTypes(e).stream().limit(3)
                        .map(Enum::name).collect(Collectors.joining(",")), s);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code faultline gate train DIR}: rebuilds {@code relevance-head.json} from {@code DIR/train/}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Rebuild relevance-head.json in DIR from the training files under DIR/train/ (deterministic; "
                    + "keeps the threshold the current head records unless --threshold is given).")
    static final class Train implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The gate's resource folder, "
                + "faultline-gate/src/main/resources/org/faultline/gate.")
        Path dir;

        @Option(names = "--threshold", paramLabel = "T", description = "The threshold to record (see gate calibrate).")
        Double threshold;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Usage.inputsExist(spec, List.of(dir.resolve("train").toString()));
            Path out = dir.resolve("relevance-head.json");
            double threshold = this.threshold != null ? this.threshold
                    : Files.exists(out) ? RelevanceHead.read(Files.newInputStream(out)).threshold() : 0.5;
            RelevanceHead head = HeadTrainer.train(TrainingSet.read(dir, HeadTrainer.FILES), new SentenceEncoder(),
                    threshold);
            Files.writeString(out, head.toJson(), StandardCharsets.UTF_8);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s, %d event and %d no-event sentences, "
                            + "threshold %.2f%n", out, head.name(), head.provenance().events(),
                    head.provenance().noEvents(), head.threshold());
            return 0;
        }
    }

    /** {@code faultline gate calibrate DIR}: the threshold from out-of-fold probabilities on the training files. */
    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = "Cross-validate the head on its own training files (5 folds dealt by position, no "
                    + "randomness) and print, per threshold, the share of event sentences kept and of no-event "
                    + "sentences refused, and the highest threshold that keeps --recall of the event sentences.")
    static final class Calibrate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The gate's resource folder.")
        Path dir;

        @Option(names = "--recall", paramLabel = "R", description = "Out-of-fold recall of event sentences to keep "
                + "(default ${DEFAULT-VALUE}).")
        double recall = 0.97;

        @Option(names = "--folds", paramLabel = "K", description = "Folds (default ${DEFAULT-VALUE}).")
        int folds = 5;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Usage.inputsExist(spec, List.of(dir.resolve("train").toString()));
            Usage.atLeast(spec, "--folds", folds, 2);
            TrainingSet set = TrainingSet.read(dir, HeadTrainer.FILES);
            double[] p = HeadTrainer.crossValidated(set, new SentenceEncoder(), folds);
            PrintWriter out = spec.commandLine().getOut();
            out.println("threshold\tevents kept\tno-events refused");
            for (int k = 5; k <= 50; k += 5) {
                double t = k / 100.0;
                int ev = 0;
                int kept = 0;
                int none = 0;
                int refused = 0;
                for (int i = 0; i < p.length; i++) {
                    if (set.examples().get(i).event()) {
                        ev++;
                        kept += p[i] >= t ? 1 : 0;
                    } else {
                        none++;
                        refused += p[i] < t ? 1 : 0;
                    }
                }
                out.printf(Locale.ROOT, "%.2f\t%.3f (%d/%d)\t%.3f (%d/%d)%n", t, (double) kept / ev, kept, ev,
                        (double) refused / none, refused, none);
            }
            out.printf(Locale.ROOT, "highest threshold keeping %.3f of the event sentences: %.2f%n", recall,
                    HeadTrainer.calibrate(set, p, recall));
            out.flush();
            return 0;
        }
    }
}
