package be.serv.advies.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the rules when a file under the rules folder changes. An editor saves in several steps
 * (temp file, rename, touch), so changes are gathered until the folder has been quiet for
 * {@code debounce} and then reloaded once.
 */
final class RulesWatcher implements AutoCloseable {
    private final Path dir;
    private final Drafts drafts;
    private final Duration debounce;
    private final WatchService watch;
    private final Thread thread;

    RulesWatcher(Path dir, Drafts drafts, Duration debounce) throws IOException {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.watch = FileSystems.getDefault().newWatchService();
        registerAll(dir);
        this.thread = new Thread(this::loop, "advies-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerAll(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean changed = drain(key);
                // Keep gathering until the folder is quiet.
                WatchKey more;
                while ((more = watch.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) changed |= drain(more);
                if (changed) drafts.reload("regelbestand gewijzigd");
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    private boolean drain(WatchKey key) {
        boolean changed = false;
        Path base = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            changed = true;
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path p && Files.isDirectory(base.resolve(p))) {
                try {
                    registerAll(base.resolve(p));
                } catch (IOException ignored) {
                    // A folder that vanished again between event and walk has nothing to watch.
                }
            }
        }
        key.reset();
        return changed;
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
