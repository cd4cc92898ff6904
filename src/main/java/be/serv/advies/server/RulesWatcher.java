package be.serv.advies.server;

import be.serv.advies.rules.FolderWatcher;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Reloads the rules once after each burst of changes under the rules folder. */
final class RulesWatcher implements AutoCloseable {
    private final Drafts drafts;
    private final Duration debounce;
    private final FolderWatcher watch;
    private final Thread thread;

    RulesWatcher(Path dir, Drafts drafts, Duration debounce) throws IOException {
        Objects.requireNonNull(dir, "dir");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.watch = new FolderWatcher(dir);
        this.thread = new Thread(this::loop, "advies-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (true) {
                watch.awaitChanges(debounce);
                drafts.reload("regelbestand gewijzigd");
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
