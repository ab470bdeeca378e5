package org.faultline.store;

/**
 * A document whose id is already stored with a different text. The store refuses it rather than lay two texts
 * under one id, where the evidence spans of one document's events would point into the other's words.
 */
public final class DocumentIdConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String docId;

    /**
     * @param docId       the id both texts claim
     * @param storedFrom  the origin of the text already stored under it ({@code ""} when unknown)
     */
    public DocumentIdConflictException(String docId, String storedFrom) {
        super(reason(docId, storedFrom));
        this.docId = docId;
    }

    public String docId() {
        return docId;
    }

    /** The sentence recorded as the refused document's failure. */
    public String reason() {
        return getMessage();
    }

    private static String reason(String docId, String storedFrom) {
        return "document id '" + docId + "' is already stored with a different text"
                + (storedFrom.isEmpty() ? "" : " (from " + storedFrom + ")")
                + "; one id cannot name two texts: rename the file or give the document another id";
    }
}
