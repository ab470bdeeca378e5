package org.faultline.coding.kb;

import java.util.Objects;

/**
 * One thing wrong with a knowledge-base file.
 *
 * @param where   {@code file:line}, or the file alone for a problem with the whole file
 * @param message what is wrong and what is accepted
 */
public record KbProblem(String where, String message) {
    public KbProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
