package org.faultline.cli.analysis;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --format} option of the question and knowledge-base commands, a picocli mixin ({@code @Mixin FormatOption.Tables format}):
 * one subclass per set of formats that commands accept, the first the default, declaring the option once with the
 * help text that names them. A name outside the set is a usage error (exit 2) while the command line is parsed,
 * before a store is opened, naming the accepted ones. The subclasses differ only in their formats and help text:
 * picocli reads the help text from the annotation, a constant, so each set of formats has its own. What a command
 * writes in the chosen format is its {@link Answer}'s ({@link #write}). Not thread-safe (one per parsed command line).
 */
public abstract class FormatOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private final List<Format> accepted;
    private Format format;

    private FormatOption(Format... accepted) {
        this.accepted = List.of(accepted);
        this.format = accepted[0];
    }

    /** The format asked for, or the default. */
    public Format get() {
        return format;
    }

    /** The formats this option accepts, the default first. */
    public List<Format> accepted() {
        return accepted;
    }

    /**
     * Writes {@code answer} in the format asked for (see {@link Answer#write}) and flushes {@code out}: the one
     * switch over the formats of the commands' answers.
     */
    public void write(PrintWriter out, Answer answer) {
        answer.write(format, out);
        out.flush();
    }

    /** The evidence events an answer shows, {@code asked}, or none for CSV, which has no column for them. */
    public int evidence(int asked) {
        return format == Format.CSV ? 0 : asked;
    }

    final void parse(String name) {
        try {
            format = Format.parse(name, accepted.toArray(Format[]::new));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--format: " + e.getMessage());
        }
    }

    /** table, json or csv: most questions. */
    public static final class Tables extends FormatOption {
        public Tables() {
            super(Format.TABLE, Format.JSON, Format.CSV);
        }

        @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json or csv.")
        void format(String name) {
            parse(name);
        }
    }

    /** table or json: answers with no rows to put in CSV ({@code stories show}). */
    public static final class TableOrJson extends FormatOption {
        public TableOrJson() {
            super(Format.TABLE, Format.JSON);
        }

        @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
        void format(String name) {
            parse(name);
        }
    }

    /** The event listings: also JSON Lines, GDELT 2.0 rows and Parquet. */
    public static final class Events extends FormatOption {
        public Events() {
            super(Format.TABLE, Format.JSON, Format.JSONL, Format.CSV, Format.GDELT, Format.PARQUET);
        }

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "table (default), json, jsonl, csv, gdelt or parquet.")
        void format(String name) {
            parse(name);
        }
    }

    /** The network: also the graph files GraphML, GEXF and DOT. */
    public static final class Network extends FormatOption {
        public Network() {
            super(Format.TABLE, Format.JSON, Format.CSV, Format.GRAPHML, Format.GEXF, Format.DOT);
        }

        @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, csv, graphml, gexf or dot.")
        void format(String name) {
            parse(name);
        }
    }

    /** text or json: the knowledge-base commands ({@code kb who}, {@code find}, {@code check}, {@code stats}). */
    public static final class TextOrJson extends FormatOption {
        public TextOrJson() {
            super(Format.TEXT, Format.JSON);
        }

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
        void format(String name) {
            parse(name);
        }
    }

    /** A briefing: a self-contained HTML page or Markdown. */
    public static final class Brief extends FormatOption {
        public Brief() {
            super(Format.HTML, Format.MD);
        }

        @Option(names = "--format", paramLabel = "FORMAT", description = "html (default) or md.")
        void format(String name) {
            parse(name);
        }
    }
}
