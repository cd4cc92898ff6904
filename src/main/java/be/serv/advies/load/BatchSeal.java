package be.serv.advies.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code batch.json} that seals a batch folder: the folder's own {@code batch.json} (school year,
 * counts) with, in {@code sha256}, the SHA-256 of every table file present. The loader then refuses a
 * sealed file whose content changed in any way, so an export can be sealed in one step where it is made.
 */
public final class BatchSeal {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchSeal() {
    }

    /** The sealing {@code batch.json} for {@code dir}, ending with a line break. */
    public static String of(Path dir) throws InvalidInputException {
        Objects.requireNonNull(dir, "dir");
        List<Problem> problems = new ArrayList<>();
        ObjectNode info = MAPPER.createObjectNode();
        Path infoFile = dir.resolve("batch.json");
        if (InputFiles.present(infoFile)) {
            JsonNode node = null;
            try {
                node = StrictJson.parse("batch.json", InputFiles.read(infoFile), problems);
            } catch (InputFiles.Refused e) {
                problems.add(Problem.ofFile("batch.json", e.getMessage()));
            }
            if (node instanceof ObjectNode o) info = o;
            else if (node != null) problems.add(Problem.ofFile("batch.json", "moet een JSON-object zijn, bv. {\"school_year\": \"2022-2023\"}"));
        }
        ObjectNode seals = MAPPER.createObjectNode();
        for (String table : BatchLoader.TABLES) {
            for (String ext : BatchLoader.EXTENSIONS) {
                Path file = dir.resolve(table + ext);
                if (!InputFiles.present(file)) continue;
                try {
                    seals.put(table + ext, Hashes.sha256(InputFiles.read(file)));
                } catch (InputFiles.Refused e) {
                    problems.add(Problem.ofFile(table + ext, e.getMessage()));
                }
            }
        }
        if (seals.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.ofFile(dir.toString(), "geen enkele tabel gevonden (applications.csv, capacity.csv, …); is dit een batchmap?"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        info.remove(BatchLoader.SEAL);
        info.set(BatchLoader.SEAL, seals);
        try {
            return MAPPER.writeValueAsString(info).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON writes back", e);
        }
    }

    public static byte[] bytes(Path dir) throws InvalidInputException {
        return of(dir).getBytes(StandardCharsets.UTF_8);
    }
}
