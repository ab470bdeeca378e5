package org.faultline.server;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status and every problem found, each a sentence the caller can act
 * on. Thrown by handlers and turned into {@code {"error": ..., "problems": [...]}} by the server.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> problems;

    ApiException(int status, List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an API error needs at least one problem");
        }
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static ApiException badRequest(List<String> problems) {
        return new ApiException(400, problems);
    }

    static ApiException badRequest(String problem) {
        return new ApiException(400, List.of(problem));
    }

    static ApiException notFound(String what) {
        return new ApiException(404, List.of(what));
    }

    int status() {
        return status;
    }

    List<String> problems() {
        return problems;
    }
}
