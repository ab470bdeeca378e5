package org.faultline.store;

/** A database error, with a message naming what the store was doing. Unchecked: callers decide what to record. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
