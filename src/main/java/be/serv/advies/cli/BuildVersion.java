package be.serv.advies.cli;

import picocli.CommandLine;

/**
 * {@code advies -V}: the version Maven built, from the jar's manifest ({@code Implementation-Version}),
 * so the release and its help never disagree. Classes run from a folder (the tests) have no manifest.
 */
public final class BuildVersion implements CommandLine.IVersionProvider {
    /** The built version, e.g. {@code 1.0.0}; null outside a jar. */
    public static String version() {
        return AdviesCommand.class.getPackage().getImplementationVersion();
    }

    @Override
    public String[] getVersion() {
        String v = version();
        return new String[] {"advies " + (v == null ? "(ontwikkelversie, niet uit een jar)" : v)};
    }
}
