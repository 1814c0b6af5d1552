package dev.vigil.runtime.config;

/**
 * Remote commands on {@code <root>/<device-id>/config/set}: off unless switched on, and then only with
 * a token (anyone who can publish to the broker could otherwise reconfigure the device).
 *
 * @param enabled   subscribe to commands at all
 * @param token     a command must carry {@code "token": "<this>"} or it is refused as unauthorised (a
 *                  second lock beside the broker's ACL); this or {@code tokenFile} is required when
 *                  {@code enabled}
 * @param tokenFile file whose first line is the token, instead of {@code token} (may start with
 *                  {@code ${CREDENTIALS_DIRECTORY}}, the directory of a systemd unit's credentials)
 */
public record CommandsConfig(boolean enabled, String token, String tokenFile) {
    public CommandsConfig {
        token = token == null ? "" : token;
        tokenFile = tokenFile == null ? "" : tokenFile;
        if (!token.isEmpty() && !tokenFile.isEmpty()) {
            throw new BadValueException("token-file", tokenFile, "give either token or token-file, not both");
        }
        if (enabled && token.isBlank() && tokenFile.isBlank()) {
            throw new BadValueException("token", "\"" + token + "\"", "commands.enabled needs a token that commands must carry; "
                    + "set broker.commands.token or broker.commands.token-file (or broker.commands.enabled: false)");
        }
    }
}
