package org.faultline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code faultline} command. Exit codes: 0 ok, 1 failure (some documents failed, or the store that {@code --db}
 * names does not exist: only {@code ingest} and {@code import-parquet} create one), 2 usage error.
 */
@Command(name = "faultline", mixinStandardHelpOptions = true, version = "faultline 0.1.0",
        description = "News reporting to auditable PLOVER event data and alliance/conflict networks.",
        subcommands = {CodeCommand.class, IngestCommand.class, ImportParquetCommand.class, ExportDbCommand.class,
            EvalCommand.class,
            BenchCommand.class, ServeCommand.class, WatchCommand.class, KbCommand.class, GateCommand.class,
            org.faultline.cli.analysis.EventsCommand.class, org.faultline.cli.analysis.DyadCommand.class,
            org.faultline.cli.analysis.NetworkCommand.class, org.faultline.cli.analysis.BlocsCommand.class,
            org.faultline.cli.analysis.BridgesCommand.class, org.faultline.cli.analysis.FaultlinesCommand.class,
            org.faultline.cli.analysis.BriefCommand.class,
            org.faultline.cli.analysis.NovelCommand.class, org.faultline.cli.analysis.StoriesCommand.class,
            org.faultline.cli.analysis.FailuresCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Example:", "  faultline code --date 2024-11-14 examples/column.txt"})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                true));
        cl.registerConverter(java.time.LocalDate.class, new Usage.DateConverter());
        // usage errors are picocli's ParameterException (exit 2, see Usage); anything else thrown is a failure
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("faultline: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }
}
