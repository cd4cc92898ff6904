package be.serv.advies.authoring;

import be.serv.advies.cli.AdviesCommand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code advies test --watch} fed a good save, a number compared with text, a syntax error and a
 * good save again: it answers each with a result or a Dutch error and is still watching at the end.
 */
class WatchSurvivesBrokenSavesTest {
    private static final String DONE = "(regels en gevallen in ";

    @Test
    void everySaveGetsAnAnswerAndTheWatchGoesOn() throws Exception {
        // Given test --watch running on a copy of the shipped rules
        Path dir = RulesCopy.shipped();
        Path file = dir.resolve("sectors/horeca.drl");
        String original = Files.readString(file);
        StringWriter out = new StringWriter();
        Thread watch = new Thread(() -> AdviesCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true))
                .execute("test", "--rules", dir.toString(), "--watch"));
        watch.setDaemon(true);
        watch.start();
        await(out, "Wacht op wijzigingen", 1);
        try {
            // When four saves follow one another, Then each gets its answer
            String answer = save(file, original + "\n// bewaard\n", out, 1);
            assertTrue(answer.contains(" geslaagd, 0 mislukt"), answer);

            answer = save(file, original.replaceFirst("Application\\(", "Application(expectedStudents > \"acht\", "), out, 2);
            assertTrue(answer.contains("sectors/horeca.drl:") && answer.contains("vergelijkt een getal (expectedStudents) met tekst"), answer);
            assertTrue(answer.contains("mislukt (de regels laden niet"), answer);

            answer = save(file, original.replaceFirst("\nthen\n", "\nthn\n"), out, 3);
            assertTrue(answer.contains("sectors/horeca.drl:") && answer.contains("syntaxfout"), answer);

            answer = save(file, original, out, 4);
            assertTrue(answer.contains(" geslaagd, 0 mislukt"), answer);
            for (String javaText : new String[]{"Exception", "\tat ", "mvel", "[Error", "[Near"}) {
                assertFalse(out.toString().contains(javaText), "no Java text (" + javaText + "):\n" + out);
            }
            // And it is still watching
            assertTrue(watch.isAlive(), "test --watch ended:\n" + out);
        } finally {
            watch.interrupt();
        }
    }

    /** Writes the file and returns what the watcher printed for this save (the n-th rebuild). */
    private static String save(Path file, String text, StringWriter out, int n) throws InterruptedException {
        int before = out.toString().length();
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await(out, DONE, n);
        return out.toString().substring(before);
    }

    private static void await(StringWriter out, String marker, int times) throws InterruptedException {
        // Bounded wait for the watcher's answer; not a timing assertion.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count(out.toString(), marker) < times && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(count(out.toString(), marker) >= times, "no answer " + times + " to a save:\n" + out);
    }

    private static int count(String s, String marker) {
        int n = 0;
        for (int at = s.indexOf(marker); at >= 0; at = s.indexOf(marker, at + 1)) n++;
        return n;
    }
}
