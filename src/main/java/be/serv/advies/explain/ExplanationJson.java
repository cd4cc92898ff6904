package be.serv.advies.explain;

import be.serv.advies.engine.Firing;
import be.serv.advies.model.Finding;
import be.serv.advies.output.Annex;
import be.serv.advies.rules.CodeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** The explanation as data, for tools and the review server. */
public final class ExplanationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplanationJson() {
    }

    public static ObjectNode render(Explanation e, Explanation.View view) {
        Objects.requireNonNull(e, "explanation");
        ObjectNode root = JSON.createObjectNode();
        root.put("id", e.application().getId());
        root.put("trajectory", e.trajectory().getCode());
        root.put("trajectory_name", e.trajectory().getName());
        root.put("sector", e.partnership().getName());
        root.put("verdict", e.advice().verdict().name());
        e.advice().reasons().forEach(root.putArray("reasons")::add);
        ObjectNode lifted = root.putObject("lifted");
        e.advice().lifted().forEach((concern, by) -> by.forEach(lifted.putArray(concern)::add));
        e.advice().signals().forEach(root.putArray("signals")::add);
        root.put("motivation", e.advice().motivation());
        if (e.previous() != null) Annex.previousJson(root.putObject("previous_advice"), e.previous());
        if (view != Explanation.View.WHY_NOT) {
            ArrayNode fired = root.putArray("fired");
            for (Firing f : e.fired()) {
                ObjectNode n = fired.addObject();
                n.put("rule", f.rule());
                n.put("file", f.file());
                ArrayNode findings = n.putArray("findings");
                for (Finding x : f.findings()) {
                    if (!x.getApplicationId().equals(e.application().getId()) || !x.isApplies()) continue;
                    findings.addObject().put("code", x.getCode()).put("text", x.getText());
                }
                f.facts().forEach(n.putArray("facts")::add);
                ObjectNode b = n.putObject("bindings");
                f.bindings().forEach(b::put);
            }
        }
        if (view != Explanation.View.FIRED) {
            ArrayNode cleared = root.putArray("not_applied");
            for (Finding f : e.cleared()) {
                cleared.addObject().put("code", f.getCode()).put("text", f.getText()).put("rule", f.getRule()).put("file", f.getRuleFile());
            }
            ArrayNode none = root.putArray("not_assessed");
            for (CodeInfo c : e.notAssessed()) none.addObject().put("code", c.code()).put("kind", c.kind().name()).put("label", c.label());
        }
        root.put("rules_hash", e.rulesHash());
        root.put("input_hash", e.inputHash());
        return root;
    }
}
