package be.serv.advies.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A change on the previous year in whole percent, as the seed writes it: half away from zero. */
class ChangeTest {

    @ParameterizedTest(name = "{0} on {1}: {2}%")
    @CsvSource({"78, 106, -26", "105, 102, 3", "1, 8, -88", "15, 8, 88", "12, 23, -48", "67, 72, -7", "5, 5, 0"})
    void roundsHalfAwayFromZero(int now, int previous, int percent) {
        assertEquals(percent, Change.of(now, previous).percent());
        assertEquals(previous, Change.of(now, previous).previous());
    }

    @ParameterizedTest(name = "previous {0}")
    @CsvSource(value = {"NIL", "0"}, nullValues = "NIL")
    void noPercentWithoutAPreviousCount(Integer previous) {
        assertNull(Change.of(12, previous).percent());
    }
}
