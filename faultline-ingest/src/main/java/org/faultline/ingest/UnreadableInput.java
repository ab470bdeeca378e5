package org.faultline.ingest;

/** Raised inside the readers for input that becomes a failure; never escapes the package. */
final class UnreadableInput extends Exception {
    private static final long serialVersionUID = 1L;

    private final String origin;

    UnreadableInput(String origin, String reason) {
        super(reason, null, false, false);
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    String reason() {
        return getMessage();
    }

    ReadOutcome toOutcome(String docId) {
        return ReadOutcome.failed(origin, docId, reason());
    }
}
