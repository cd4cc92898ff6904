package be.serv.advies.rules;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few hundred random constraint expressions over the fact model, some with one piece that is not
 * on the list of allowed calls: each one with such a piece is refused at its own line, each one
 * without is accepted, and the accepted ones compile in Drools (they resolve fully). So no
 * expression reaches code outside the list, and the check does not refuse what the language allows.
 */
class RandomConstraintsTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "package advies.random\nimport be.serv.advies.model.*;\n";

    private static final String[] NUMBERS = {"$a.expectedStudents", "$a.partnerCompanies", "$a.partnerCompaniesOtherSector",
            "$n.maxProviders", "$n.minExpectedStudents", "$d.applications", "$d.expectedStudents", "providersInFlanders",
            "$a.getApplicationText().length()", "$t.getName().indexOf(\"a\")", "Math.max($a.expectedStudents, 2)",
            "Math.abs($n.minFreeWorkplaces - 3)", "$a.id.length()", "3", "0", "12"};
    private static final String[] TEXTS = {"$a.id", "$a.trajectory", "$t.code", "$t.partnership", "$t.getName()", "$a.place",
            "$a.institutionName.toLowerCase()", "$a.getProvince().label()", "$t.level.name()", "String.valueOf($a.expectedStudents)",
            "\"BOUW\"", "\"2223-0001\"", "$a.id.substring(0, 4)", "$a.place.strip()", "$a.id + \"-x\""};
    private static final String[] BOOLEANS = {"$a.firstApplication", "$a.sectorExperience", "$t.newOffer", "$t.recognised",
            "$a.id.startsWith(\"22\")", "$a.place.isBlank()", "$a.province == Province.LIMBURG", "$t.level == Level.OK3"};
    /** Pieces that reach outside the list, of each sort. */
    private static final String[] BAD_NUMBERS = {"$a.hashCode()", "Integer.MAX_VALUE", "System.in.read()",
            "java.lang.Runtime.getRuntime().availableProcessors()", "Thread.activeCount()", "$a.id.getBytes().length",
            "$a.getClass().getModifiers()", "Class.forName(\"java.lang.Runtime\").getModifiers()", "$a.id.chars().count()"};
    private static final String[] BAD_TEXTS = {"$a.getClass().getName()", "System.getProperty(\"user.home\")", "$a.class.name",
            "System.getenv(\"PATH\")", "new String(\"x\")", "$a.id.repeat(1000000)", "$a.id.replaceAll(\"(a+)+\", \"\")",
            "java.nio.file.Path.of(\"x\").toString()", "String.class.getName()", "drools.getRule().getName()", "$a.id.intern()"};
    private static final String[] BAD_BOOLEANS = {"$a.id.matches(\"(.*a){25}b\")", "java.lang.Boolean.getBoolean(\"x\")",
            "$a.equals(java.lang.System.out)", "Thread.interrupted()", "$a.getClass().isEnum()", "java.util.Objects.isNull($a)", "$a.getClass().getClassLoader() == null"};

    @Test
    void everyRandomConstraintResolvesFullyOrIsRefusedAtItsLine() throws Exception {
        // Given 400 random constraints (seeded, so a failure can be replayed), about a third with one piece off the list
        Random random = new Random(21);
        List<String> constraints = new ArrayList<>();
        List<Boolean> bad = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean withBadPiece = random.nextInt(3) == 0;
            constraints.add(condition(random, withBadPiece, 2));
            bad.add(withBadPiece);
        }
        Path rules = TestRules.copyTo(tmp.resolve("all"));
        Files.createDirectories(rules.resolve("random"));
        Files.writeString(rules.resolve("random/random.drl"), drl(constraints));

        // When they load
        RuleSetException refused = assertThrows(RuleSetException.class, () -> RuleSet.load(rules, RuleBaseCache.off()));

        // Then exactly the ones with a piece off the list are refused, each at its own line
        Set<Integer> refusedLines = refused.problems().stream().filter(p -> p.file().equals("random/random.drl"))
                .map(p -> p.row()).collect(Collectors.toSet());
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            int line = 3 + i;
            assertEquals(bad.get(i), refusedLines.contains(line), "line " + line + ": " + constraints.get(i) + "\n"
                    + refused.problems().stream().filter(p -> p.row() == line).toList());
            if (!bad.get(i)) accepted.add(constraints.get(i));
        }
        assertTrue(accepted.size() > 200, "enough accepted: " + accepted.size());

        // And the accepted ones compile in Drools: every name in them resolved
        Path good = TestRules.copyTo(tmp.resolve("good"));
        Files.createDirectories(good.resolve("random"));
        Files.writeString(good.resolve("random/random.drl"), drl(accepted));
        try {
            RuleSet.load(good, RuleBaseCache.off());
        } catch (RuleSetException e) {
            throw new AssertionError("accepted constraints that do not compile: " + e.problems(), e);
        }
    }

    private static String drl(List<String> constraints) {
        StringBuilder s = new StringBuilder(HEAD);
        for (int i = 0; i < constraints.size(); i++) {
            s.append("rule \"Random").append(i).append("\" when $a : Application() TrajectoryInProvince(key == $a.trajectoryInProvince, ")
                    .append("$t : trajectory, $n : norm, $d : demand, ").append(constraints.get(i))
                    .append(") then insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\")); end\n");
        }
        return s.toString();
    }

    /** A random condition; with {@code bad}, exactly one of its leaves is a piece off the list. */
    private static String condition(Random r, boolean bad, int depth) {
        if (depth > 0 && r.nextInt(3) == 0) {
            boolean leftBad = bad && r.nextBoolean();
            return "(" + condition(r, leftBad, depth - 1) + (r.nextBoolean() ? " && " : " || ")
                    + condition(r, bad && !leftBad, depth - 1) + ")";
        }
        int sort = r.nextInt(3);
        boolean leftBad = bad && r.nextBoolean();
        boolean rightBad = bad && !leftBad;
        return switch (sort) {
            case 0 -> pick(r, NUMBERS, BAD_NUMBERS, leftBad) + " " + pick(r, new String[]{"<", "<=", ">", ">=", "==", "!="}, null, false)
                    + " " + pick(r, NUMBERS, BAD_NUMBERS, rightBad) + (r.nextInt(4) == 0 ? " + 1" : "");
            case 1 -> pick(r, TEXTS, BAD_TEXTS, leftBad) + (r.nextBoolean() ? " == " : " != ") + pick(r, TEXTS, BAD_TEXTS, rightBad);
            default -> r.nextInt(4) == 0 ? "!(" + pick(r, BOOLEANS, BAD_BOOLEANS, bad) + ")" : pick(r, BOOLEANS, BAD_BOOLEANS, bad);
        };
    }

    private static String pick(Random r, String[] good, String[] bad, boolean takeBad) {
        String[] from = takeBad ? bad : good;
        return from[r.nextInt(from.length)];
    }
}
