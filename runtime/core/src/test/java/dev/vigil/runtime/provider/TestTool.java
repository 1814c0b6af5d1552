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

    /** Registered second: rank 5. */
    final class High implements TestTool {
        @Override
        public String id() {
            return "high";
        }

        @Override
        public int rank() {
            return 5;
        }
    }

    /** Registered third: rank 5 too, so it loses to {@link High}, found first. */
    final class AlsoHigh implements TestTool {
        @Override
        public String id() {
            return "also-high";
        }

        @Override
        public int rank() {
            return 5;
        }
    }

    /** Registered first: rank 1. */
    final class Low implements TestTool {
        @Override
        public String id() {
            return "low";
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    /** Registered last: only used when named. */
    final class NamedOnly implements TestTool {
        @Override
        public String id() {
            return "named-only";
        }

        @Override
        public int rank() {
            return -1;
        }
    }
}
