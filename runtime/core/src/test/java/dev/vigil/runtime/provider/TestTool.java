package dev.vigil.runtime.provider;

/** A service type for {@link ProvidersTest}: an id and a rank. */
public interface TestTool {

    /** The tool's id. */
    String id();

    /** Its rank for {@link Providers#AUTO}. */
    int rank();

    /** A tool the tests hand in as a built-in. */
    record Tool(String id, int rank) implements TestTool {
    }

    /** The one tool registered in {@code META-INF/services}: "loaded", rank 5. */
    final class Loaded implements TestTool {
        @Override
        public String id() {
            return "loaded";
        }

        @Override
        public int rank() {
            return 5;
        }
    }
}
