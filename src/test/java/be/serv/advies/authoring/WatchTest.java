package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code advies test --watch}: a saved rule file is rebuilt in the running JVM and the cases run again. */
class WatchTest {
    @Test
    void aSavedChangeIsRebuiltAndTheCasesRunAgain() throws Exception {
        // Given a watcher on a copy of the shipped rules
        Path dir = RulesCopy.shipped();
        BlockingQueue<Watcher.Outcome> outcomes = new LinkedBlockingQueue<>();
        StringWriter text = new StringWriter();
        try (Watcher w = new Watcher(dir)) {
            Thread t = new Thread(() -> {
                try {
                    w.loop(new PrintWriter(text, true), outcomes::add);
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            t.setDaemon(true);
            t.start();
            // When a rule is broken and saved
            RulesCopy.edit(dir, "sectors/horeca.drl", s -> s.replace("Application(sectorExperience == false)", "Application(sectorExperience == true)"));
            Watcher.Outcome broken = outcomes.poll(60, TimeUnit.SECONDS);
            // Then the cases run again and the horeca cases fail
            assertNotNull(broken, "no rebuild after the edit");
            assertNull(broken.error());
            assertEquals(3, broken.run().results().stream().filter(r -> !r.passed()).count(), text.toString());
            // When it is repaired and saved, Then all pass again
            RulesCopy.edit(dir, "sectors/horeca.drl", s -> s.replace("Application(sectorExperience == true)", "Application(sectorExperience == false)"));
            Watcher.Outcome repaired = outcomes.poll(60, TimeUnit.SECONDS);
            assertNotNull(repaired, "no rebuild after the repair");
            assertEquals(0, repaired.run().failed(), text.toString());
        }
    }
}
