package org.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.faultline.coding.ArticleCoder;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faultline code}: print every event in the given articles. */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Code articles (text, HTML, JSON Lines, folders, - for stdin) into PLOVER events.",
        footer = {"", "Examples:", "  faultline code --date 2024-11-14 examples/column.txt",
                "  faultline code --format tsv examples/corpus/ > events.tsv",
                "  cat docs.jsonl | faultline code -"})
public final class CodeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, or - for stdin.")
    List<String> paths;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    CoderOptions coderOptions = new CoderOptions();

    @Option(names = "--narrative", paramLabel = "N", description = "JSON Lines records whose ids are one narrative's "
            + "sentences in order (crisis-c002-s005, crisis-c002-s006: a shared stem and a rising -sNNN) are coded each "
            + "after the text of up to N records of the narrative before it, read for context (who 'it' or 'the "
            + "regime' is) but not coded; 0 codes every record alone (default: ${DEFAULT-VALUE}, as eval).")
    int narrative = 8;

    @Option(names = "--format", description = "jsonl (one event per line, default) or tsv.")
    Format format = Format.jsonl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write events here instead of stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    enum Format { jsonl, tsv }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        input.check(paths);
        coderOptions.check();
        Usage.atLeast(spec, "--narrative", narrative, 0);
        Usage.writable(spec, "--output", output);
        ArticleCoder coder = coderOptions.build(err);
        // stdout belongs to the caller (picocli's writer, which tests may replace): flush it, never close it
        PrintWriter out = output == null ? spec.commandLine().getOut()
                : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        try {
            if (format == Format.tsv) {
                out.println(EventTsv.HEADER);
            }
            org.faultline.eval.Narratives narratives = new org.faultline.eval.Narratives(narrative);
            CodingBatch batch = new CodingBatch(coder, coderOptions.threads, err).printingWarnings()
                    .withPreceding(a -> narratives.next(a.id(), a.text()));
            CodingBatch.Summary sum = batch.run(input.read(paths), item -> {
                if (item.result() == null || item.result().failed()) {
                    return null;
                }
                for (Event e : item.result().events()) {
                    out.println(format == Format.tsv ? EventTsv.row(e) : EventJson.toLine(e));
                }
                out.flush();
                if (out.checkError()) {
                    throw new UncheckedIOException(new IOException("cannot write output"));
                }
                return null;
            });
            err.printf(Locale.ROOT, "coded %d documents, %d events, %d failed (%.1f s, %.1f docs/s, %.1f sentences/s)%n",
                    sum.documents() - sum.failed(), sum.events(), sum.failed(), sum.seconds(), sum.docsPerSecond(),
                    sum.sentencesPerSecond());
            return sum.failed() > 0 ? 1 : 0;
        } finally {
            out.flush();
            if (output != null) {
                out.close();
            }
        }
    }
}
