package dev.vigil.boards;

import com.pi4j.context.Context;
import dev.vigil.drivers.gpio.WakeLine;
import dev.vigil.runtime.config.BoardConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.sink.SinkProvider;
import org.tinylog.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Drives the board's wake line from detections in live runs: a pulse (or a level) on the profile's
 * wake pin each time the dense stage reports something, so a host can power a heavier stage. Hosts
 * without GPIO, and {@code board.wake-line: off}, get no sink. A board whose GPIO chip is missing, or
 * whose lines cannot be opened, gets a one-line warning with the reason and runs on without the
 * lines; Pi4J is not even started when the chip is missing.
 */
public final class WakeLineSinkProvider implements SinkProvider {
    private final BoardDetector detector;
    private final Path devices;
    private final Supplier<Context> pi4j;

    /** The provider {@link java.util.ServiceLoader} finds: this host's board, {@code /dev} and Pi4J context. */
    public WakeLineSinkProvider() {
        this(BoardDetector.forThisHost(), Path.of("/dev"), () -> new Pi4jContextHolder().context());
    }

    /**
     * A provider for the board {@code detector} finds, whose GPIO chip is looked for in {@code devices},
     * opening lines on {@code pi4j}'s context.
     */
    public WakeLineSinkProvider(BoardDetector detector, Path devices, Supplier<Context> pi4j) {
        this.detector = detector;
        this.devices = devices;
        this.pi4j = pi4j;
    }

    @Override
    public String id() {
        return "wake-line";
    }

    @Override
    public Optional<DetectionSink> open(VigilConfig config) {
        BoardConfig board = config.board();
        if (board.wakeLine().equals("off")) {
            return Optional.empty();
        }
        if (detector.boardless(board.id())) {
            Logger.debug("No device-tree model and no board.id: a generic host, without a wake line");
            return Optional.empty();
        }
        DetectedBoard detected = detector.detect(board.id());
        BoardProfile profile = detected.profile();
        if (!profile.gpio() || profile.pins().wake() < 0) {
            Logger.debug("Board {} ({}) has no wake line", profile.id(), detected.how());
            return Optional.empty();
        }
        Path chip = devices.resolve(profile.gpioChip());
        if (!Files.exists(chip)) {
            Logger.warn("{}: no GPIO chip {}, so the wake line, LED and button are off (the GPIO character device "
                    + "needs Raspberry Pi OS bookworm or later; board.wake-line: off turns this check off)",
                    profile.name(), chip);
            return Optional.empty();
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-gpio");
            t.setDaemon(true);
            return t;
        });
        WakeLine.Mode mode = board.wakeLine().equals("level") ? WakeLine.Mode.LEVEL : WakeLine.Mode.PULSE;
        BoardIo io;
        try {
            io = BoardIo.open(pi4j.get(), profile, mode, Duration.ofMillis(board.pulseMs()), Duration.ofSeconds(2),
                    "capture", scheduler, request -> Logger.info("Capture button held: {}", request));
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            Logger.warn("{}: cannot open the GPIO lines on {}: {}; the wake line, LED and button are off",
                    profile.name(), chip, rootCause(e));
            return Optional.empty();
        }
        Logger.info("Wake line on GPIO {} of {} ({} mode)", profile.pins().wake(), profile.name(), board.wakeLine());
        return Optional.of(new WakeLineSink(io, scheduler));
    }

    /** The innermost message of {@code e}: Pi4J wraps the reason in several layers. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Raises the wake line for each detection; closing releases the lines. */
    static final class WakeLineSink implements DetectionSink {
        private final BoardIo io;
        private final ScheduledExecutorService scheduler;
        private boolean closed;

        WakeLineSink(BoardIo io, ScheduledExecutorService scheduler) {
            this.io = io;
            this.scheduler = scheduler;
        }

        @Override
        public void accept(Detection detection) {
            io.wake().ifPresent(WakeLine::wake);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            io.close();
            scheduler.shutdownNow();
        }
    }
}
