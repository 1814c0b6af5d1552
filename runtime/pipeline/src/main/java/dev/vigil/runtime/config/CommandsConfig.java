package dev.vigil.runtime.config;

/**
 * Remote commands on {@code <root>/<device-id>/config/set}.
 *
 * @param enabled subscribe to commands at all
 * @param token   when not empty, a command must carry {@code "token": "<this>"} or it is refused as
 *                unauthorised (a second lock beside the broker's ACL)
 */
public record CommandsConfig(boolean enabled, String token) {
    public CommandsConfig {
        token = token == null ? "" : token;
    }
}
