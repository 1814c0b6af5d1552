package dev.vigil.runtime.config;

/**
 * TLS to the broker (with an {@code ssl://} URL): the CA certificate that signed the broker's, and
 * optionally a client certificate and its key, all PEM files. The key must be unencrypted PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}).
 *
 * @param caFile           PEM file of the CA certificate(s) to trust
 * @param certFile         PEM client certificate, or empty
 * @param keyFile          PEM PKCS#8 key of the client certificate, or empty
 * @param verifyHostname   check that the broker's certificate names the host in the URL
 */
public record TlsConfig(String caFile, String certFile, String keyFile, boolean verifyHostname) {
    public TlsConfig {
        caFile = caFile == null ? "" : caFile;
        certFile = certFile == null ? "" : certFile;
        keyFile = keyFile == null ? "" : keyFile;
        if (certFile.isEmpty() != keyFile.isEmpty()) {
            throw new BadValueException(certFile.isEmpty() ? "cert-file" : "key-file", "\"\"",
                    "a client certificate needs both cert-file and key-file");
        }
    }
}
