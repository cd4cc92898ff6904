package be.serv.advies.rules;

import be.serv.advies.geo.Regions;
import be.serv.advies.load.Hashes;
import be.serv.advies.load.InputFiles;
import be.serv.advies.load.Problem;
import be.serv.advies.load.RegionsFile;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A rules folder as read from disk, once per load: every file in it, the DRL texts with Drools'
 * own parse of each (for the checks), precedence.yaml and the thresholds. What cannot be read is a
 * diagnostic, never an exception.
 */
public final class RuleFolder {
    private final Path dir;
    private final List<String> files;
    private final Map<String, byte[]> drlBytes;
    private final Map<String, String> drl;
    /** Parsed on first use: a load whose checks are known from the cache never needs the parse. */
    private Map<String, PackageDescr> parsed;
    /** The codes the conditions compare with, as the rule language check found them (or the check cache kept them). */
    private volatile List<RuleLanguage.CodeUse> codeUses;
    private final Precedence precedence;
    private final Thresholds thresholds;
    private final Regions regions;
    private final String hash;

    private RuleFolder(Path dir, List<String> files, Map<String, byte[]> drlBytes, Map<String, String> drl,
                       Precedence precedence, Thresholds thresholds, Regions regions, String hash) {
        this.dir = dir;
        this.files = files;
        this.drlBytes = drlBytes;
        this.drl = drl;
        this.precedence = precedence;
        this.thresholds = thresholds;
        this.regions = regions;
        this.hash = hash;
    }

    public Path dir() { return dir; }
    /** Every file under the folder (hidden ones excepted), relative with '/', sorted. */
    public List<String> files() { return files; }
    /** The rule files (ending in .drl) and their text. */
    public Map<String, String> drl() { return drl; }
    Map<String, byte[]> drlBytes() { return drlBytes; }
    List<RuleLanguage.CodeUse> codeUses() {
        return codeUses;
    }

    void codeUses(List<RuleLanguage.CodeUse> uses) {
        this.codeUses = uses == null ? null : List.copyOf(uses);
    }

    /** Drools' parse of each rule file that has no syntax error (the compiler reports those). */
    public synchronized Map<String, PackageDescr> parsed() {
        if (parsed == null) {
            Map<String, PackageDescr> p = new LinkedHashMap<>();
            drl.forEach((name, text) -> {
                PackageDescr pkg = parse(text);
                if (pkg != null) p.put(name, pkg);
            });
            parsed = Collections.unmodifiableMap(p);
        }
        return parsed;
    }
    /** Null when precedence.yaml is missing or does not read. */
    public Precedence precedence() { return precedence; }
    /** Null when the thresholds are missing or do not read. */
    public Thresholds thresholds() { return thresholds; }
    /** The sectors' named regions; none when the folder has no regions file (or it does not read). */
    public Regions regions() { return regions; }
    String hash() { return hash; }

    /** A rule file that is not a regular file or cannot be read, with the Dutch reason. */
    private static final class UnreadableRuleFile extends Exception {
        final String file;

        UnreadableRuleFile(String file, String message) {
            super(message);
            this.file = file;
        }
    }

    /** Through the batch's reader: only a regular file is opened, and the reason is Dutch. */
    private static byte[] readRuleFile(Path dir, String name) throws UnreadableRuleFile {
        try {
            return InputFiles.read(dir.resolve(name));
        } catch (InputFiles.Refused e) {
            throw new UnreadableRuleFile(name, e.getMessage());
        }
    }

