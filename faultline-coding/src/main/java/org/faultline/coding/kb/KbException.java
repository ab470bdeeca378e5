package org.faultline.coding.kb;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An overlay knowledge base that cannot be loaded; the message lists every problem as {@code file:line: what}.
 * Nothing of the overlay is used when this is thrown.
 */
public final class KbException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<KbProblem> problems;

    public KbException(String what, List<KbProblem> problems) {
        super(what + (problems.isEmpty() ? "" : ":\n  " + problems.stream().map(KbProblem::toString)
                .collect(Collectors.joining("\n  "))));
        this.problems = List.copyOf(problems);
    }

    public List<KbProblem> problems() {
        return problems;
    }
}
