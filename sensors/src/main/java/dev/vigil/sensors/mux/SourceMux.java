package dev.vigil.sensors.mux;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.health.HealthReporting;
import dev.vigil.sensors.health.SensorHealth;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Several sources as one. Each source runs on a daemon thread; its batches are copied into a pool of
 * {@code poolPerStream} batches per stream and queued for {@link #next()}. Streams are renumbered
 * 0, 1, 2... in source order. When a stream's pool is empty because the consumer is behind, the new
 * batch is dropped and counted ({@link #droppedBatches()}): a live sensor cannot wait. Allocates
 * nothing per batch once the pools are warm.
 */
public final class SourceMux implements SensorSource {
    private static final Object END = new Object();
    private final List<SensorSource> sources;
    private final List<StreamDescriptor> streams = new ArrayList<>();
    private final List<BlockingQueue<Batch>> pools = new ArrayList<>();
    private final BlockingQueue<Object> ready;
    private final List<Thread> readers = new ArrayList<>();
    private final List<SourceProblem> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private Batch lent;
    private volatile boolean closed;

    /** Merges {@code sources}; each stream gets {@code poolPerStream} batches in flight at most. */
    public SourceMux(List<SensorSource> sources, int poolPerStream) {
        if (poolPerStream < 2) {
            throw new IllegalArgumentException("need at least 2 pooled batches per stream, got " + poolPerStream);
        }
        this.sources = List.copyOf(sources);
        List<int[]> firstId = new ArrayList<>();
        for (SensorSource s : this.sources) {
            firstId.add(new int[]{streams.size()});
            for (StreamDescriptor d : s.streams()) {
                StreamDescriptor renumbered = new StreamDescriptor(streams.size(), d.kind(), d.name(), d.width(),
                        d.height(), d.sampleRate(), d.channels(), d.units());
                streams.add(renumbered);
                BlockingQueue<Batch> pool = new ArrayBlockingQueue<>(poolPerStream);
                for (int i = 0; i < poolPerStream; i++) {
                    pool.add(BatchCopier.create(renumbered));
                }
                pools.add(pool);
            }
        }
        this.ready = new ArrayBlockingQueue<>(Math.max(1, streams.size() * poolPerStream + this.sources.size()));
        for (int i = 0; i < this.sources.size(); i++) {
            SensorSource s = this.sources.get(i);
            int base = firstId.get(i)[0];
            Thread t = Thread.ofPlatform().daemon().name("vigil-source-" + i).unstarted(() -> pump(s, base));
            readers.add(t);
        }
        running.set(readers.size());
        readers.forEach(Thread::start);
    }

    private void pump(SensorSource source, int base) {
        List<StreamDescriptor> own = source.streams();
        try {
            Batch b;
            while (!closed && (b = source.next()) != null) {
                int id = base + indexOf(own, b.stream().id());
                Batch pooled = pools.get(id).poll();
                if (pooled == null) {
                    long n = dropped.incrementAndGet();
                    if (Long.bitCount(n) == 1) {
                        Logger.warn("Pipeline behind live sources: {} dropped so far (stream {})",
                                n == 1 ? "1 batch" : String.format(Locale.ROOT, "%,d batches", n), id);
                    }
                    continue;
                }
                BatchCopier.copy(b, pooled);
                ready.put(pooled);
            }
        } catch (IOException e) {
            problems.add(new SourceProblem(source.getClass().getSimpleName(), -1, base, "stopped: " + e.getMessage()));
            Logger.error("Source {} stopped: {}", source.getClass().getSimpleName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            problems.addAll(source.problems());
            if (running.decrementAndGet() == 0) {
                ready.offer(END);
            }
        }
    }

    private static int indexOf(List<StreamDescriptor> own, int id) {
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalStateException("source yielded a batch for undeclared stream " + id);
    }

    @Override
    public List<StreamDescriptor> streams() {
        return Collections.unmodifiableList(streams);
    }

    @Override
    public Batch next() throws IOException {
        recycle();
        try {
            Object o = ready.take();
            if (o == END) {
                ready.offer(END);
                return null;
            }
            lent = (Batch) o;
            return lent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for live data", e);
        }
    }

    private void recycle() {
        if (lent != null) {
            pools.get(lent.stream().id()).offer(lent);
            lent = null;
        }
    }

    /** The health of every source that reports it (live sensor drivers), in source order. */
    public List<SensorHealth> health() {
        List<SensorHealth> out = new ArrayList<>();
        for (SensorSource s : sources) {
            if (s instanceof HealthReporting h) {
                out.add(h.health());
            }
        }
        return out;
    }

    /** Batches dropped because the consumer was behind. */
    public long droppedBatches() {
        return dropped.get();
    }

    @Override
    public List<SourceProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /**
     * Stops every source; {@link #next()} then drains what is queued and returns null. Safe to call
     * from another thread (a signal handler) and more than once.
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IOException first = null;
        for (SensorSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (Thread t : readers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
