package be.serv.advies.docs;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every fenced block marked {@code sh} in README.md, docs/*.md and rules/README.md runs, so no
 * example in the documentation goes stale. Each file gets its own copy of the repository (the files
 * as they are, modification times kept, under git with one commit so {@code --rules-rev HEAD} works,
 * and the packaged {@code target/} linked in, so nothing is built again); its blocks run there one
 * after another, in the order a reader meets them, with bash -e. Blocks marked {@code text} are not
 * run. Runs after packaging (failsafe): the blocks call bin/advies, which needs the jar.
 */
class DocsCommandsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Not copied: git's own folder, the build, and what commands in the docs write. */
    private static final Set<String> LEFT_OUT = Set.of(".git", "target", "out", "uit");

    @TempDir
    static Path shared;

    @TestFactory
    Stream<DynamicNode> everyShBlockRunsOnACopyOfTheRepository() throws IOException {
        assertTrue(Files.isRegularFile(ROOT.resolve("target/advies.jar")), "package first: the blocks run bin/advies");
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        if (Files.exists(ROOT.resolve("rules/README.md"))) files.add(ROOT.resolve("rules/README.md"));
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            List<Block> blocks = Block.in(file);
            if (blocks.isEmpty()) continue;
            String name = ROOT.relativize(file).toString();
            Path[] copy = new Path[1];
            nodes.add(DynamicContainer.dynamicContainer(name, blocks.stream().map(b ->
                    DynamicTest.dynamicTest(name + ":" + b.line, () -> {
                        if (copy[0] == null) copy[0] = copyOfRepository(name);
                        run(copy[0], name, b);
                    }))));
        }
        assertTrue(nodes.size() >= 1, "no sh block found in the docs");
        return nodes.stream();
    }

    /** A block: its first line's number in the file (the opening fence) and its text. */
    record Block(int line, String script) {
        static List<Block> in(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```sh")) continue;
                StringBuilder script = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().startsWith("```")) script.append(lines.get(j++)).append('\n');
                blocks.add(new Block(i + 1, script.toString()));
                i = j;
            }
            return blocks;
        }
    }

    private static void run(Path copy, String file, Block block) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", block.script)
                .directory(copy.toFile()).redirectErrorStream(true);
        Path home = Files.createDirectories(shared.resolve("home"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("ADVIES_CACHE", shared.resolve("cache").toString());
        pb.environment().put("TMPDIR", Files.createDirectories(shared.resolve("tmp")).toString());
        Path out = Files.createTempFile(shared, "block", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(file + ":" + block.line + ": did not end within 300 s");
        }
        String output = Files.readString(out);
        // A rebuild in the copy would write into the linked target/ and take a minute per file.
        assertTrue(!output.contains("advies: building"), file + ":" + block.line + ": bin/advies rebuilt the jar in the copy");
        assertEquals(0, p.exitValue(), () -> file + ":" + block.line + ": the block ended with status " + p.exitValue()
                + "\n--- block ---\n" + block.script + "--- output (last 3000 characters) ---\n"
                + output.substring(Math.max(0, output.length() - 3000)));
    }

    private static Path copyOfRepository(String forFile) throws Exception {
        Path copy = shared.resolve("repo-" + forFile.replaceAll("[^A-Za-z0-9]", "-"));
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(ROOT) && dir.getParent().equals(ROOT) && LEFT_OUT.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(ROOT.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                // bin/advies also compares the folders under src/main with the jar
                Files.setLastModifiedTime(copy.resolve(ROOT.relativize(dir).toString()), Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(ROOT) && LEFT_OUT.contains(file.getFileName().toString())) return FileVisitResult.CONTINUE;
                // Modification times kept: bin/advies rebuilds the jar when a source is newer than it.
                Files.copy(file, copy.resolve(ROOT.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
        Files.createSymbolicLink(copy.resolve("target"), ROOT.resolve("target"));
        for (List<String> git : List.of(List.of("git", "init", "-q"), List.of("git", "add", "-A"),
                List.of("git", "-c", "user.name=docs", "-c", "user.email=docs@example.invalid", "commit", "-q", "-m", "docs"))) {
            Process p = new ProcessBuilder(git).directory(copy.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "git in the copy: " + git);
        }
        return copy;
    }
}
