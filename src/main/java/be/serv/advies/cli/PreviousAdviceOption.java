package be.serv.advies.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --previous-advice}, declared once for every command that reads a batch. */
final class PreviousAdviceOption {
    @Option(names = "--previous-advice", paramLabel = "FILE",
            description = "De finale annex van vorig jaar (export van de beoordelingsserver, of annex.csv/json/xlsx); in de plaats van previous.advice in batch.json.")
    Path file;
}
