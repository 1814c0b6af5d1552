package dev.vigil.runtime.cli;

import picocli.CommandLine;

/** Reports Vigil's version from the jar manifest, and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {

    /** {@code vigil <version>}, as bundles record the tool that wrote them. */
    static String tool() {
        String v = VigilCli.class.getPackage().getImplementationVersion();
        return "vigil " + (v == null ? "development build" : v);
    }

    @Override
    public String[] getVersion() {
        return new String[]{tool(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
