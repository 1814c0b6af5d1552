package dev.vigil.bench;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.aedat.Aedat4Compression;
import dev.vigil.sensors.formats.aedat.Aedat4Writer;
import dev.vigil.sensors.formats.prophesee.Evt3Writer;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.sensors.vlog.VlogWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Decode throughput per log format, in events per second on one thread ("ops/s" = events/s). The
 * real EVT 2.0 Gen3 recording in {@code ../shared/data} (521,252 events) is replicated, shifted in
 * time, to exactly {@link #EVENTS} events and written as EVT 3.0 (with vector words, as a sensor
 * writes), AEDAT 4 (LZ4 and zstd, 10,000-event packets like a DAVIS recorder) and a Vigil recording
 * (65,536-event chunks). EVT 2.0 is decoded from the real file. Targets: EVT 3.0 ≥ 30 M ev/s,
 * LZ4 AEDAT 4 ≥ 20 M ev/s, Vigil recording ≥ 50 M ev/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DecodeBenchmark {
    /** Events in each generated file. */
    public static final int EVENTS = 2_000_000;
    /** Events in the real EVT 2.0 file (SOURCES.md). */
    public static final int EVT2_EVENTS = 521_252;

    private Path dir;
    private Path evt2;
    private Path evt3;
    private Path aedatLz4;
    private Path aedatZstd;
    private Path vlog;
    private final FormatOptions options = FormatOptions.defaults();

    @Setup(Level.Trial)
    public void write() throws IOException {
        evt2 = Path.of(System.getProperty("vigil.shared", "../shared"), "data", "event-camera",
                "prophesee_gen3_evt2_faery.raw");
        if (!Files.exists(evt2)) {
            evt2 = Path.of("/work/shared/data/event-camera/prophesee_gen3_evt2_faery.raw");
        }
        StreamDescriptor d = StreamDescriptor.dvs(0, "gen3 replicated", 640, 480);
        EventBatch all = new EventBatch(d, EVENTS);
        long shift = 0;
        while (all.size() < EVENTS) {
            long last = 0;
            try (SensorSource s = LogFormats.open(evt2, options)) {
                for (Batch b; (b = s.next()) != null && all.size() < EVENTS; ) {
                    EventBatch e = (EventBatch) b;
                    for (int i = 0; i < e.size() && all.size() < EVENTS; i++) {
                        all.add(e.t(i) + shift, e.x(i), e.y(i), e.p(i));
                        last = e.t(i);
                    }
                }
            }
            shift += last - 913_716_224L + 1000;
        }
        dir = Files.createTempDirectory("vigil-decode-bench");
        evt3 = dir.resolve("replicated.raw");
        try (Evt3Writer w = new Evt3Writer(evt3, 640, 480, true)) {
            w.write(all);
        }
        aedatLz4 = writeAedat(all, Aedat4Compression.LZ4);
        aedatZstd = writeAedat(all, Aedat4Compression.ZSTD);
        vlog = dir.resolve("replicated.vlog");
        try (VlogWriter w = new VlogWriter(vlog, List.of(d))) {
            EventBatch chunk = new EventBatch(d, 1 << 16);
            for (int from = 0; from < EVENTS; from += 1 << 16) {
                chunk.clear();
                for (int i = from; i < Math.min(EVENTS, from + (1 << 16)); i++) {
                    chunk.add(all.t(i), all.x(i), all.y(i), all.p(i));
                }
                w.write(chunk);
            }
        }
        check(evt3, LogFormat.EVT3, EVENTS);
        check(aedatLz4, LogFormat.AEDAT4, EVENTS);
        check(aedatZstd, LogFormat.AEDAT4, EVENTS);
        check(vlog, LogFormat.VLOG, EVENTS);
        check(evt2, LogFormat.EVT2, EVT2_EVENTS);
    }

    private Path writeAedat(EventBatch all, Aedat4Compression c) throws IOException {
        Path f = dir.resolve("replicated-" + c + ".aedat4");
        try (Aedat4Writer w = new Aedat4Writer(f, c, "bench", 640, 480, false)) {
            for (int from = 0; from < all.size(); from += 10_000) {
                w.writeEvents(all, from, Math.min(all.size(), from + 10_000));
            }
        }
        return f;
    }

    private void check(Path f, LogFormat format, long expected) throws IOException {
        long n = decode(f, format);
        if (n != expected) {
            throw new IllegalStateException(f + " decodes to " + n + " events, expected " + expected);
        }
    }

    private long decode(Path f, LogFormat format) throws IOException {
        long n = 0;
        long xor = 0;
        try (SensorSource s = LogFormats.open(f, format, options)) {
            for (Batch b; (b = s.next()) != null; ) {
                EventBatch e = (EventBatch) b;
                n += e.size();
                xor ^= e.lastTimeUs() ^ e.x(0);
            }
        }
        return xor == 42 ? n + 1 : n;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long evt3() throws IOException {
        return decode(evt3, LogFormat.EVT3);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long aedat4Lz4() throws IOException {
        return decode(aedatLz4, LogFormat.AEDAT4);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long aedat4Zstd() throws IOException {
        return decode(aedatZstd, LogFormat.AEDAT4);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long vlog() throws IOException {
        return decode(vlog, LogFormat.VLOG);
    }

    @Benchmark
    @OperationsPerInvocation(EVT2_EVENTS)
    public long evt2() throws IOException {
        return decode(evt2, LogFormat.EVT2);
    }
}
