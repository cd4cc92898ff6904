package be.serv.advies.server;

import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Five reviewers signing in at the same moment on the shipped batch: the password checks queue briefly
 * rather than refuse, so all five get in, none sees a 429.
 */
class FiveReviewersSignInTest {
    @TempDir
    Path tmp;

    @Test
    void fiveReviewersSigningInAtOnceAllGetIn() throws Exception {
        Path shipped = Path.of("fixtures/2022-2023");
        String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
        try (ReviewFixture fx = ReviewFixture.start(tmp, shipped, ReviewFixture.quiet(), store -> {
            for (int i = 1; i <= 5; i++) store.addUser("beoordelaar" + i, hash, Role.LEZER, Set.of(), "");
        })) {
            // Given five reviewers, each with the login form open
            List<WebClient> clients = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                WebClient c = fx.client();
                c.get("/aanmelden").expect(200);
                clients.add(c);
            }
            // When all five send their password at the same moment
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                WebClient c = clients.get(i);
                String name = "beoordelaar" + (i + 1);
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return c.post("/aanmelden", "naam", name, "wachtwoord", ReviewFixture.PASSWORD).status();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, command -> new Thread(command).start()));
            }
            go.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

            // Then all five got in, and each sees the work list
            assertEquals(List.of(303, 303, 303, 303, 303), statuses);
            for (WebClient c : clients) c.get("/").expect(200);
        }
    }
}
