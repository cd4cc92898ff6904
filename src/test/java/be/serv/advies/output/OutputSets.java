package be.serv.advies.output;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the hashes stamped inside an evaluate result, to tell which run each of its files came from. */
final class OutputSets {
    private OutputSets() {
    }

    /** The one input hash all three files carry, or an AssertionError naming the mix. */
    static String inputHashOfWholeSet(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> hashes = new HashSet<>();
        hashes.add(json.readTree(out.resolve("annex.json").toFile()).get("input_hash").asText());
        hashes.add(json.readTree(out.resolve("summary.json").toFile()).get("input_hash").asText());
        List<String> csv = Files.readAllLines(out.resolve("annex.csv"), StandardCharsets.UTF_8);
        if (csv.size() < 2) throw new AssertionError("annex.csv has no applications: " + csv);
        for (String line : csv.subList(1, csv.size())) hashes.add(line.substring(line.lastIndexOf(';') + 1));
        if (hashes.size() != 1) throw new AssertionError("a mix of runs in " + out + ": " + hashes);
        return hashes.iterator().next();
    }

    /** Hidden leftovers of output steps beside {@code out}. */
    static List<String> leftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.toAbsolutePath().getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + out.getFileName() + ".")).sorted().toList();
        }
    }
}
