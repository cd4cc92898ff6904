package be.serv.advies.cli;

/**
 * Ends a subcommand with an exit status after its problems were printed; {@link AdviesCommand}
 * turns it into that status, so commands need no catch blocks of their own.
 */
final class CommandFailed extends RuntimeException {
    final int exitCode;

    CommandFailed(int exitCode) {
        super(null, null, false, false);
        this.exitCode = exitCode;
    }
}
