package be.serv.advies.verdict;

import be.serv.advies.engine.Evaluation;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.model.Verdict;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Kind;
import be.serv.advies.rules.Precedence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns findings into a draft advice by the precedence of {@code rules/precedence.yaml}: preferences
 * first lift the concerns they name, then the strongest kind present decides the verdict, and every
 * finding of the deciding kinds becomes a reason.
 */
public final class Drafter {
    private final Precedence precedence;

    public Drafter(Precedence precedence) {
        this.precedence = Objects.requireNonNull(precedence, "precedence");
    }

    /** Applications from which drafting is spread over the cores: below it, starting threads costs more than it saves. */
    static final int PARALLEL_FROM = 20_000;

    /** The drafts in batch order; each depends only on its own findings, so large batches are drafted on all cores. */
    public List<Advice> draftAll(Batch batch, Evaluation evaluation) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(evaluation, "evaluation");
        List<Application> apps = batch.getApplications();
        if (apps.size() >= PARALLEL_FROM) {
            return IntStream.range(0, apps.size()).parallel()
                    .mapToObj(i -> draft(apps.get(i).getId(), evaluation.findings(apps.get(i).getId()))).toList();
        }
        List<Advice> out = new ArrayList<>(apps.size());
        for (Application a : apps) out.add(draft(a.getId(), evaluation.findings(a.getId())));
        return out;
    }

    public Advice draft(String applicationId, List<Finding> all) {
        Objects.requireNonNull(applicationId, "applicationId");
        List<Finding> applying = new ArrayList<>();
        List<Finding> cleared = new ArrayList<>();
        for (Finding f : all) (f.isApplies() ? applying : cleared).add(f);

        // Every preference that lifts a concern is named, in rule order: a new Se-n-Se training is
        // approved maximally for both reasons.
        Map<String, List<String>> lifted = new LinkedHashMap<>();
        for (Finding f : applying) {
            CodeInfo info = precedence.code(f.getCode());
            if (info != null && info.kind() == Kind.PREFERENCE) {
                for (String concern : info.lifts()) {
                    List<String> by = lifted.computeIfAbsent(concern, k -> new ArrayList<>());
                    if (!by.contains(f.getCode())) by.add(f.getCode());
                }
            }
        }
        Map<Kind, List<Finding>> byKind = new LinkedHashMap<>();
        Set<String> signals = new LinkedHashSet<>();
        for (Finding f : applying) {
            CodeInfo info = precedence.code(f.getCode());
            // The door refuses a literal unknown code and the engine stops a rule that computes one,
            // so this cannot happen; if it did, no kind is guessed.
            if (info == null) {
                throw new IllegalStateException("reason code " + f.getCode() + " of rule " + f.getRule() + " is not in precedence.yaml");
            }
            Kind kind = info.kind();
            if (kind == Kind.SIGNAL) signals.add(f.getCode());
            if (lifted.containsKey(f.getCode())) continue;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(f);
        }
        lifted.keySet().retainAll(applying.stream().map(Finding::getCode).toList());

        Verdict verdict = Verdict.POSITIVE;
        for (Kind kind : precedence.order()) {
            if (byKind.containsKey(kind)) {
                verdict = verdictOf(kind);
                break;
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> remarks = new LinkedHashSet<>();
        List<Finding> deciding = new ArrayList<>();
        for (Kind kind : precedence.order()) {
            if (verdictOf(kind) != verdict || !byKind.containsKey(kind)) continue;
            for (Finding f : byKind.get(kind)) {
                reasons.add(f.getCode());
                if (kind == Kind.REMARK) remarks.add(f.getCode());
                deciding.add(f);
            }
        }
        String motivation = Motivation.write(verdict, deciding, byKind, lifted, applying, cleared, precedence);
        return new Advice(applicationId, verdict, List.copyOf(reasons), List.copyOf(remarks), lifted,
                List.copyOf(signals), motivation, applying, cleared);
    }

    static Verdict verdictOf(Kind kind) {
        return switch (kind) {
            case NO_ADVICE -> Verdict.NO_ADVICE;
            case NEGATIVE -> Verdict.NEGATIVE;
            case REMARK, CONFIRMATION -> Verdict.POSITIVE_WITH_REMARKS;
            case PREFERENCE, SIGNAL -> Verdict.POSITIVE;
        };
    }
}
