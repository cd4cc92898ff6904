package be.serv.advies.review;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SQLite file itself: opened with the write-ahead log and full sync (a committed decision survives
 * a killed process), readable by its owner only (it holds password hashes and unpublished decisions).
 */
final class DatabaseFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DatabaseFile() {
    }

    static Connection connect(Path abs) throws SQLException, IOException {
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        createOwnerOnly(abs);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + abs);
    }

    /** SQLite gives -wal and -shm the database file's mode; an older, looser file is tightened here. */
    static void tighten(Path abs) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) ownerOnly(Path.of(abs + suffix));
    }

    /** A new file is made readable by its owner only before SQLite writes a byte to it. */
    static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file) || !posix(file)) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            // another process made it first; ownerOnly tightens it after opening
        }
    }

    static void ownerOnly(Path file) throws IOException {
        if (!Files.exists(file) || !posix(file)) return;
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static boolean posix(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    /** SQLite's own check of a database file: "ok", or what is wrong. */
    static String integrityCheck(Path file) {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) lines.add(rs.getString(1));
            return String.join("; ", lines);
        } catch (SQLException e) {
            return "niet leesbaar: " + e.getMessage();
        }
    }
}
