package be.serv.advies.support;

import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.verdict.Advice;

import java.util.List;

/** Runs rules over facts and hands a test the draft of one application. */
public final class Drafts {
    private final DraftRun run;

    private Drafts(DraftRun run) {
        this.run = run;
    }

    public static Drafts of(RuleSet rules, Batch batch) {
        try {
            return new Drafts(DraftRun.of(batch, rules));
        } catch (RuleSetException e) {
            throw new AssertionError("rules failed: " + e.problems(), e);
        }
    }

    public Advice advice(String id) {
        return run.advice(id).orElseThrow(() -> new AssertionError("no draft for " + id));
    }

    public Finding finding(String id, String code) {
        return advice(id).findings().stream().filter(f -> f.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no finding " + code + "; it has " + codes(advice(id).findings())));
    }

    public Finding cleared(String id, String code) {
        return advice(id).cleared().stream().filter(f -> f.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no 'does not apply' for " + code));
    }

    public boolean has(String id, String code) {
        return advice(id).findings().stream().anyMatch(f -> f.getCode().equals(code));
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::getCode).toList();
    }

    public DraftRun run() {
        return run;
    }
}
