package dev.vigil.boards.doctor;

import dev.vigil.boards.BoardDetector;
import dev.vigil.boards.BoardProfile;
import dev.vigil.boards.BoardProfiles;
import dev.vigil.boards.DetectedBoard;
import dev.vigil.boards.MemoryDefaults;
import dev.vigil.runtime.cli.Figures;
import dev.vigil.runtime.config.ConfigException;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.SourceConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.provider.Providers;
import dev.vigil.sensors.SourceProvider;
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
            checks.add(device(p, "I2C bus " + bus, "/dev/i2c-" + bus, "i2c",
                    "enable I2C: sudo raspi-config nonint do_i2c 0 (or dtparam=i2c_arm=on in "
                            + "/boot/firmware/config.txt) and reboot",
                    "no I2C header: sensors on I2C need a USB-I2C adapter or 'sudo modprobe i2c-dev' for a "
                            + "controller; logs can still be replayed"));
        }
        for (String spi : p.spiDevices()) {
            checks.add(device(p, "SPI " + spi, "/dev/spidev" + spi, "spi",
                    "enable SPI: sudo raspi-config nonint do_spi 0 (or dtparam=spi=on in "
                            + "/boot/firmware/config.txt) and reboot",
                    "no SPI header: sensors on SPI need 'spidev' loaded for a controller; logs can still be "
                            + "replayed"));
        }
        if (p.gpio()) {
            checks.add(device(p, "GPIO", "/dev/" + p.gpioChip(), "gpio",
                    "the GPIO character device is missing: update the kernel (Raspberry Pi OS bookworm or later)", ""));
        } else {
            checks.add(Check.skip("GPIO", p.name() + " has no GPIO header: wake line, LED and button are off"));
        }
        checks.addAll(groups(p));
        checks.add(config(request.config()));
        checks.add(sources(request.config()));
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
        return Check.ok("board", p.id() + " (" + p.name() + "), " + board.how() + "; heap "
                + Figures.count(mem.heapMb()) + " MB, queues " + Figures.count(mem.queueBatches(), "batch", "batches")
                + "; " + power);
    }

    /**
     * A device node the board's header provides: missing is a failure on a board with a header (the
     * bus is not enabled) and a skip, with {@code noHeader} as the reason, on a host without one.
     */
    private Check device(BoardProfile p, String name, String absolute, String group, String missingHint,
                         String noHeader) {
        Path node = host.path(absolute);
        if (!Files.exists(node)) {
            return p.gpio() ? Check.fail(name, absolute + " is missing", missingHint)
                    : Check.skip(name, absolute + " is missing: " + p.name() + " has " + noHeader);
        }
        if (!Files.isReadable(node) || !Files.isWritable(node)) {
            return Check.fail(name, absolute + " exists but this user cannot read and write it",
                    "sudo usermod -aG " + group + " $USER, then log in again (the vigil service user gets the "
                            + "group from the package)");
        }
        return Check.ok(name, absolute + " is accessible");
    }

    private List<Check> groups(BoardProfile p) {
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
            } else if (!p.gpio() && !g.equals("audio")) {
                checks.add(Check.skip(name, "this user is not in '" + g + "': not needed, " + p.name()
                        + " has no GPIO header"));
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
            ConfigLoader.load(config);
            return Check.ok(name, config + " is a valid config (checked as 'vigil run' reads it)");
        } catch (ConfigException e) {
            return Check.fail(name, e.getMessage(), "fix the key or value named (docs/config.md lists every key), "
                    + "then run the doctor again");
        }
    }

    /** The config's live sources: each driver must be installed; none at all is not a failure. */
    private Check sources(Path config) {
        String name = "sources";
        if (config == null) {
            return Check.skip(name, "no --config given");
        }
        VigilConfig cfg;
        try {
            cfg = ConfigLoader.load(config);
        } catch (ConfigException e) {
            return Check.skip(name, "the config is not valid (see above)");
        }
        if (cfg.sources().isEmpty()) {
            return Check.skip(name, "no live sources in " + config + ": the service runs nothing until a 'sources' "
                    + "list is added (docs/config.md)");
        }
        Providers<SourceProvider> drivers = Providers.of("driver", SourceProvider.class, SourceProvider::id);
        List<String> ids = new ArrayList<>();
        for (SourceConfig s : cfg.sources()) {
            if (drivers.find(s.driver()).isEmpty()) {
                return Check.fail(name, drivers.missing(s.driver()), "write one of the available drivers in "
                        + config);
            }
            ids.add(s.driver());
        }
        return Check.ok(name, String.join(", ", ids));
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
