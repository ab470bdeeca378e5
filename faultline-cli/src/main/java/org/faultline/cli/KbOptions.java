package org.faultline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faultline.coding.kb.KbException;
import org.faultline.coding.kb.KbOverlay;
import org.faultline.coding.kb.KnowledgeBase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that choose the knowledge base: {@code --kb DIR} (else the directory {@code FAULTLINE_KB} names)
 * laid over the bundled one, and {@code --actors FILE} organisation files on top. A bad overlay or actors file is
 * a usage error (exit 2) naming every bad row as file:line.
 */
public final class KbOptions {
    @Option(names = "--kb", paramLabel = "DIR", description = "Overlay knowledge base: a directory of countries.tsv, "
            + "organisations.tsv, leaders.tsv/ministers.tsv/offices.tsv, titles.tsv, places.tsv (the bundled "
            + "formats); rows with a bundled id replace it, new ids add. Default: the directory the environment "
            + "variable " + KbOverlay.ENV + " names, else none.")
    Path kbDir;

    @Option(names = "--actors", paramLabel = "FILE",
            description = "Extra or overriding actor entries (TSV with the columns of organisations.tsv); repeatable.")
    List<Path> actorFiles = new ArrayList<>();

    /** The overlay directory in effect: {@code --kb}, else {@value KbOverlay#ENV} of {@code env}. */
    Optional<Path> overlayDir(Map<String, String> env) {
        return kbDir != null ? Optional.of(kbDir) : KbOverlay.fromEnvironment(env);
    }

    /** Usage errors for a missing overlay directory or actors file; call before opening a store. {@code mixee} is the command, for the usage message. */
    public void check(CommandSpec mixee) {
        overlayDir(System.getenv()).ifPresent(d -> {
            if (!d.toFile().isDirectory()) {
                throw new ParameterException(mixee.commandLine(), (kbDir != null ? "--kb " : KbOverlay.ENV + "=")
                        + d + ": no such directory");
            }
        });
        for (Path p : actorFiles) {
            if (!p.toFile().isFile()) {
                throw new ParameterException(mixee.commandLine(), "--actors " + p + ": no such file");
            }
        }
    }

    /** The bundled knowledge base with the overlay and actors files; bad rows are a usage error. */
    public KnowledgeBase load(CommandSpec mixee) throws IOException {
        check(mixee);
        try {
            return org.faultline.coding.Coders.knowledgeBase(overlayDir(System.getenv()), actorFiles);
        } catch (KbException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // a bad row of an --actors file: the message names file:line
            throw new ParameterException(mixee.commandLine(), "--actors: " + e.getMessage());
        }
    }
}
