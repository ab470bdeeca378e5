package org.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.faultline.coding.ArticleCoder;
import org.faultline.gate.SimilarMeaning;
import org.faultline.store.DocumentPlace;
import org.faultline.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faultline ingest}: read, code and store articles. Idempotent and resumable: a document already stored
 * (same normalised text) is skipped before coding, and each document is stored in one transaction, so a run
 * killed halfway and restarted ends with the data of an uninterrupted run. A document whose id names another stored
 * text is stored as {@code ID~HASH}, with a warning. A document that cannot be stored is
 * that document's failure; the batch goes on (see {@link DocumentIngest}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Code articles and store documents, events, actors, evidence and failures (DuckDB by default).",
        footer = {"", "Examples:", "  faultline ingest examples/corpus", "  faultline ingest --db postgresql://faultline@127.0.0.1:5432/faultline news/"})
public final class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, or - for stdin.")
    List<String> paths;

    @Option(names = "--db", paramLabel = "URL", description = "Store: a DuckDB file (default ${DEFAULT-VALUE}) or a PostgreSQL URL.")
    String db = "faultline.duckdb";

    @Option(names = "--semantic-merge", arity = "0..1", fallbackValue = "0.55", paramLabel = "T",
            description = "Also merge reports of one event whose evidence sentences the gate's encoder finds alike "
                    + "(cosine similarity at least T, default 0.55 when given without a value), besides a shared place "
                    + "or shared words; the other conditions of the merge rule still hold. Not remembered in the store.")
    Double semanticMerge;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    CoderOptions coderOptions = new CoderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        input.check(paths);
        coderOptions.check();
        if (semanticMerge != null && !(semanticMerge > 0 && semanticMerge < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--semantic-merge is " + semanticMerge
                    + "; it must be a cosine similarity between 0 and 1 (exclusive), e.g. 0.55");
        }
        long total = countDocuments(paths);
        // the store first: a locked or unreadable store is reported before the models take their half minute
        try (EventStore store = EventStore.open(db)) {
            ArticleCoder coder = coderOptions.build(err);
            if (semanticMerge != null) {
                store.merger().mergeBySimilarMeaning(new SimilarMeaning(coderOptions.encoder(),
                        semanticMerge)::similar);
            }
            CodingBatch batch = new CodingBatch(coder, coderOptions.threads, err).expecting(total);
            DocumentIngest.Totals t = new DocumentIngest(store.writer(), batch).run(input.read(paths));
            CodingBatch.Summary sum = t.batch();
            err.printf(Locale.ROOT, "stored %d documents (%d events) in %s; %d already stored, %d failed (see: faultline failures"
                            + " --db %s); %.1f docs/s%n", t.stored(), sum.events(), db, t.alreadyStored(), sum.failed(),
                    db, sum.docsPerSecond());
            if (t.versioned() > 0) {
                err.printf("%d documents stored as ID~HASH: their id names another text stored before (see: faultline"
                        + " failures --db %s, stage %s)%n", t.versioned(), db, DocumentPlace.STAGE);
            }
            if (sum.warnings() > 0) {
                err.printf("%d warnings about parts of documents left uncoded (see: faultline failures --db %s)%n",
                        sum.warnings(), db);
            }
            return sum.failed() > 0 ? 1 : 0;
        }
    }

    /** Documents to expect, for the progress bar: files in folders, lines of JSON Lines files. */
    private static long countDocuments(List<String> paths) {
        long n = 0;
        for (String p : paths) {
            Path path = Path.of(p);
            try {
                if (p.equals("-")) {
                    return -1;
                } else if (Files.isDirectory(path)) {
                    try (Stream<Path> s = Files.walk(path)) {
                        n += s.filter(Files::isRegularFile).count();
                    }
                } else if (p.endsWith(".jsonl") || p.endsWith(".ndjson")) {
                    try (Stream<String> lines = Files.lines(path)) {
                        n += lines.filter(l -> !l.isBlank()).count();
                    }
                } else {
                    n++;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                n++;
            }
        }
        return n;
    }
}
