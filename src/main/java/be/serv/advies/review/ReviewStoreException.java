package be.serv.advies.review;

/** The review database could not be opened, read or written. */
public final class ReviewStoreException extends RuntimeException {
    public ReviewStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReviewStoreException(String message) {
        super(message);
    }
}
