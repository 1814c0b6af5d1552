package dev.vigil.boards.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.boards.BoardDetector;
import dev.vigil.boards.BoardProfile;
import dev.vigil.boards.BoardProfiles;
import dev.vigil.boards.DetectedBoard;
import dev.vigil.boards.MemoryDefaults;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the doctor's checks against a {@link HostView}. */
public final class Doctor {
    /** Groups whose members may use the header's devices and the sound cards. */
    static final List<String> DEVICE_GROUPS = List.of("gpio", "i2c", "spi", "audio");
    private static final int MIN_JAVA = 21;
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final HostView host;
    private final int javaFeature;

    /** A doctor for {@code host}, running on Java {@code javaFeature}. */
    public Doctor(HostView host, int javaFeature) {
        this.host = host;
        this.javaFeature = javaFeature;
    }

    /**
     * What the doctor was asked to look at.
     *
     * @param board  a forced board id, or null
     * @param config a config file, or null
     * @param model  a model bundle file, or null
     * @param broker a broker URL ({@code tcp://host:port}, or {@code embedded}), or null
     */
    public record Request(String board, Path config, Path model, String broker) {
    }

    /** The board this host is, as the doctor sees it. */
    public DetectedBoard board(String forced) {
        return new BoardDetector(BoardProfiles.builtIn(), host.path("/proc/device-tree/model")).detect(forced);
    }

    /** All checks, in the order they are printed. */
    public List<Check> run(Request request) {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        DetectedBoard board;
        try {
            board = board(request.board());
        } catch (IllegalArgumentException e) {
            checks.add(Check.fail("board", e.getMessage(), "use one of the listed ids with --board (or the "
                    + "config's board setting), or leave it out to detect the board"));
            board = board(null);
        }
        checks.add(boardCheck(board));
        BoardProfile p = board.profile();
        for (int bus : p.i2cBuses()) {
            checks.add(device("I2C bus " + bus, "/dev/i2c-" + bus, "i2c",
                    p.gpio() ? "enable I2C: sudo raspi-config nonint do_i2c 0 (or dtparam=i2c_arm=on in "
                            + "/boot/firmware/config.txt) and reboot"
                            : "no I2C adapter on this host: load the driver with 'sudo modprobe i2c-dev', attach a "
                            + "USB-I2C adapter, or run Vigil on a board with an I2C header (sensors can still be "
                            + "replayed from logs)"));
        }
        for (String spi : p.spiDevices()) {
            checks.add(device("SPI " + spi, "/dev/spidev" + spi, "spi",
                    p.gpio() ? "enable SPI: sudo raspi-config nonint do_spi 0 (or dtparam=spi=on in "
                            + "/boot/firmware/config.txt) and reboot"
                            : "no SPI controller on this host: load 'spidev' for your controller or run Vigil on a "
                            + "board with an SPI header (sensors can still be replayed from logs)"));
        }
        if (p.gpio()) {
            checks.add(device("GPIO", "/dev/" + p.gpioChip(), "gpio",
                    "the GPIO character device is missing: update the kernel (Raspberry Pi OS bookworm or later)"));
        } else {
            checks.add(Check.skip("GPIO", p.name() + " has no GPIO header: wake line, LED and button are off"));
        }
        checks.addAll(groups());
        checks.add(config(request.config()));
        checks.add(model(request.model()));
        checks.add(broker(request.broker()));
        return checks;
    }

    private Check java() {
        String name = "Java runtime";
        if (javaFeature >= MIN_JAVA) {
            return Check.ok(name, "Java " + javaFeature + " (" + MIN_JAVA + " or newer needed)");
        }
        return Check.fail(name, "Java " + javaFeature + " is too old", "sudo apt install openjdk-21-jre-headless "
                + "(or set JAVA_HOME to a Java " + MIN_JAVA + "+ runtime)");
    }

    private Check boardCheck(DetectedBoard board) {
        BoardProfile p = board.profile();
        MemoryDefaults mem = MemoryDefaults.of(p, MemoryDefaults.totalMb(host.path("/proc/meminfo")));
        String power = p.power().known() ? String.format("%.1f W idle, %.1f W loaded", p.power().idleW(),
                p.power().loadedW()) : "power figures unknown";
        return Check.ok("board", p.id() + " (" + p.name() + "), " + board.how() + "; heap " + mem.heapMb()
                + " MB, queues " + mem.queueBatches() + " batches; " + power);
    }

