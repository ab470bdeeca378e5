package org.faultline.store;

/** A database error, with a message naming what the store was doing. Unchecked: callers decide what to record. */
public sealed class StoreException extends RuntimeException permits DocumentIdConflictException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
