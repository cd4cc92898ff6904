package be.serv.advies.output;

import be.serv.advies.cli.AdviesCommand;

import java.util.Arrays;

/**
 * The command line, halted as if killed (no clean-up, no shutdown hooks) when its output reaches a
 * step: {@code KilledAtStep STEP COMMAND...}. Run as a process of its own by {@link OutputKillTest}.
 */
public final class KilledAtStep {
    private KilledAtStep() {
    }

    public static void main(String[] args) {
        String at = args[0];
        AtomicOutput.onStep(step -> {
            if (!step.equals(at)) return;
            System.err.println("uitvoer: gestopt bij stap " + step);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        });
        AdviesCommand.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
