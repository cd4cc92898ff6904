package be.serv.advies.review;

import java.time.Instant;

/**
 * An account with what the secretariat manages about it.
 *
 * @param disabled    signed out and refused at sign-in; its decisions keep its name
 * @param mustChange  the password was reset: the next sign-in leads straight to choosing a new one
 * @param credentials raised at every password change, reset and disabling; a session made under an
 *                    older value ends at its next request
 * @param lastSignIn  null when never signed in
 * @param unlockedAt  when the secretariat last cleared the name's wrong-password counts, or null
 */
public record AccountState(Account account, boolean disabled, boolean mustChange, int credentials, Instant lastSignIn, Instant unlockedAt) {
    public String name() {
        return account.name();
    }
}
