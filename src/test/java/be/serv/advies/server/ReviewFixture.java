package be.serv.advies.server;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.BulkProgress;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A review server on a free port of 127.0.0.1 over a copy of a test batch and of the rules (with the
 * test thresholds), its database in a temp folder, and reviewers with known passwords.
 */
final class ReviewFixture implements AutoCloseable {
    static final String PASSWORD = "geheim-wachtwoord";

    final Path batch;
    final Path rules;
    final Path db;
    final ReviewStore store;
    final ReviewServer server;
    final String base;

    private ReviewFixture(Path batch, Path rules, Path db, ReviewStore store, ReviewServer server) {
        this.batch = batch;
        this.rules = rules;
        this.db = db;
        this.store = store;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    static ReviewFixture start(Path tmp, String testBatch, int extraPositive, ServerOptions options, String... users) throws Exception {
        return start(tmp, testBatch, extraPositive, options, BulkProgress.NONE, users);
    }

    /** As above, with {@code progress} told of each row a bulk confirmation writes. */
    static ReviewFixture start(Path tmp, String testBatch, int extraPositive, ServerOptions options, BulkProgress progress,
                               String... users) throws Exception {
        Path batch = batch(tmp, testBatch, extraPositive);
        return start(tmp, batch, options, progress, store -> {
            for (String u : users) store.addUser(u, Passwords.hash(PASSWORD.toCharArray()), Role.SECRETARIAAT, Set.of(), "");
        });
    }

    /** A server over {@code batch}, with the reviewers {@code users} adds (password {@link #PASSWORD}). */
    static ReviewFixture start(Path tmp, Path batch, ServerOptions options, Consumer<ReviewStore> users) throws Exception {
        return start(tmp, batch, options, BulkProgress.NONE, users);
    }

    private static ReviewFixture start(Path tmp, Path batch, ServerOptions options, BulkProgress progress,
                                       Consumer<ReviewStore> users) throws Exception {
        Path rules = rules(tmp);
        Path db = tmp.resolve("review.db");
        ReviewStore store = ReviewStore.open(db, Clock.systemUTC(), progress);
        users.accept(store);
        ReviewServer server = new ReviewServer(DraftRun.of(batch, rules), rules, store, options.withPort(0));
        server.start();
        return new ReviewFixture(batch, rules, db, store, server);
    }

    static ServerOptions quiet() {
        return ServerOptions.defaults().withLoginDelay(Duration.ofMillis(10)).withWatchRules(false);
    }

    /** A copy of src/test/resources/batches/NAME, plus {@code extraPositive} applications the test rules draft as positive. */
    static Path batch(Path tmp, String name, int extraPositive) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("batch"));
            copyTree(Path.of("src/test/resources/batches", name), dir);
            if (extraPositive > 0) {
                StringBuilder s = new StringBuilder();
                for (int i = 1; i <= extraPositive; i++) {
                    // Haarverzorging in Limburg: no capacity row, enough inflow and partners: positive under the test thresholds.
                    s.append(String.format("P%03d;%d;Campus %03d Hasselt;1;Hasselt;Limburg;VGO;VT;SO;OK3_HAAR;nee;nee;6;3;0;ja;voldoende;voldoende;ja;specifiek;afgestemd;Tekst %d%n",
                            i, 200000 + i, i, i));
                }
                Path apps = dir.resolve("applications.csv");
                String text = Files.readString(apps, StandardCharsets.UTF_8);
                if (!text.endsWith("\n")) text += "\n";
                Files.writeString(apps, text + s, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The small batch plus the sectors Horeca (H1, H2) and Bouw (B1, B2), two applications each that
     * the test rules draft as positive, for tests of what a sector's representative may do.
     */
    static Path batchWithSectors(Path tmp) {
        Path dir = batch(tmp, "small", 0);
        try {
            append(dir.resolve("partnerships.csv"), "HORECA;Horeca;ja\nBOUW;Bouw;ja\n");
            append(dir.resolve("trajectories.csv"), "OK3_KOK;Kok duaal;OK3;ARBEIDSMARKT;HORECA;nee;ja;\n"
                    + "OK3_METSEL;Metselaar duaal;OK3;ARBEIDSMARKT;BOUW;nee;ja;\n");
            StringBuilder apps = new StringBuilder();
            String[][] rows = {{"H1", "OK3_KOK"}, {"H2", "OK3_KOK"}, {"B1", "OK3_METSEL"}, {"B2", "OK3_METSEL"}};
            for (int i = 0; i < rows.length; i++) {
                apps.append(String.format("%s;%d;Campus %s Genk;1;Genk;Limburg;VGO;VT;SO;%s;nee;nee;6;3;0;ja;voldoende;voldoende;ja;specifiek;afgestemd;Tekst %s%n",
                        rows[i][0], 300000 + i, rows[i][0], rows[i][1], rows[i][0]));
            }
            append(dir.resolve("applications.csv"), apps.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String lines) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) text += "\n";
        Files.writeString(file, text + lines, StandardCharsets.UTF_8);
    }

    /** The shipped rules with the test thresholds, so sector edits of rules/thresholds.csv do not move these tests. */
    static Path rules(Path tmp) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("rules"));
            copyTree(Path.of("rules"), dir);
            Files.copy(Path.of("src/test/resources/server/thresholds.csv"), dir.resolve("thresholds.csv"), StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    WebClient client() {
        return new WebClient(base);
    }

    WebClient signedIn(String user) throws Exception {
        WebClient c = client();
        c.login(user, PASSWORD).expect(303);
        return c;
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
