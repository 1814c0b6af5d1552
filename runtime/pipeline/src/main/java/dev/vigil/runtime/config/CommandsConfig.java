package dev.vigil.runtime.config;

/**
 * Remote commands on {@code <root>/<device-id>/config/set}: off unless switched on, and then only with
 * a token (anyone who can publish to the broker could otherwise reconfigure the device).
 *
 * @param enabled subscribe to commands at all
 * @param token   a command must carry {@code "token": "<this>"} or it is refused as unauthorised (a
 *                second lock beside the broker's ACL); required when {@code enabled}
 */
public record CommandsConfig(boolean enabled, String token) {
    public CommandsConfig {
        token = token == null ? "" : token;
        if (enabled && token.isBlank()) {
            throw new BadValueException("token", "\"" + token + "\"", "commands.enabled needs a token that commands must carry; "
                    + "set broker.commands.token (or broker.commands.enabled: false)");
        }
    }
}
