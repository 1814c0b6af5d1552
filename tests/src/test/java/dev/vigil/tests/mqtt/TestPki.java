package dev.vigil.tests.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Certificates made at test time with the {@code openssl} command: a test CA, a broker certificate it
 * signs for 127.0.0.1/localhost, and a second, unrelated CA (the "wrong CA").
 */
record TestPki(Path ca, Path serverCert, Path serverKey, Path otherCa) {
    static final Path OPENSSL = Path.of("/usr/bin/openssl");

    static TestPki create(Path dir) throws IOException, InterruptedException {
        Tools.require(OPENSSL, "openssl");
        String o = OPENSSL.toString();
        Tools.run(dir, o, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=Vigil Test CA");
        Tools.run(dir, o, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other-ca.pem",
                "-days", "2", "-subj", "/CN=Some Other CA");
        Tools.run(dir, o, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        Tools.run(dir, o, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        return new TestPki(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"),
                dir.resolve("other-ca.pem"));
    }
}
