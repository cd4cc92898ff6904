package be.serv.advies.server;

import java.time.Duration;

/**
 * The bounded global rate of password checks: at most {@code permits} hashes run at once, and a
 * login beyond them waits its turn (up to {@code maxWait}) instead of being refused while the server
 * is merely busy. Two lanes share the permits: clean attempts (see {@link LoginThrottle#clean}) go
 * first, so a flood of guesses from failing addresses never keeps a reviewer from signing in.
 * Waiting holds a request thread, so each lane lets at most {@code maxWaiting} wait; beyond that a
 * login is refused at once (429 with Retry-After).
 */
final class PasswordGate {
    private final int permits;
    private final long maxWaitMillis;
    private final int maxWaiting;
    private int running;
    private int waitingFirst;
    private int waitingSecond;
    private long checks;
    private int mostAtOnce;

    PasswordGate(int permits, Duration maxWait, int maxWaiting) {
        if (permits < 1) throw new IllegalArgumentException("permits < 1");
        this.permits = permits;
        this.maxWaitMillis = maxWait.toMillis();
        this.maxWaiting = maxWaiting;
    }

    /**
     * Waits for a permit; false when none came in time or too many already wait.
     *
     * @param first whether the attempt is clean
     */
    synchronized boolean enter(boolean first) throws InterruptedException {
        if ((first ? waitingFirst : waitingSecond) >= maxWaiting) return false;
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
        if (first) waitingFirst++;
        else waitingSecond++;
        try {
            while (running >= permits || (!first && waitingFirst > 0)) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return false;
                wait(left);
            }
            running++;
            checks++;
            mostAtOnce = Math.max(mostAtOnce, running);
            return true;
        } finally {
            if (first) {
                // The second lane may go once the first is empty.
                if (--waitingFirst == 0) notifyAll();
            } else {
                waitingSecond--;
            }
        }
    }

    synchronized void leave() {
        running--;
        notifyAll();
    }

    /** Password checks let through since start. */
    synchronized long checks() {
        return checks;
    }

    /** The most password checks that ran at the same moment since start. */
    synchronized int mostAtOnce() {
        return mostAtOnce;
    }
}
