package dev.vigil.runtime.config;

/**
 * Remote commands on {@code <root>/<device-id>/config/set}.
 *
 * @param enabled   subscribe to commands at all
 * @param token     when not empty, a command must carry {@code "token": "<this>"} or it is refused as
 *                  unauthorised (a second lock beside the broker's ACL)
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
    }
}
