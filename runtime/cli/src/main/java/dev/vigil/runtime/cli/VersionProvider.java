package dev.vigil.runtime.cli;

import picocli.CommandLine;

/** Reports Vigil's version from the jar manifest, and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VigilCli.class.getPackage().getImplementationVersion();
        return new String[]{"vigil " + (v == null ? "development build" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
