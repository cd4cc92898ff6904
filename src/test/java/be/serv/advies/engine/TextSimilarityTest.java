package be.serv.advies.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextSimilarityTest {

    @Test
    void sortedIdsGiveTheSameSimilarityAsTheShingleSets() {
        // Given seeded random pairs of shingle sets drawn from a small vocabulary (so they overlap)
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            Set<String> a = randomSet(random);
            Set<String> b = randomSet(random);
            // When both are compared as sets and as sorted ids of one numbering
            Map<String, Integer> ids = new HashMap<>();
            int[] ia = ids(a, ids);
            int[] ib = ids(b, ids);
            // Then the similarity is the same
            assertEquals(TextComparison.similarity(a, b), TextComparison.similarity(ia, ib), a + " / " + b);
        }
    }

    private static Set<String> randomSet(Random random) {
        Set<String> s = new HashSet<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) s.add("w" + random.nextInt(15));
        return s;
    }

    private static int[] ids(Set<String> words, Map<String, Integer> ids) {
        int[] out = words.stream().mapToInt(w -> ids.computeIfAbsent(w, x -> ids.size())).toArray();
        Arrays.sort(out);
        return out;
    }
}
