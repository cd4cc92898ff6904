package be.serv.advies.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong passwords slow down the address and the (name, address) pair that sent them, never the name
 * for everyone: the owner from an address that has not been failing is always looked at. In fixed memory.
 */
class LoginThrottleTest {
    private final SessionsTest.MovableClock clock = new SessionsTest.MovableClock();
    private final LoginThrottle t = new LoginThrottle(Duration.ofMillis(500), clock);

    @Test
    void wrongPasswordsCloseTheNameFromThatAddressForADoublingWait() {
        assertEquals(Duration.ZERO, t.waitFor("anna", "10.0.0.1"));
        assertEquals(Duration.ofMillis(500), t.failed("anna", "10.0.0.1"));
        assertEquals(Duration.ofMillis(1000), t.failed("Anna", "10.0.0.1"), "names are compared without case");
        assertEquals(Duration.ofMillis(1000), t.waitFor("anna", "10.0.0.1"));
        // Then the same name from another address may try at once
        assertEquals(Duration.ZERO, t.waitFor("anna", "10.0.0.2"));
        for (int i = 0; i < 30; i++) t.failed("anna", "10.0.0.1");
        assertEquals(LoginThrottle.MAX, t.waitFor("anna", "10.0.0.1"), "the wait is capped");
        assertEquals(Duration.ZERO, t.waitFor("anna", "10.0.0.2"), "another address still may");
    }

    @Test
    void anAddressGetsAFewWrongPasswordsFreeThenADoublingWait() {
        // Given five wrong passwords from one address, each for another name
        for (int i = 0; i < LoginThrottle.ADDRESS_ALLOWANCE; i++) t.failed("naam" + i, "10.0.0.1");
        assertEquals(Duration.ZERO, t.waitFor("nieuw", "10.0.0.1"), "within the allowance");
        // When a sixth fails, then the address waits for any name, other addresses do not
        t.failed("naam-zes", "10.0.0.1");
        assertEquals(Duration.ofMillis(500), t.waitFor("nieuw", "10.0.0.1"));
        assertEquals(Duration.ZERO, t.waitFor("nieuw", "10.0.0.2"));
    }

    @Test
    void aNameOverItsBudgetIsLookedAtOnlyFromCleanAddressesAndItsOwn() {
        // Given anna signed in from her office before, and once mistyped there
        t.succeeded("anna", "192.0.2.20");
        t.failed("anna", "192.0.2.20");
        // Given a stranger whose addresses have used up their allowance, guessing anna past her budget
        for (int i = 0; i < LoginThrottle.NAME_BUDGET; i++) {
            String address = "10.9.0." + i;
            for (int j = 0; j < LoginThrottle.ADDRESS_ALLOWANCE; j++) t.failed("x" + j, address);
            t.failed("anna", address);
        }
        clock.now = clock.now.plus(LoginThrottle.MAX);
        // Then a failing address is refused for anna without a check, until the budget's window ends
        LoginThrottle.Refusal r = t.check("anna", "10.9.0.0");
        assertTrue(r.refused());
        assertTrue(r.delay().compareTo(LoginThrottle.FORGET.minus(LoginThrottle.MAX)) <= 0, r.delay().toString());
        // And anna from a clean address or from her office is looked at
        assertFalse(t.check("anna", "192.0.2.10").refused());
        assertFalse(t.check("anna", "192.0.2.20").refused());
        assertTrue(t.clean("anna", "192.0.2.20"));
        assertFalse(t.clean("anna", "10.9.0.0"));
        // And an unlock forgets the name's counts
        t.unlock("anna");
        assertFalse(t.check("anna", "10.9.0.1").refused());
    }

    @Test
    void aRefusalIsReportedOncePerMinutePerNameAndAddress() {
        assertTrue(t.reportRefusal("anna", "10.0.0.1"));
        assertFalse(t.reportRefusal("ANNA", "10.0.0.1"));
        assertTrue(t.reportRefusal("anna", "10.0.0.2"));
        clock.now = clock.now.plusSeconds(61);
        assertTrue(t.reportRefusal("anna", "10.0.0.1"));
    }

    @Test
    void theThrottleForgetsAfterAQuietPeriodAndNeverHoldsMoreThanItsCapacity() {
        LoginThrottle small = new LoginThrottle(Duration.ofMillis(500), clock, 100);
        // Given far more names and addresses than the tables hold
        for (int i = 0; i < 1_000; i++) small.failed("naam-" + i, "10.0." + (i / 250) + "." + (i % 250));
        // Then each table holds at most its capacity, the newest entries kept
        assertTrue(small.size() <= 400, "entries: " + small.size());
        assertEquals(Duration.ofMillis(500), small.waitFor("naam-999", "10.0.3.249"));
        // And after the quiet period a name is forgotten
        clock.now = clock.now.plus(LoginThrottle.FORGET).plusSeconds(1);
        assertEquals(Duration.ZERO, small.waitFor("naam-999", "10.0.3.249"));
    }
}
