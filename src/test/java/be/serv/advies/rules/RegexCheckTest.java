package be.serv.advies.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which patterns 'matches' accepts: those that cannot backtrack without bound. */
class RegexCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"(.*a){25}b", "(a+)+b", "(a|aa)*b", "(\\w+)*x", ".*.*x", "\\w+\\d+x", "a*a*b", "(x+x+)+y",
            "(a)\\1", "(?=a).*", ".*a.*b.*c", "[a-z]+[a-z]+"})
    void aPatternThatCanBacktrackWithoutBoundIsRefused(String pattern) {
        assertNotNull(RegexCheck.problem(pattern), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {".*keuken.*", "OK3_.*", "[A-Z]{2}\\d{4}", "2223-\\d+", "(ELEK|AUTO)_.*", "a*b*c", "\\d+\\s+\\w+", "^abc$"})
    void anOrdinaryPatternIsAccepted(String pattern) {
        assertNull(RegexCheck.problem(pattern), pattern);
    }
}
