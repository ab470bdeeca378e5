package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One answer of a command in the forms it can take: the JSON view of the analysis (the API's answer to the same
 * question), the text a person reads in a terminal, and, for answers that have rows, the CSV. {@link #write} is the
 * one place where the formats are told apart: a command states its options and its query, and hands the answer to
 * {@link FormatOption#write}, which has already refused a format the command does not accept. An answer gives the
 * forms of the formats its command accepts (asking for another is an {@link UnsupportedOperationException}).
 * Implementations are small records over an analysis's result, built and written while the store is open (a JSON
 * view may read from it).
 */
public interface Answer {
    /** The JSON of {@code --format json}. */
    default JsonNode json() {
        throw none("json");
    }

    /** The text of {@code --format table} (or {@code text}): headings, aligned tables, evidence lines. */
    default void text(PrintWriter out) {
        throw none("table");
    }

    /** The rows of {@code --format csv}. */
    default Table csv() {
        throw none("csv");
    }

    /** What a file of this answer holds ("12 actors and 30 edges"), said once it is written; null: nothing said. */
    default String summary() {
        return null;
    }

    /**
     * Writes this answer in {@code format}. An answer with formats of its own (graph files, GDELT rows, a briefing's
     * HTML) overrides this for those and leaves the others to {@code Answer.super.write}.
     */
    default void write(Format format, PrintWriter out) {
        switch (format) {
            case JSON -> Output.json(out, json());
            case CSV -> Output.csv(out, csv());
            case TABLE, TEXT -> text(out);
            default -> throw none(format.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * An answer with no rows: {@code json}, a value Jackson writes as it is (maps, lists, strings, numbers), and
     * {@code text}. For the knowledge-base commands ({@code --format text} or {@code json}).
     */
    static Answer of(Object json, Consumer<PrintWriter> text) {
        return new Answer() {
            @Override
            public JsonNode json() {
                return Output.JSON.valueToTree(json);
            }

            @Override
            public void text(PrintWriter out) {
                text.accept(out);
            }
        };
    }

    private UnsupportedOperationException none(String form) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " has no " + form + " form");
    }
}
