package dev.vigil.tests.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A name resolver for the JVMs of these tests (registered as a service on the test class path): it
 * resolves exactly as the JDK's own does and, when the system property {@value #FILE_PROPERTY} names a
 * file, appends every looked-up host name to it, so a test can see which names a child Vigil asked for.
 */
public final class LookupRecorder extends InetAddressResolverProvider {
    /** System property naming the file that receives one looked-up name per line. */
    public static final String FILE_PROPERTY = "vigil.test.lookups";

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return builtin;
        }
        Path log = Path.of(file);
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                try {
                    Files.writeString(log, host + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "vigil-test-lookup-recorder";
    }
}
