package dev.vigil.boards.deb;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No jar of the distribution is signed: reading a resource from a signed jar has the JVM verify its signature
 * first (Paho reads its message catalogue on the first connection: about 240 security classes and an RSA
 * check at every start). Paho's jars ship with their signature removed and everything else intact.
 */
class UnsignedJarsIT {

    @Test
    void everyJarIsUnsignedAndPahosStillHoldTheirClassesAndCatalogue() throws Exception {
        Path lib = AssembledDistribution.launcher().getParent().resolveSibling("lib");
        List<String> signed = new ArrayList<>();
        List<Path> paho = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile f = new JarFile(jar.toFile())) {
                    if (f.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))) {
                        signed.add(jar.getFileName().toString());
                    }
                }
                if (jar.getFileName().toString().startsWith("org.eclipse.paho")) {
                    paho.add(jar);
                }
            }
        }
        assertEquals(List.of(), signed, "signed jars in " + lib);
        assertEquals(2, paho.size(), "Paho's MQTT 3 and MQTT 5 clients in " + lib + ": " + paho);
        for (Path jar : paho) {
            try (JarFile f = new JarFile(jar.toFile())) {
                assertTrue(f.stream().filter(e -> e.getName().endsWith(".class")).count() > 100, jar + " lost classes");
                assertTrue(f.stream().anyMatch(e -> e.getName().endsWith("/nls/logcat.properties")), jar + " lost its catalogue");
                assertNotNull(f.getEntry("about.html"), jar + " lost its licence notice");
            }
        }
    }
}
