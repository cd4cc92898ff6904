package be.serv.advies.rules;

/**
 * A check, before the compile, of files beside the rules that another package reads (the case files).
 * Implementations are listed in {@code META-INF/services}, so that this package uses none of theirs;
 * {@link RuleChecks} runs them after its own and refuses to start when there is none.
 */
public interface FolderCheck extends RuleCheck {
}
