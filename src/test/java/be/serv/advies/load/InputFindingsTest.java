package be.serv.advies.load;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Each kind of damage the fault campaign found passing (or told with parser words), done to a fresh
 * copy of the shipped batch: {@code evaluate} exits 2, writes nothing, and says in Dutch where
 * (file:row:column or Sheet!Cell) and what to do.
 */
class InputFindingsTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachFindingIsRefusedAtItsPlace() {
        return InputFindings.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            // Given a copy of the shipped batch with this damage
            ShippedCopy copy = new ShippedCopy(tmp.resolve(f.name().replaceAll("[^A-Za-z0-9]+", "-")));
            f.edit().apply(copy);
            // When evaluated / Then refused with exit 2, nothing written, the message at its place
            copy.refused(f.expected());
        }));
    }
}
