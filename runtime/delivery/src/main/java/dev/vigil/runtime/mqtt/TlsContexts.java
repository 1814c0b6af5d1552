package dev.vigil.runtime.mqtt;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Builds the TLS socket factory from PEM files: trusted CA(s), and optionally a client certificate and key. */
public final class TlsContexts {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private TlsContexts() {
    }

    /**
     * PEM files for TLS (the {@code broker.tls} keys).
     *
     * @param caFile   CA certificate(s) to trust
     * @param certFile client certificate, or empty
     * @param keyFile  its unencrypted PKCS#8 key, or empty
     */
    public record PemFiles(String caFile, String certFile, String keyFile) {
    }

    /** The factory for {@code tls}; a missing or unreadable file is a {@link ConnectFailure.Kind#SETTINGS} failure naming it. */
    public static SSLSocketFactory socketFactory(PemFiles tls) throws ConnectFailure {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certificates("broker.tls.ca-file", tls.caFile())) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (!tls.certFile().isEmpty()) {
                char[] none = new char[0];
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                Collection<? extends Certificate> chain = certificates("broker.tls.cert-file", tls.certFile());
                keys.setKeyEntry("client", privateKey(tls.keyFile()), none, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, none);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(String key, String file) throws ConnectFailure {
        Path p = Path.of(file);
        try (InputStream in = Files.newInputStream(p)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, key + " = " + file + " holds no PEM certificate", null);
            }
            return certs;
        } catch (IOException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, key + " = " + file + " cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, key + " = " + file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String file) throws ConnectFailure {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "broker.tls.key-file = " + file + " cannot be read: " + e, e);
        }
        int b = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (b < 0 || end < b) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "broker.tls.key-file = " + file
                    + " is not an unencrypted PKCS#8 PEM key (convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8)", null);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(b + KEY_BEGIN.length(), end));
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "broker.tls.key-file = " + file + ": not an RSA, EC or Ed25519 key", null);
    }
}
