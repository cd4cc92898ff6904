package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code advies diff}: lowering one threshold in a copy of the rules lists exactly the applications
 * whose verdict changes. The expected set is worked out here from the facts and the oversupply
 * criterion as docs/input.md states it, not by running the rules.
 */
class DiffCommandTest {
    private static final String HEADER = "partnership;trajectory;province;max_providers;min_students_per_provider;min_free_workplaces;"
            + "room_for_schools;sector_chooses;min_expected_students;limited_offer_providers;min_partner_companies;same_text_similarity;note\n";
    /** No preferences (limited offer 0), ample inflow; only the regional criteria can move. */
    private static final String BEFORE = HEADER + "*;*;*;8;3;3;;ja;4;0;1;80;test\n";
    private static final String AFTER = HEADER + "*;*;*;6;3;3;;ja;4;0;1;80;test\n";

    /** One capacity row per application: providers and students in its province. */
    private record Capacity(String id, String trajectory, int providers, int students) {
    }

    private static List<Capacity> capacity() {
        List<Capacity> out = new ArrayList<>();
        int[][] figures = {{4, 2}, {5, 20}, {6, 10}, {6, 18}, {6, 30}, {7, 12}, {7, 20}, {7, 21}, {8, 10}, {8, 30}, {9, 5}, {10, 40}};
        for (int i = 0; i < figures.length; i++) {
            out.add(new Capacity(String.format("2223-%04d", i + 1), "OK3_T" + (i + 1), figures[i][0], figures[i][1]));
        }
        return out;
    }

    /** The oversupply criterion: at least max providers, and fewer than min students per provider. */
    private static boolean oversupply(Capacity c, int maxProviders) {
        return c.providers() >= maxProviders && c.students() < c.providers() * 3;
    }

    @Test
    void loweringTheProviderThresholdListsExactlyTheApplicationsThatTurnNegative() throws IOException {
        // Given a batch and the shipped rules with max_providers 8, and a copy with 6
        Path batch = batch();
        Path before = RulesCopy.shipped();
        Files.writeString(before.resolve("thresholds.csv"), BEFORE);
        Path after = RulesCopy.shipped();
        Files.writeString(after.resolve("thresholds.csv"), AFTER);
        // When the impact is asked
        var result = shell("diff", batch.toString(), "--rules", before.toString(), "--against", after.toString());
        // Then the applications whose verdict changes are those that cross the threshold, and only those
        assertThat(result).succeeded();
        assertEquals(expectedVerdictChanges(), listed(result.out(), true), result.out());
        // and applications negative under both only change their motivation (it cites the threshold)
        Set<String> motivationOnly = new TreeSet<>();
        for (Capacity c : capacity()) if (oversupply(c, 8)) motivationOnly.add(c.id());
        assertEquals(motivationOnly, listed(result.out(), false), result.out());
        int turned = expectedVerdictChanges().size();
        assertThat(result).outContains(String.format("  %-24s %6d %6d %+6d", "negatief", motivationOnly.size(), motivationOnly.size() + turned, turned));
    }

    @Test
    void theOldRulesCanComeFromAGitRevision() throws Exception {
        // Given a git repository whose committed rules have max_providers 8, and the working copy 6
        Path repo = be.serv.advies.testing.TempDirs.create("advies-diff-git-");
        Path rules = repo.resolve("rules");
        Files.move(RulesCopy.shipped(), rules);
        Files.writeString(rules.resolve("thresholds.csv"), BEFORE);
        git(repo, "init", "-q");
        git(repo, "add", "rules");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "regels");
        Files.writeString(rules.resolve("thresholds.csv"), AFTER);
        Set<String> before = checkouts("HEAD");
        // When the impact is asked against HEAD
        var result = shell("diff", batch().toString(), "--rules-rev", "HEAD", "--against", rules.toString());
        // Then it lists the same applications as the two-folder form, and leaves no copy of the old rules behind
        assertThat(result).succeeded().outContains("Oud: revisie HEAD");
        assertEquals(expectedVerdictChanges(), listed(result.out(), true), result.out());
        assertEquals(before, checkouts("HEAD"));
    }

    @Test
    void anUnknownRevisionIsOneLineAndExitTwo() throws Exception {
        Set<String> before = checkouts("no-such-revision-xyz");
        var result = shell("diff", "src/test/resources/batches/small", "--rules-rev", "no-such-revision-xyz");
        assertThat(result).exitedWith(2).errContains("kan de regels van revisie no-such-revision-xyz niet ophalen");
        assertFalse(result.err().contains("Exception"), result.err());
        assertEquals(before, checkouts("no-such-revision-xyz"), "no temporary folder is left behind");
    }

    /** The temporary folders a checkout of this revision would be made in. */
    private static Set<String> checkouts(String revision) throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("advies-rules-" + revision + "-"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> expectedVerdictChanges() {
        Set<String> out = new TreeSet<>();
        for (Capacity c : capacity()) if (oversupply(c, 6) != oversupply(c, 8)) out.add(c.id());
        if (out.isEmpty()) throw new AssertionError("the figures must make some application cross the threshold");
        return out;
    }

    /** The ids in the diff whose verdict changed ({@code verdict} true) or stayed with other changes. */
    private static Set<String> listed(String out, boolean verdict) {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^(\\d{4}-\\d{4})  .*\\n  advies: +(.*)$").matcher(out);
        while (m.find()) if (m.group(2).contains(" -> ") == verdict) ids.add(m.group(1));
        return ids;
    }

    private static Path batch() throws IOException {
        Path dir = be.serv.advies.testing.TempDirs.create("advies-diff-batch-");
        StringBuilder traj = new StringBuilder("code;name;level;finality;partnership;new;recognised;advised_by\n");
        StringBuilder cap = new StringBuilder("province;trajectory;providers;students;workplaces\n");
        StringBuilder apps = new StringBuilder("id;institution_number;institution_name;campus_number;place;province;network;provider_type;"
                + "education;trajectory;first_application;reapplication;expected_students;partner_companies;"
                + "partner_companies_other_sector;sector_experience;infrastructure;learning_resources;labour_market_shown;"
                + "company_cooperation;platform_consultation;application_text\n");
        int n = 0;
        for (Capacity c : capacity()) {
            n++;
            traj.append(c.trajectory()).append(";Traject ").append(n).append(";OK3;ARBEIDSMARKT;BOUW;nee;ja;\n");
            cap.append("Limburg;").append(c.trajectory()).append(';').append(c.providers()).append(';').append(c.students())
                    .append(';').append(c.students() + 50).append('\n');
            apps.append(c.id()).append(";10000").append(n).append(";School ").append(n).append(";1;Hasselt;Limburg;GO;CDO;SO;")
                    .append(c.trajectory()).append(";nee;nee;8;3;0;ja;voldoende;voldoende;ja;specifiek;afgestemd;Tekst ").append(n).append('\n');
        }
        Files.writeString(dir.resolve("partnerships.csv"), "code;name;has_partnership\nBOUW;Bouw;ja\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("trajectories.csv"), traj.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("capacity.csv"), cap.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("shortages.csv"), "partnership;trajectory;province;places;area;text\n", StandardCharsets.UTF_8);
        // An empty table is accepted only when batch.json says it is empty on purpose.
        Files.writeString(dir.resolve("batch.json"), "{\"rows\": {\"shortages\": 0}}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("applications.csv"), apps.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(cmd + ": " + out);
    }
}
