package org.faultline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors (exit code 2) in the user's words: an option value a domain type refuses, a number out of range, an
 * output file that cannot be written, an input that does not exist. Commands call these at the start of
 * {@code call()}, before opening a store or loading the NLP models; each throws picocli's
 * {@link ParameterException}, which prints the message and the command's usage.
 */
public final class Usage {
    private Usage() {
    }

    /**
     * The value {@code parse} makes of an option; its {@link IllegalArgumentException} (whose message names the
     * accepted values) becomes a usage error naming {@code option}.
     */
    public static <T> T option(CommandSpec spec, String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** A usage error unless {@code value >= min}. */
    public static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " is " + value + "; it must be "
                    + (min == 0 ? "0 or more" : "at least " + min));
        }
    }

    /** A usage error unless {@code file} (when given) can be created or overwritten. */
    public static void writable(CommandSpec spec, String option, Path file) {
        if (file == null) {
            return;
        }
        Path abs = file.toAbsolutePath();
        Path folder = abs.getParent();
        String problem = null;
        if (Files.isDirectory(abs)) {
            problem = "is a folder, not a file";
        } else if (Files.exists(abs) && !Files.isWritable(abs)) {
            problem = "cannot be written (no permission)";
        } else if (folder == null || !Files.isDirectory(folder)) {
            problem = "cannot be created: the folder " + folder + " does not exist";
        } else if (!Files.exists(abs) && !Files.isWritable(folder)) {
            problem = "cannot be created: no permission to write in " + folder;
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " " + problem);
        }
    }

    /** A usage error naming every input path (other than {@code -}, standard input) that does not exist. */
    public static void inputsExist(CommandSpec spec, List<String> paths) {
        List<String> missing = paths.stream().filter(p -> !p.equals("-") && !Files.exists(Path.of(p))).toList();
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), (missing.size() == 1 ? "no such file or folder: "
                    : "no such files or folders: ") + String.join(", ", missing));
        }
    }

    /** Dates on the command line: YYYY-MM-DD, refused in the user's words (picocli's own says DateTimeParseException). */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date like 2024-06-19");
            }
        }
    }
}
