package be.serv.advies.cli;

import be.serv.advies.explain.Explanation;
import be.serv.advies.explain.ExplanationJson;
import be.serv.advies.explain.ExplanationText;
import be.serv.advies.engine.Evaluator;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.Set;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Legt uit waarom een aanvraag haar ontwerpadvies kreeg.",
                "Toont welke regels vuurden, op welke feiten en cijfers, en waarom de andere criteria niet van " +
                "toepassing zijn."})
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_DIR", description = "Map van de batch.")
    Path batchDir;

    @Parameters(index = "1", paramLabel = "APPLICATION_ID", description = "Id van de aanvraag.")
    String applicationId;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @CommandLine.Mixin
    PreviousAdviceOption lastYearsAdvice;

    @Option(names = "--json", description = "Dezelfde uitleg als JSON.")
    boolean json;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "full",
            description = "full (alles), fired (enkel de regels die vuurden) of why-not (enkel waarom andere criteria niet golden).")
    String view;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The rules start loading at once; on a wrong --view they are simply not waited for.
        RuleSet.Pending pending = RuleSet.loadInBackground(rules);
        Explanation.View v;
        switch (view) {
            case "full" -> v = Explanation.View.FULL;
            case "fired" -> v = Explanation.View.FIRED;
            case "why-not" -> v = Explanation.View.WHY_NOT;
            default -> {
                err.println("advies: onbekende --view '" + view + "'; kies full, fired of why-not");
                return ExitCodes.INPUT;
            }
        }
        // Only this application is evaluated, with its trace, against the facts of the whole batch.
        DraftRun run = Drafting.draft(batchDir, lastYearsAdvice.file, pending, Evaluator.Options.only(Set.of(applicationId)), err);
        Optional<Explanation> e = Explanation.of(run, applicationId);
        if (e.isEmpty()) {
            err.println("advies: aanvraag '" + applicationId + "' staat niet in " + batchDir);
            return ExitCodes.INPUT;
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ExplanationJson.render(e.get(), v)));
        } else {
            out.print(ExplanationText.render(e.get(), run.rules().precedence(), v));
        }
        return ExitCodes.OK;
    }
}
