package be.serv.advies.rules;

import java.io.IOException;
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
 * Watches a rules folder and its subfolders (also ones created later). An editor saves in several
 * steps (temp file, rename, touch), so {@link #awaitChanges} gathers events until the folder has
 * been quiet for the given time and returns once per burst. Used by {@code advies test --watch} and
 * by the review server's rule reload.
 */
public final class FolderWatcher implements AutoCloseable {
    private final WatchService service;

    public FolderWatcher(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        this.service = FileSystems.getDefault().newWatchService();
        register(dir);
    }

    private void register(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Blocks until something under the folder changed and then stayed quiet for {@code quiet}.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws java.nio.file.ClosedWatchServiceException when the watcher is closed meanwhile
     */
    public void awaitChanges(Duration quiet) throws InterruptedException {
        Objects.requireNonNull(quiet, "quiet");
        drain(service.take());
        WatchKey more;
        while ((more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) drain(more);
    }

    private void drain(WatchKey key) {
        Path watched = (Path) key.watchable();
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && ev.context() instanceof Path p) {
                Path created = watched.resolve(p);
                if (Files.isDirectory(created)) {
                    try {
                        register(created);
                    } catch (IOException ignored) {
                        // A folder that vanished again between event and walk has nothing to watch.
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
