package org.faultline.server;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and every problem found, each a sentence the caller can act
 * on. Thrown by handlers and turned into {@code {"error": ..., "problems": [...]}} by the server.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> problems;
    private final Map<String, String> headers;

    ApiException(int status, List<String> problems) {
        this(status, problems, Map.of());
    }

    /** An error answered with these extra response headers (e.g. {@code Retry-After}). */
    ApiException(int status, List<String> problems, Map<String, String> headers) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an API error needs at least one problem");
        }
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
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

    Map<String, String> headers() {
        return headers;
    }
}
