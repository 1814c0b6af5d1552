package dev.vigil.runtime.mqtt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Settings that may change while Vigil runs (wake thresholds, sensors on or off). A change is
 * validated as a whole, then applied as a whole, or refused with nothing applied; running lanes take
 * it at their next window boundary.
 */
public interface LiveSettings {

    /** Every live key (dotted config path) with its current value. */
    Map<String, Object> current();

    /**
     * Validates {@code changes} (dotted config paths to JSON values) and applies them all, or none.
     *
     * @return the applied keys with their new values
     * @throws RefusedChangeException naming the key, the value and the reason for the first refusal
     */
    Map<String, Object> apply(Map<String, JsonNode> changes) throws RefusedChangeException;

    /** A change refused as a whole. */
    final class RefusedChangeException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Refused because of {@code message}. */
        public RefusedChangeException(String message) {
            super(message);
        }
    }
}
