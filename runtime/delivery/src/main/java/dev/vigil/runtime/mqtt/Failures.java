package dev.vigil.runtime.mqtt;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

/** Turns Paho's exceptions into {@link ConnectFailure}s whose message says what to change. */
final class Failures {
    /** MQTT 3.1.1 CONNACK codes and MQTT 5 reason codes, from the two specifications. */
    static final int V3_BAD_PROTOCOL = 1;
    static final int V3_BAD_CREDENTIALS = 4;
    static final int V3_NOT_AUTHORISED = 5;
    static final int V5_UNSUPPORTED_PROTOCOL = 132;
    static final int V5_BAD_CREDENTIALS = 134;
    static final int V5_NOT_AUTHORISED = 135;
    /** Paho's own codes (shared by both clients). */
    static final int PAHO_TIMEOUT = 32000;
    static final int PAHO_CONNECTION_LOST = 32109;
    /** Paho MQTT 5's "Invalid Return code": a CONNACK it cannot read, as a 3.1.1-only broker sends. */
    static final int PAHO5_INVALID_RETURN_CODE = 50001;

    private Failures() {
    }

    static ConnectFailure classify(String url, String protocol, int reasonCode, Throwable e, ConnectSettings s) {
        String where = "MQTT broker " + url + " (MQTT " + protocol + ")";
        Throwable cert = find(e, CertPathBuilderException.class, CertPathValidatorException.class);
        if (cert != null) {
            return new ConnectFailure(ConnectFailure.Kind.TLS, where + ": TLS handshake failed: the broker's certificate"
                    + " is not signed by a CA in broker.tls.ca-file (" + cert.getMessage() + ")", e);
        }
        Throwable ssl = find(e, SSLHandshakeException.class, SSLException.class, CertificateException.class);
        if (ssl != null) {
            String m = String.valueOf(ssl.getMessage());
            String hint = m.contains("subject alternative") || m.contains("No name matching")
                    ? " (the certificate does not name this host; fix broker.url or set broker.tls.verify-hostname: false)"
                    : m.contains("Unsupported or unrecognized SSL message")
                    ? " (the port does not speak TLS; use tcp:// for a plain listener)"
                    : "";
            return new ConnectFailure(ConnectFailure.Kind.TLS, where + ": TLS handshake failed: " + m + hint, e);
        }
        Throwable dropped = url.startsWith("ssl:") ? find(e, SocketException.class, EOFException.class) : null;
        if (dropped != null && !(dropped instanceof ConnectException || dropped instanceof NoRouteToHostException)
                && inTlsHandshake(dropped)) {
            return new ConnectFailure(ConnectFailure.Kind.TLS, where + ": TLS handshake failed: the broker dropped the"
                    + " connection (" + dropped.getMessage() + "), as a port without TLS does (use tcp:// for a plain listener)", e);
        }
        switch (reasonCode) {
            case V3_BAD_CREDENTIALS, V5_BAD_CREDENTIALS -> {
                return new ConnectFailure(ConnectFailure.Kind.AUTH, where + ": the broker refused the user name or password"
                        + (s.username().isEmpty() ? " (none given: set broker.username and broker.password-file)"
                        : " given for user '" + s.username() + "' (check broker.username and broker.password-file)"), e);
            }
            case V3_NOT_AUTHORISED, V5_NOT_AUTHORISED -> {
                return new ConnectFailure(ConnectFailure.Kind.AUTH, where + ": not authorised"
                        + (s.username().isEmpty() ? ": the broker wants a user name and password (broker.username, broker.password-file)"
                        : " as user '" + s.username() + "': wrong password or no permission (check broker.password-file and the broker's ACL)"), e);
            }
            case V3_BAD_PROTOCOL, V5_UNSUPPORTED_PROTOCOL, PAHO5_INVALID_RETURN_CODE -> {
                return new ConnectFailure(ConnectFailure.Kind.PROTOCOL, where + ": the broker does not speak MQTT " + protocol, e);
            }
            default -> {
            }
        }
        Throwable net = find(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class);
        if (net != null) {
            return new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, where + ": cannot reach it: " + net.getMessage()
                    + " (is the broker running? check broker.url)", e);
        }
        if (reasonCode == PAHO_TIMEOUT || find(e, SocketTimeoutException.class) != null) {
            return new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, where + ": no answer within "
                    + s.connectTimeoutS() + " s (broker.connect-timeout-s)", e);
        }
        if (reasonCode == PAHO_CONNECTION_LOST || find(e, EOFException.class) != null) {
            return new ConnectFailure(ConnectFailure.Kind.PROTOCOL, where + ": the broker closed the connection before"
                    + " accepting it" + (url.startsWith("tcp:") ? " (if this port expects TLS, use an ssl:// URL with broker.tls.ca-file)" : ""), e);
        }
        return new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, where + ": " + describe(e), e);
    }

    /** Whether {@code e} was thrown inside the JDK's TLS implementation, i.e. while the handshake ran. */
    private static boolean inTlsHandshake(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("sun.security.ssl.")) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static Throwable find(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable c = e.getCause();
        if (c != null && c != e && c.getMessage() != null && !b.toString().contains(c.getMessage())) {
            b.append(": ").append(c.getMessage());
        }
        return b.toString();
    }
}
