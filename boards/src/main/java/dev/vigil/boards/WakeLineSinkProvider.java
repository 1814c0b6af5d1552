package dev.vigil.boards;

import com.pi4j.context.Context;
import dev.vigil.drivers.gpio.WakeLine;
import dev.vigil.runtime.config.BoardConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.sink.SinkProvider;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Drives the board's wake line from detections in live runs: a pulse (or a level) on the profile's
 * wake pin each time the dense stage reports something, so a host can power a heavier stage. Hosts
 * without GPIO, and {@code board.wake-line: off}, get no sink.
 */
public final class WakeLineSinkProvider implements SinkProvider {
    private final BoardDetector detector;
    private final Supplier<Context> pi4j;

    /** The provider {@link java.util.ServiceLoader} finds: this host's board and Pi4J context. */
    public WakeLineSinkProvider() {
        this(BoardDetector.forThisHost(), () -> new Pi4jContextHolder().context());
    }

    /** A provider for the board {@code detector} finds, opening lines on {@code pi4j}'s context. */
    public WakeLineSinkProvider(BoardDetector detector, Supplier<Context> pi4j) {
        this.detector = detector;
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
        DetectedBoard detected = detector.detect(board.id());
        BoardProfile profile = detected.profile();
        if (!profile.gpio() || profile.pins().wake() < 0) {
            Logger.debug("Board {} ({}) has no wake line", profile.id(), detected.how());
            return Optional.empty();
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-gpio");
            t.setDaemon(true);
            return t;
        });
        WakeLine.Mode mode = board.wakeLine().equals("level") ? WakeLine.Mode.LEVEL : WakeLine.Mode.PULSE;
        BoardIo io = BoardIo.open(pi4j.get(), profile, mode, Duration.ofMillis(board.pulseMs()), Duration.ofSeconds(2),
                "capture", scheduler, request -> Logger.info("Capture button held: {}", request));
        Logger.info("Wake line on GPIO {} of {} ({} mode)", profile.pins().wake(), profile.name(), board.wakeLine());
        return Optional.of(new WakeLineSink(io, scheduler));
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
