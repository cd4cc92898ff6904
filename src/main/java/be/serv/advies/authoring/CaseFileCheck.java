package be.serv.advies.authoring;

import be.serv.advies.model.Batch;
import be.serv.advies.rules.Diagnostic;
import be.serv.advies.rules.FolderCheck;
import be.serv.advies.rules.RuleFolder;

import java.util.List;

/** {@link CaseFile#CHECK} as the service the rule checks find, so that they need not know this package. */
public final class CaseFileCheck implements FolderCheck {
    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        CaseFile.CHECK.check(folder, batch, out);
    }
}
