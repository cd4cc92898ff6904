package be.serv.advies.load;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** Tests that damage a fresh copy of the shipped batch, one per test. */
abstract class OnShippedCopy {
    @TempDir
    Path tmp;
    ShippedCopy copy;

    @BeforeEach
    void copyShippedBatch() throws IOException {
        copy = new ShippedCopy(tmp);
    }
}