    private Check device(String name, String absolute, String group, String missingHint) {
        Path node = host.path(absolute);
        if (!Files.exists(node)) {
            return Check.fail(name, absolute + " is missing", missingHint);
        }
        if (!Files.isReadable(node) || !Files.isWritable(node)) {
            return Check.fail(name, absolute + " exists but this user cannot read and write it",
                    "sudo usermod -aG " + group + " $USER, then log in again (the vigil service user gets the "
                            + "group from the package)");
        }
        return Check.ok(name, absolute + " is accessible");
    }

    private List<Check> groups() {
        List<Check> checks = new ArrayList<>();
        if (host.uid() == 0) {
            checks.add(Check.ok("groups", "running as root: every device is accessible (the service runs as "
                    + "'vigil', in " + String.join("/", DEVICE_GROUPS) + ")"));
            return checks;
        }
        Map<String, Integer> groups = host.groups();
        Set<Integer> mine = host.groupIds();
        for (String g : DEVICE_GROUPS) {
            Integer gid = groups.get(g);
            String name = "group " + g;
            if (gid == null) {
                checks.add(Check.skip(name, "no '" + g + "' group on this host"));
            } else if (mine.contains(gid)) {
                checks.add(Check.ok(name, "this user is a member"));
            } else {
                checks.add(Check.fail(name, "this user is not in '" + g + "'",
                        "sudo usermod -aG " + g + " $USER, then log in again"));
            }
        }
        return checks;
    }

    private Check config(Path config) {
        String name = "config";
        if (config == null) {
            return Check.skip(name, "no --config given (the service reads /etc/vigil/vigil.yaml)");
        }
        if (!Files.isReadable(config)) {
            return Check.fail(name, config + " is missing or unreadable",
                    "create it (the package installs /etc/vigil/vigil.yaml) or fix its permissions");
        }
        try {
            new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
            return Check.ok(name, config + " parses as YAML");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return Check.fail(name, config + " is not valid YAML" + where + ": " + e.getOriginalMessage(),
                    "fix the YAML syntax (indent with spaces, 'key: value')");
        } catch (IOException e) {
            return Check.fail(name, config + ": " + e.getMessage(), "check the file");
        }
    }

    private Check model(Path model) {
        String name = "model bundle";
        if (model == null) {
            return Check.skip(name, "no --model given");
        }
        try {
            if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
                return Check.fail(name, model + " is missing or unreadable",
                        "build one with 'vigil compile' and copy it to the board, or fix the path");
            }
            if (Files.size(model) == 0) {
                return Check.fail(name, model + " is empty", "the copy was cut short: copy the bundle again");
            }
            return Check.ok(name, model + " (" + Files.size(model) + " bytes) is readable");
        } catch (IOException e) {
            return Check.fail(name, model + ": " + e.getMessage(), "check the file");
        }
    }

    private Check broker(String url) {
        String name = "broker";
        if (url == null || url.isBlank()) {
            return Check.skip(name, "no --broker given");
        }
        if (url.equals("embedded")) {
            return Check.ok(name, "embedded broker: started in-process");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Check.fail(name, "'" + url + "' is not a URL: " + e.getReason(),
                    "write it as tcp://host:1883 or embedded");
        }
        if (uri.getHost() == null || !List.of("tcp", "mqtt", "ssl", "mqtts").contains(uri.getScheme())) {
            return Check.fail(name, "'" + url + "' has no tcp://host[:port] form", "write it as tcp://host:1883");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().startsWith("ssl")
                || uri.getScheme().equals("mqtts") ? 8883 : 1883;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
            return Check.ok(name, uri.getHost() + ":" + port + " accepts connections");
        } catch (IOException e) {
            return Check.fail(name, uri.getHost() + ":" + port + " unreachable: " + e.getMessage(),
                    "start the broker (e.g. sudo systemctl start mosquitto), check host, port and firewall, or "
                            + "use 'embedded'");
        }
    }
}
