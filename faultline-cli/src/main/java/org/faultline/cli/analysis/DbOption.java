package org.faultline.cli.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.faultline.store.EventStore;
import org.faultline.store.StoreQueries;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code --db} option of the commands that read a store (the question commands, {@code failures},
 * {@code stories} and its subcommands, which inherit it), and the frame of their answer: open the store, which must
 * exist, write the answer in the format asked for, flush, close. A picocli mixin; not thread-safe.
 */
public final class DbOption {
    @Option(names = "--db", paramLabel = "URL", scope = ScopeType.INHERIT, description = "Store: a DuckDB file "
            + "(default ./faultline.duckdb), postgresql://user@host:port/db or a jdbc: URL. It must exist (faultline "
            + "ingest creates one).")
    String db;

    /** A question to the store's read side, answered in the forms of an {@link Answer}. */
    @FunctionalInterface
    public interface Question {
        Answer ask(StoreQueries store) throws IOException;
    }

    /** A question that needs more of the store than its read side (the story merger). */
    @FunctionalInterface
    public interface StoreQuestion {
        Answer ask(EventStore store) throws IOException;
    }

    /** Opens the store, which must exist: a mistyped --db is an error, not a new empty store. */
    public EventStore open() {
        return EventStore.openExisting(db);
    }

    /** Answers {@code question} on the command's standard output in {@code format}; returns the exit code, 0. */
    public int answer(CommandSpec spec, FormatOption format, Question question) throws IOException {
        return answerFromStore(spec, format, store -> question.ask(store.queries()));
    }

    /** As {@link #answer}, for a question that reads the whole store. */
    public int answerFromStore(CommandSpec spec, FormatOption format, StoreQuestion question) throws IOException {
        try (EventStore opened = open()) {
            format.write(spec.commandLine().getOut(), question.ask(opened));
        }
        return 0;
    }

    /**
     * As {@link #answer}, written to {@code file} (replaced, UTF-8) when it is not null; then says on standard error
     * what the file holds where the answer tells ({@link Answer#summary}). A failed write is an IOException.
     */
    public int answer(CommandSpec spec, FormatOption format, Path file, Question question) throws IOException {
        if (file == null) {
            return answer(spec, format, question);
        }
        try (EventStore opened = open()) {
            Answer answer = question.ask(opened.queries());
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                format.write(w, answer);
                if (w.checkError()) {
                    throw new IOException("cannot write " + file);
                }
            }
            if (answer.summary() != null) {
                spec.commandLine().getErr().println("wrote " + answer.summary() + " to " + file);
            }
        }
        return 0;
    }
}