    /** The bytes without the UTF-8 mark Notepad puts at the start of a file: the parser would stop on it. */
    private static byte[] withoutBom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? java.util.Arrays.copyOfRange(b, 3, b.length) : b;
    }

    /** Reads the folder; what is missing or unreadable is added to {@code out} as an error. */
    static RuleFolder read(Path dir, List<Diagnostic> out) {
        return read(dir, out, null);
    }

    /**
     * The bytes of a folder whose files all read, before any of them is parsed: enough to recognise a
     * folder seen before ({@link #contentKey}) and to start on its compiled rules while the tables are
     * parsed.
     */
    record Bytes(Path dir, List<String> files, Map<String, byte[]> read, Map<String, byte[]> drl) {
        /**
         * A checksum over every file of the folder (name and bytes, case files included; see
         * {@link Fingerprint}): what the checks read, so equal keys mean equal check results for the
         * same build. Null when a file is not a regular file or cannot be read; the checks then run
         * and say why.
         */
        String contentKey() {
            Fingerprint h = new Fingerprint();
            for (String name : files) {
                byte[] known = read.get(name);
                try {
                    h.add(name, known != null ? known : InputFiles.read(dir.resolve(name)));
                } catch (InputFiles.Refused e) {
                    return null;
                }
            }
            return h.hex();
        }
    }

    /**
     * Reads the folder, and hands {@code whenRead} (if any) the bytes of every file once they all
     * read without a problem, before the tables are parsed on this thread. When it answers with the
     * tables of a folder with these very bytes (kept from an earlier load), they are not parsed again.
     */
    static RuleFolder read(Path dir, List<Diagnostic> out, java.util.function.Function<Bytes, FolderTables> whenRead) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            // Not only regular files: a pipe or device under a rule file's name must be named and refused,
            // not silently left out (and never opened, which would block).
            s.filter(p -> !Files.isDirectory(p)).map(dir::relativize).filter(p -> {
                for (Path part : p) if (part.toString().startsWith(".")) return false;
                return !FileNames.notRules(p.getFileName().toString());
            }).map(p -> p.toString().replace('\\', '/')).sorted(Comparator.naturalOrder()).forEach(files::add);
        } catch (IOException e) {
            out.add(Diagnostic.error(dir.toString(), 0, 0, "kan niet gelezen worden: " + e.getMessage()));
        }
        // Every file read whole, by name: what the hash covers, and the start of the content key.
        Map<String, byte[]> read = new LinkedHashMap<>();
        Map<String, byte[]> drlBytes = new LinkedHashMap<>();
        Map<String, String> drl = new LinkedHashMap<>();
        byte[] precedenceBytes = null;
        byte[] thresholdBytes = null;
        String thresholdFile = Thresholds.FILE;
        byte[] regionBytes = null;
        String regionFile = null;
        boolean csv = files.contains(Thresholds.FILE);
        boolean workbook = files.contains(Thresholds.WORKBOOK);
        try {
            for (String name : files) {
                if (!name.endsWith(".drl")) continue;
                byte[] b = withoutBom(readRuleFile(dir, name));
                drlBytes.put(name, b);
                read.put(name, b);
                String text = new String(b, StandardCharsets.UTF_8);
                drl.put(name, text);
            }
            if (files.contains(Precedence.FILE)) {
                precedenceBytes = readRuleFile(dir, Precedence.FILE);
                read.put(Precedence.FILE, precedenceBytes);
            }
            if (csv && workbook) {
                out.add(Diagnostic.error(Thresholds.WORKBOOK, 0, 0, "zowel " + Thresholds.FILE + " als " + Thresholds.WORKBOOK
                        + " bestaan; laat er één staan"));
            } else if (workbook) {
                thresholdFile = Thresholds.WORKBOOK;
                thresholdBytes = readRuleFile(dir, Thresholds.WORKBOOK);
                read.put(Thresholds.WORKBOOK, thresholdBytes);
            } else if (csv) {
                thresholdBytes = readRuleFile(dir, Thresholds.FILE);
                read.put(Thresholds.FILE, thresholdBytes);
            }
            boolean regionsCsv = files.contains(Regions.FILE);
            boolean regionsXlsx = files.contains(Regions.WORKBOOK);
            if (regionsCsv && regionsXlsx) {
                out.add(Diagnostic.error(Regions.WORKBOOK, 0, 0, "zowel " + Regions.FILE + " als " + Regions.WORKBOOK
                        + " bestaan; laat er één staan"));
            } else if (regionsCsv || regionsXlsx) {
                regionFile = regionsCsv ? Regions.FILE : Regions.WORKBOOK;
                regionBytes = readRuleFile(dir, regionFile);
                read.put(regionFile, regionBytes);
            }
        } catch (UnreadableRuleFile e) {
            out.add(Diagnostic.error(e.file, 0, 0, e.getMessage()));
        }
        Bytes bytes = new Bytes(dir, Collections.unmodifiableList(files), Collections.unmodifiableMap(read),
                Collections.unmodifiableMap(drlBytes));
        FolderTables kept = whenRead != null && out.isEmpty() ? whenRead.apply(bytes) : null;
        if (kept != null) {
            return new RuleFolder(dir, bytes.files(), drlBytes, drl, kept.precedence(), kept.thresholds(), kept.regions(),
                    kept.hash());
        }
        List<Problem> problems = new ArrayList<>();
        Regions regions = Regions.none();
        if (regionBytes != null) {
            int before = problems.size();
            Regions parsedRegions = RegionsFile.parse(regionFile, regionBytes, problems);
            if (problems.size() == before) regions = parsedRegions;
        }
        if (drl.isEmpty()) problems.add(Problem.ofFile(dir.toString(), "geen enkel regelbestand (.drl) gevonden"));
        Precedence precedence = null;
        if (precedenceBytes == null) problems.add(Problem.ofFile(Precedence.FILE, "bestand ontbreekt in de regelmap"));
        else precedence = Precedence.parse(Precedence.FILE, precedenceBytes, problems);
        Thresholds thresholds = null;
        if (thresholdBytes == null) {
            if (!(csv && workbook)) {
                problems.add(Problem.ofFile(Thresholds.FILE, "bestand ontbreekt in de regelmap (of " + Thresholds.WORKBOOK + ")"));
            }
        } else {
            int before = problems.size();
            thresholds = Thresholds.parse(thresholdFile, thresholdBytes, problems);
            if (problems.size() > before) thresholds = null;
        }
        if (precedence != null && problems.stream().anyMatch(p -> p.file().equals(Precedence.FILE))) precedence = null;
        for (Problem p : problems) out.add(new Diagnostic(Diagnostic.Severity.ERROR, p));
        Hashes.Builder hash = Hashes.builder();
        read.forEach(hash::add);
        return new RuleFolder(dir, bytes.files(), drlBytes, drl, precedence, thresholds, regions, hash.hex());
    }

    private static PackageDescr parse(String text) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, text);
            return pkg == null || parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }
}
