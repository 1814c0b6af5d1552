package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The live page {@code vigil run} and {@code vigil replay} serve over HTTP: read-only, off by default.
 *
 * @param enabled    serve it at all
 * @param address    the address to listen on; beyond loopback, requests must carry the token
 * @param port       the port (0 = any free one, printed at start)
 * @param token      the token requests carry as {@code ?token=}; required when listening beyond loopback
 * @param historyS   seconds of windows the page keeps and a new page is sent
 * @param maxClients pages streaming at once; more are refused until one closes
 */
public record HttpConfig(boolean enabled, String address, int port, String token, int historyS, int maxClients) {

    public HttpConfig {
        address = address == null ? "" : address.strip();
        token = token == null ? "" : token;
        if (address.isEmpty()) {
            throw new BadValueException("address", "\"\"", "name an address to listen on, e.g. 127.0.0.1");
        }
        inRange("port", port, 0, 65_535);
        inRange("history-s", historyS, 10, 3600);
        inRange("max-clients", maxClients, 1, 64);
    }

    /** A copy that serves on {@code newAddress} (null: keep this one) and {@code newPort}. */
    public HttpConfig servingOn(String newAddress, int newPort) {
        return new HttpConfig(true, newAddress == null ? address : newAddress, newPort, token, historyS, maxClients);
    }
}
