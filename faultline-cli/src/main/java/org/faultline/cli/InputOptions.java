package org.faultline.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.PublicationDates;
import org.faultline.ingest.ReadOptions;
import org.faultline.ingest.ReadOutcome;
import picocli.CommandLine.Option;

/** Options for reading articles. */
public final class InputOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Article date for inputs that carry none (front matter and JSON dates win).")
    LocalDate date;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Documents larger than this fail (default 5 MB).")
    long maxBytes = ReadOptions.DEFAULT_MAX_BYTES;

    /**
     * Refuses an implausible {@code --date}, a {@code --max-bytes} below 1 and input paths that do not exist as
     * usage errors; call before loading the models.
     *
     * @throws picocli.CommandLine.ParameterException naming the option or path and what is accepted
     */
    public void check(List<String> paths) {
        if (mixee == null) {
            return;
        }
        if (date != null) {
            PublicationDates.implausible(date).ifPresent(reason -> {
                throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--date: " + reason);
            });
        }
        Usage.atLeast(mixee, "--max-bytes", maxBytes, 1);
        Usage.inputsExist(mixee, paths);
    }

    public Stream<ReadOutcome> read(List<String> paths) {
        ReadOptions o = ReadOptions.defaults().withMaxBytes(maxBytes);
        if (date != null) {
            o = o.withDefaultDate(date);
        }
        return ArticleReaders.read(paths, o);
    }
}
