package dev.vigil.boards.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.runtime.cli.CommandProvider;
import dev.vigil.sensors.SourceProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .deb} the build made in {@code package}: control fields, contents, the conffile and the
 * unit, {@code lintian} (no errors), {@code systemd-analyze verify}, and an install with
 * {@code dpkg -i} into a scratch root (maintainer scripts chrootless: the postinst sees DPKG_ROOT and
 * leaves the host's users and services alone; dependencies are forced because the scratch root has no
 * Java). Tools that are absent make their test skip with a message; CI installs them.
 */
class DebianPackageIT {
    private static Path deb;

    @BeforeAll
    static void findPackage() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> debs = s.filter(p -> p.getFileName().toString().matches("vigil_.*_all\\.deb")).toList();
            assertEquals(1, debs.size(), "exactly one vigil_*_all.deb in target/: " + debs);
            deb = debs.get(0).toAbsolutePath();
        }
        Assumptions.assumeTrue(Command.available("dpkg-deb"), "dpkg-deb not installed: apt-get install dpkg");
    }

    private static Map<String, String> controlFields() throws Exception {
        Command c = Command.run(List.of("dpkg-deb", "-f", deb.toString()));
        assertEquals(0, c.exit(), c.output());
        Map<String, String> fields = new LinkedHashMap<>();
        String key = null;
        for (String line : c.output().split("\n")) {
            if (line.startsWith(" ") && key != null) {
                fields.merge(key, "\n" + line, String::concat);
            } else if (line.contains(":")) {
                key = line.substring(0, line.indexOf(':'));
                fields.put(key, line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return fields;
    }

    private static Path extract(Path dir) throws Exception {
        Command c = Command.run(List.of("dpkg-deb", "-x", deb.toString(), dir.toString()));
        assertEquals(0, c.exit(), c.output());
        return dir;
    }

    @Test
    void controlFieldsDescribeAnArchitectureIndependentJavaPackage() throws Exception {
        Map<String, String> f = controlFields();
        assertEquals("vigil", f.get("Package"));
        assertEquals("all", f.get("Architecture"));
        assertTrue(f.get("Version").matches("\\d+\\.\\d+\\.\\d+.*"), f.get("Version"));
        assertTrue(f.get("Depends").startsWith("openjdk-21-jre-headless | "), f.get("Depends"));
        assertTrue(f.get("Depends").contains("java21-runtime-headless"), f.get("Depends"));
        assertTrue(f.get("Depends").contains("adduser"), "the postinst uses adduser");
        assertTrue(f.containsKey("Maintainer") && f.containsKey("Description") && f.containsKey("Installed-Size"), f::toString);
        Command conffiles = Command.run(List.of("dpkg-deb", "-I", deb.toString(), "conffiles"));
        assertEquals(List.of("/etc/vigil/vigil.yaml", "/etc/vigil/credentials/broker-password",
                "/etc/vigil/credentials/commands-token"), conffiles.output().strip().lines().toList());
    }

    @Test
    void contentsFollowTheLayout() throws Exception {
        Command c = Command.run(List.of("dpkg-deb", "-c", deb.toString()));
        assertEquals(0, c.exit(), c.output());
        Set<String> paths = new TreeSet<>();
        for (String line : c.output().split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            paths.add(f[5]);
        }
        assertTrue(paths.contains("./usr/bin/vigil -> ../share/vigil/bin/vigil"), paths::toString);
        assertTrue(paths.contains("./usr/share/vigil/bin/vigil"));
        assertTrue(paths.contains("./etc/vigil/vigil.yaml"));
        assertTrue(paths.contains("./usr/lib/systemd/system/vigil.service"), "the unit under /usr/lib (merged /usr)");
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("./lib/")), "nothing under /lib: " + paths);
        assertTrue(paths.contains("./var/lib/vigil/"));
        assertTrue(paths.contains("./usr/share/doc/vigil/copyright"));
        for (String jar : List.of("vigil-core-", "vigil-models-", "vigil-pipeline-",
                "vigil-delivery-", "vigil-cli-", "vigil-boards-", "vigil-device-drivers-", "vigil-sensors-",
                "pi4j-core-", "pi4j-plugin-linuxfs-", "pi4j-plugin-gpiod-", "picocli-", "tinylog-impl-")) {
            assertTrue(paths.stream().anyMatch(p -> p.startsWith("./usr/share/vigil/lib/" + jar)), jar);
        }
        assertFalse(paths.stream().anyMatch(p -> p.contains("pi4j-plugin-mock") || p.contains("junit")
                || p.contains("slf4j-simple")), "no test-only jars");
        assertFalse(paths.stream().anyMatch(p -> p.contains("/jsch-")), "no jsch: Pi4J's linuxfs plugin declares it, no class uses it");
        assertTrue(c.output().contains("-rwxr-xr-x root/root") && c.output().lines()
                .anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith("./usr/share/vigil/bin/vigil")),
                "the launcher is executable and owned by root");
    }

    @Test
    void shipsNoJarWithAKnownVulnerability() throws Exception {
        Map<String, String> jars = new HashMap<>();
        Matcher name = Pattern.compile("\\./usr/share/vigil/lib/(.+)-(\\d[^-]*)\\.jar$").matcher("");
        for (String line : Command.run(List.of("dpkg-deb", "-c", deb.toString())).output().split("\n")) {
            if (name.reset(line.trim().split("\\s+", 6)[5]).find()) {
                jars.put(name.group(1), name.group(2));
            }
        }
        assertFalse(jars.containsKey("lz4-java"), "lz4-java 1.8.0: CVE-2025-12183, CVE-2025-66566 (jHDF runs without it)");
        assertTrue(atLeast(jars.get("commons-lang3"), 3, 18), "commons-lang3 " + jars.get("commons-lang3") + ": CVE-2025-48924");
        for (String netty : List.of("netty-buffer", "netty-codec", "netty-codec-mqtt", "netty-common", "netty-handler",
                "netty-resolver", "netty-transport")) {
            assertTrue(jars.get(netty).startsWith("4.1.") && atLeast(jars.get(netty).substring(2), 1, 125),
                    netty + " " + jars.get(netty) + ": CVE-2025-24970, CVE-2025-58057 and older");
        }
    }

    /** Whether version {@code v} ("major.minor...") is at least {@code major.minor}. */
    private static boolean atLeast(String v, int major, int minor) {
        String[] p = v.split("\\.");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        return a > major || a == major && b >= minor;
    }

    @Test
    void theConfigAndTheSecretsAreNotWorldReadable() throws Exception {
        Map<String, String> modes = new HashMap<>();
        for (String line : Command.run(List.of("dpkg-deb", "-c", deb.toString())).output().split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            modes.put(f[5], f[0] + " " + f[1]);
        }
        assertEquals("-rw-r----- root/root", modes.get("./etc/vigil/vigil.yaml"),
                "0640: the postinst gives it to group vigil once that exists");
        assertEquals("drwx------ root/root", modes.get("./etc/vigil/credentials/"));
        assertEquals("-rw------- root/root", modes.get("./etc/vigil/credentials/broker-password"));
        assertEquals("-rw------- root/root", modes.get("./etc/vigil/credentials/commands-token"));
    }

    /**
     * Runs the postinst twice (install, then upgrade) with the account and permission tools replaced by
     * stubs that log their arguments, since a real run would add a user to this machine: the config goes
     * to group vigil (dpkg-statoverride, which later unpacks honour) only after the user and group exist,
     * and only once.
     */
    @Test
    void postinstGivesTheConfigToGroupVigilAfterCreatingIt(@TempDir Path dir) throws Exception {
        Command control = Command.run(List.of("dpkg-deb", "-e", deb.toString(), dir.resolve("control").toString()));
        assertEquals(0, control.exit(), control.output());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("calls.log");
        Path state = Files.createDirectories(dir.resolve("state"));
        Map<String, String> stubs = Map.of(
                "getent", "[ \"$1\" = passwd ] && { [ -e \"$STATE/user\" ] || exit 2; }; exit 0",
                "adduser", "case \" $* \" in *\" --system \"*) touch \"$STATE/user\";; esac",
                "dpkg-statoverride", "case \"$1\" in --list) [ -e \"$STATE/override\" ] || exit 1;; --update) touch \"$STATE/override\";; esac",
                "chown", "", "chmod", "", "systemctl", "");
        for (Map.Entry<String, String> stub : stubs.entrySet()) {
            Path f = bin.resolve(stub.getKey());
            Files.writeString(f, "#!/bin/sh\necho \"" + stub.getKey() + " $*\" >> \"$LOG\"\n" + stub.getValue() + "\nexit 0\n");
            f.toFile().setExecutable(true);
        }
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "LOG", log.toString(), "STATE", state.toString());
        for (String run : List.of("install", "upgrade")) {
            Command c = Command.run(dir, env, List.of("/bin/sh", dir.resolve("control/postinst").toString(), "configure"));
            assertEquals(0, c.exit(), run + ": " + c.output());
        }
        List<String> calls = Files.readAllLines(log);
        int user = indexOf(calls, "adduser --system --group");
        int override = indexOf(calls, "dpkg-statoverride --update --add root vigil 0640 /etc/vigil/vigil.yaml");
        assertTrue(user >= 0 && override > user, "user first, then the config's group: " + calls);
        assertEquals(1, calls.stream().filter(l -> l.startsWith("dpkg-statoverride --update")).count(),
                "an upgrade keeps the override (and the admin's own): " + calls);
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void conffileIsAValidConfigThatFitsTheUnit(@TempDir Path dir) throws Exception {
        Path root = extract(dir);
        VigilConfig config = ConfigLoader.load(root.resolve("etc/vigil/vigil.yaml"));
        assertEquals("embedded", config.broker().url());
        assertTrue(config.broker().outbox().dir().startsWith("/var/lib/vigil/"),
                "the outbox must survive restarts, inside the unit's ReadWritePaths: " + config.broker().outbox().dir());
        assertTrue(config.sources().isEmpty(), "a fresh install runs no made-up source: " + config.sources());
        assertEquals("", config.broker().password(), "no secret inline");
        assertEquals("", config.broker().commands().token(), "no secret inline");
        String text = Files.readString(root.resolve("etc/vigil/vigil.yaml"));
        assertTrue(text.contains("${CREDENTIALS_DIRECTORY}/broker-password")
                && text.contains("${CREDENTIALS_DIRECTORY}/commands-token"), "it shows how to read the credentials");
    }

    @Test
    void unitIsHardenedAndRunsTheServiceCommand(@TempDir Path dir) throws Exception {
        Map<String, List<String>> keys = unitKeys(extract(dir).resolve("usr/lib/systemd/system/vigil.service"));
        assertEquals(List.of("/usr/bin/vigil run --config /etc/vigil/vigil.yaml"), keys.get("ExecStart"));
        assertEquals(List.of("vigil"), keys.get("User"));
        assertEquals(List.of("on-failure"), keys.get("Restart"));
        assertEquals(List.of("yes"), keys.get("NoNewPrivileges"));
        assertEquals(List.of("strict"), keys.get("ProtectSystem"));
        assertEquals(List.of("/var/lib/vigil"), keys.get("ReadWritePaths"));
        assertEquals(List.of("closed"), keys.get("DevicePolicy"));
        assertEquals(List.of("multi-user.target"), keys.get("WantedBy"));
        assertEquals(List.of("@system-service", "~@privileged @resources"), keys.get("SystemCallFilter"));
        assertEquals(List.of("EPERM"), keys.get("SystemCallErrorNumber"));
        assertEquals(List.of("invisible"), keys.get("ProtectProc"));
        assertEquals(List.of("AF_UNIX AF_INET AF_INET6"), keys.get("RestrictAddressFamilies"), "no netlink");
        assertEquals(List.of("any"), keys.get("IPAddressDeny"));
        assertTrue(keys.get("IPAddressAllow").get(0).startsWith("localhost "), keys.get("IPAddressAllow")::toString);
        assertEquals(List.of("0077"), keys.get("UMask"));
        assertEquals(List.of("broker-password:/etc/vigil/credentials/broker-password",
                "commands-token:/etc/vigil/credentials/commands-token"), keys.get("LoadCredential"));
    }

    @Test
    void systemdRatesTheUnitsExposureAtMost1Point5(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Command.available("systemd-analyze"), "systemd-analyze not installed (no systemd here)");
        Path unit = extract(dir.resolve("root")).resolve("usr/lib/systemd/system/vigil.service");
        Command c = Command.run(List.of("systemd-analyze", "security", "--offline=true", unit.toString()));
        Matcher m = Pattern.compile("Overall exposure level for vigil.service: (\\d+\\.\\d)").matcher(c.output());
        assertTrue(m.find(), c.output());
        double exposure = Double.parseDouble(m.group(1));
        assertTrue(exposure <= 1.5, "exposure " + exposure + " (0 = locked down, 10 = exposed); README states it:\n" + c.output());
    }

    /**
     * Runs the packaged service command (the conffile, its outbox moved to a temporary directory: the
     * synthetic scene through the pipeline, the embedded broker and MQTT) under strace: every system
     * call it makes must pass the unit's SystemCallFilter= lines, every socket its
     * RestrictAddressFamilies=. Measured on this host's architecture and JDK, without sensors attached.
     */
    @Test
    void theServiceStaysWithinItsSystemCallAndSocketFilters(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Command.available("strace"), "strace not installed: apt-get install strace");
        Assumptions.assumeTrue(Command.available("systemd-analyze"), "systemd-analyze not installed (no systemd here)");
        Path root = extract(dir.resolve("root"));
        Map<String, List<String>> unit = unitKeys(root.resolve("usr/lib/systemd/system/vigil.service"));
        Path config = dir.resolve("vigil.yaml");
        String packaged = Files.readString(root.resolve("etc/vigil/vigil.yaml"));
        assertTrue(packaged.contains("\nsources: []\n"), "a fresh install lists no source");
        Files.writeString(config, packaged.replace("/var/lib/vigil/outbox", dir.resolve("outbox").toString())
                .replace("\nsources: []\n", "\nsources:\n  - driver: synth\n"));
        Path trace = dir.resolve("trace.txt");
        Command run = Command.run(dir, Map.of("JAVA_HOME", System.getProperty("java.home")), List.of("strace", "-f", "-qq",
                "-o", trace.toString(), root.resolve("usr/share/vigil/bin/vigil").toString(),
                "run", "--config", config.toString(), "--duration", "6"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("MQTT: ") && run.output().contains("delivered"), run.output());

        Set<String> calls = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        Matcher call = Pattern.compile("^\\d+ +([a-z0-9_]+)\\(").matcher("");
        Matcher socket = Pattern.compile("^\\d+ +socket\\((AF_[A-Z0-9]+)").matcher("");
        for (String line : Files.readAllLines(trace)) {
            if (call.reset(line).find()) {
                calls.add(call.group(1));
            }
            if (socket.reset(line).find()) {
                families.add(socket.group(1));
            }
        }
        Map<String, List<String>> groups = syscallGroups();
        List<String> filters = unit.get("SystemCallFilter");
        Set<String> allowed = expand(groups, List.of(filters.get(0).split(" ")));
        allowed.removeAll(expand(groups, List.of(filters.get(1).substring(1).split(" "))));
        Set<String> refused = new TreeSet<>(calls);
        refused.removeAll(allowed);
        assertEquals(Set.of(), refused, "system calls the service made that its filter refuses (of " + calls.size() + " made)");
        Set<String> sockets = new TreeSet<>(List.of(unit.get("RestrictAddressFamilies").get(0).split(" ")));
        assertTrue(sockets.containsAll(families), "sockets opened: " + families + ", allowed: " + sockets);
        assertFalse(families.contains("AF_NETLINK"));
    }

    private static Map<String, List<String>> unitKeys(Path unit) throws Exception {
        Map<String, List<String>> keys = new HashMap<>();
        for (String line : Files.readAllLines(unit)) {
            if (line.contains("=") && !line.startsWith("#")) {
                keys.computeIfAbsent(line.substring(0, line.indexOf('=')), k -> new ArrayList<>())
                        .add(line.substring(line.indexOf('=') + 1));
            }
        }
        return keys;
    }

    /** systemd's system call groups ({@code @name} to its entries, groups and calls), from systemd-analyze. */
    private static Map<String, List<String>> syscallGroups() throws Exception {
        Command c = Command.run(List.of("systemd-analyze", "syscall-filter"));
        assertEquals(0, c.exit(), c.output());
        Map<String, List<String>> groups = new HashMap<>();
        List<String> current = null;
        for (String line : c.output().split("\n")) {
            if (line.startsWith("@")) {
                current = groups.computeIfAbsent(line.strip(), k -> new ArrayList<>());
            } else if (current != null && !line.isBlank() && !line.strip().startsWith("#")) {
                current.add(line.strip());
            }
        }
        return groups;
    }

    private static Set<String> expand(Map<String, List<String>> groups, List<String> entries) {
        Set<String> calls = new TreeSet<>();
        for (String e : entries) {
            if (e.startsWith("@")) {
                calls.addAll(expand(groups, groups.getOrDefault(e, List.of())));
            } else {
                calls.add(e);
            }
        }
        return calls;
    }

    @Test
    void lintianFindsNoErrors() throws Exception {
        Assumptions.assumeTrue(Command.available("lintian"), "lintian not installed: apt-get install lintian");
        Command c = Command.run(List.of("lintian", "--tag-display-limit", "0", deb.toString()));
        List<String> errors = c.output().lines().filter(l -> l.startsWith("E:")).collect(Collectors.toList());
        assertEquals(List.of(), errors, c.output());
        assertEquals(0, c.exit(), c.output());
    }

    @Test
    void systemdAcceptsTheUnit(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Command.available("systemd-analyze"), "systemd-analyze not installed (no systemd here)");
        Path root = extract(dir.resolve("root"));
        // verify checks ExecStart against the host's file system: point it at the extracted launcher.
        String unit = Files.readString(root.resolve("usr/lib/systemd/system/vigil.service"))
                .replace("ExecStart=/usr/bin/vigil", "ExecStart=" + root.resolve("usr/bin/vigil"));
        Path copy = Files.createDirectories(dir.resolve("units")).resolve("vigil.service");
        Files.writeString(copy, unit);
        Command c = Command.run(List.of("systemd-analyze", "verify", copy.toString()));
        assertEquals(0, c.exit(), c.output());
        assertEquals("", c.output().strip(), "no warnings (unknown keys, bad values) from systemd-analyze");
    }

    @Test
    void installsIntoAScratchRootWithDpkg(@TempDir Path root) throws Exception {
        Assumptions.assumeTrue(Command.available("dpkg"), "dpkg not installed");
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        Command c = Command.run(List.of("dpkg", "--root=" + root, "--log=/dev/null", "--force-script-chrootless",
                "--force-depends", "--force-not-root", "-i", deb.toString()));
        assertEquals(0, c.exit(), c.output());
        assertTrue(c.output().contains("vigil: installing into " + root + ": skipping user"), c.output());
        String status = Files.readString(root.resolve("var/lib/dpkg/status"));
        assertTrue(status.contains("Package: vigil\nStatus: install ok installed"), status);
        assertTrue(status.contains("Conffiles:\n /etc/vigil/vigil.yaml "), status);
        assertTrue(Files.isExecutable(root.resolve("usr/bin/vigil")), "usr/bin/vigil resolves to the launcher");
        assertTrue(Files.isDirectory(root.resolve("var/lib/vigil")));

        List<URL> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("usr/share/vigil/lib"))) {
            for (Path p : s.toList()) {
                jars.add(p.toUri().toURL());
            }
        }
        try (URLClassLoader installed = new URLClassLoader(jars.toArray(URL[]::new), null)) {
            Set<String> commands = ServiceLoader.load(installed.loadClass(CommandProvider.class.getName()), installed)
                    .stream().map(p -> p.type().getName()).collect(Collectors.toSet());
            assertTrue(commands.contains("dev.vigil.boards.doctor.BoardsCommandProvider"), commands::toString);
            long sources = ServiceLoader.load(installed.loadClass(SourceProvider.class.getName()), installed)
                    .stream().count();
            assertTrue(sources >= 4, "the installed jars carry the live sources: " + sources);
        }

        Command remove = Command.run(List.of("dpkg", "--root=" + root, "--log=/dev/null", "--force-script-chrootless",
                "--force-not-root", "--purge", "vigil"));
        assertEquals(0, remove.exit(), remove.output());
        // (The scratch root's /var/lib holds dpkg's own database, which no package owns here: dpkg warns that
        // it is not empty. scripts/debian-install-test checks that a purge in a real root warns about nothing.)
        assertFalse(remove.output().contains("systemd"), "no warning about the unit's directory: " + remove.output());
        assertFalse(Files.exists(root.resolve("usr/share/vigil/lib")), "purge removes the jars");
        assertFalse(Files.exists(root.resolve("etc/vigil/vigil.yaml")), "purge removes the conffile");
    }
}
