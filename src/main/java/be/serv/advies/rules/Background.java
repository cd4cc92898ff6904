package be.serv.advies.rules;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work that ran on another thread (rules loading, checks beside the compile, cases,
 * sessions): what it threw is thrown again as it was, so a failure reads the same as on one thread.
 */
public final class Background {
    private Background() {
    }

    /** The result of {@code work}; {@code doing} names it in the message should the wait be interrupted. */
    public static <T> T join(Future<T> work, String doing) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /** What another thread threw, to throw here: an error or unchecked exception as it was, anything else wrapped. */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException r) return r;
        if (cause instanceof Error err) throw err;
        return new IllegalStateException(cause);
    }
}
