package dev.vigil.sensors.logs;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogSource;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Converts readable logs into one Vigil recording ({@code vigil convert}). Streams of all inputs are
 * declared up front, renumbered 0, 1, 2, … in input order; batches are interleaved by time and copied
 * in constant memory (one batch per input at a time). Problems the readers report are collected in the result, not fatal.
 * Inputs keep their clocks, or, with {@link Alignment#START_TOGETHER}, each input is moved to start at 0
 * (an AEDAT 4 file counts Unix time, a WAV file from 0: kept as they are, together they would span 51 years).
 */
public final class LogConverter {

    /** Batches read at most to find the start of an input with several streams. */
    static final int START_PROBE_BATCHES = 10_000;

    private LogConverter() {
    }

    /** How the inputs' clocks are put together. */
    public enum Alignment {
        /** Every input keeps its own timestamps. */
        KEEP,
        /** Each input is moved so that its earliest element is at 0 µs; the streams of one input keep their timing. */
        START_TOGETHER
    }

    /**
     * What a conversion did.
     *
     * @param streams  the streams of the output, in order
     * @param chunks   chunks written
     * @param elements events, frames and lines written
     * @param problems problems the input readers reported (and skipped)
     * @param startsUs per input, in input order, the time of its earliest element, µs (0 for an empty input;
     *                 found for several inputs only, else 0)
     * @param shiftsUs per input, in input order, how many µs its times were moved earlier (0: kept)
     * @param sampleRatesInFile per input, in input order, whether its file gave its sample rates (false:
     *                 taken from the options, see {@link dev.vigil.sensors.formats.LogSource#sampleRateInFile()})
     */
    public record Result(List<StreamDescriptor> streams, long chunks, long elements, List<SourceProblem> problems,
                         List<Long> startsUs, List<Long> shiftsUs, List<Boolean> sampleRatesInFile) {
    }

    /**
     * Converts {@code inputs} (any format {@link LogFormats} reads) into the Vigil recording {@code out}.
     * Batches of all inputs are interleaved by their first timestamp (each input being in time order),
     * so the recording replays like the sensors that made it.
     */
    public static Result toVlog(List<Path> inputs, Path out, FormatOptions options) throws IOException {
        return toVlog(inputs, out, options, Alignment.KEEP, elements -> { });
    }

    /**
     * As {@link #toVlog(List, Path, FormatOptions)}, with the inputs' clocks put together by
     * {@code alignment}, telling {@code progress} the elements written so far.
     */
    public static Result toVlog(List<Path> inputs, Path out, FormatOptions options, Alignment alignment,
                                LongConsumer progress) throws IOException {
        List<SensorSource> sources = new ArrayList<>();
        try {
            List<StreamDescriptor> declared = new ArrayList<>();
            List<Map<Integer, Integer>> mapping = new ArrayList<>();
            for (Path in : inputs) {
                SensorSource s = LogFormats.open(in, options);
                sources.add(s);
                Map<Integer, Integer> m = new HashMap<>();
                for (StreamDescriptor d : s.streams()) {
                    m.put(d.id(), declared.size());
                    declared.add(new StreamDescriptor(declared.size(), d.kind(), d.name(), d.width(), d.height(),
                            d.sampleRate(), d.channels(), d.units()));
                }
                mapping.add(m);
            }
            long elements = 0;
            long chunks;
            List<Long> starts;
            List<Long> shifts;
            try (VlogWriter w = new VlogWriter(out, declared)) {
                Batch[] current = new Batch[sources.size()];
                long[] start = new long[sources.size()];
                long[] shift = new long[sources.size()];
                for (int i = 0; i < current.length; i++) {
                    current[i] = nextNonEmpty(sources.get(i));
                    if (current.length > 1 && current[i] != null) {
                        start[i] = sources.get(i).streams().size() == 1 ? current[i].firstTimeUs()
                                : start(inputs.get(i), options, current[i].firstTimeUs());
                    }
                    shift[i] = alignment == Alignment.START_TOGETHER ? start[i] : 0;
                }
                starts = Arrays.stream(start).boxed().toList();
                shifts = Arrays.stream(shift).boxed().toList();
                for (int pick = earliest(current, shift); pick >= 0; pick = earliest(current, shift)) {
                    Batch b = current[pick];
                    w.write(b, mapping.get(pick).get(b.stream().id()), shift[pick]);
                    elements += b.size();
                    progress.accept(elements);
                    current[pick] = nextNonEmpty(sources.get(pick));
                }
                chunks = w.chunks();
            }
            List<SourceProblem> problems = new ArrayList<>();
            sources.forEach(s -> problems.addAll(s.problems()));
            List<Boolean> ratesInFile = sources.stream().map(s -> !(s instanceof LogSource l) || l.sampleRateInFile()).toList();
            return new Result(List.copyOf(declared), chunks, elements, List.copyOf(problems), starts, shifts, ratesInFile);
        } finally {
            IOException first = null;
            for (SensorSource s : sources) {
                try {
                    s.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static int earliest(Batch[] current, long[] shift) {
        int pick = -1;
        for (int i = 0; i < current.length; i++) {
            if (current[i] != null && (pick < 0
                    || current[i].firstTimeUs() - shift[i] < current[pick].firstTimeUs() - shift[pick])) {
                pick = i;
            }
        }
        return pick;
    }

    /**
     * The earliest time of an input with several streams, whose first batch need not be the earliest:
     * read again until every stream has shown its first batch ({@link #START_PROBE_BATCHES} at most).
     */
    private static long start(Path in, FormatOptions options, long firstBatchUs) throws IOException {
        long start = firstBatchUs;
        try (SensorSource s = LogFormats.open(in, options)) {
            Set<Integer> unseen = new HashSet<>();
            s.streams().forEach(d -> unseen.add(d.id()));
            Batch b;
            for (int n = 0; n < START_PROBE_BATCHES && !unseen.isEmpty() && (b = s.next()) != null; n++) {
                if (b.size() > 0 && unseen.remove(b.stream().id())) {
                    start = Math.min(start, b.firstTimeUs());
                }
            }
        }
        return start;
    }

    private static Batch nextNonEmpty(SensorSource s) throws IOException {
        Batch b = s.next();
        while (b != null && b.size() == 0) {
            b = s.next();
        }
        return b;
    }
}
