package dev.vigil.bench;

import dev.vigil.sensors.features.RealFft;
import org.jtransforms.fft.DoubleFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Vigil's radix-2 real FFT (sensors, {@code dev.vigil.sensors.features.RealFft}) against JTransforms
 * 3.1's {@code DoubleFFT_1D.realForward}, both single-threaded, at the sizes the features use: 512
 * (a 25 ms log-mel frame at 16 kHz) and 16,384 (a vibration span). One operation is one transform
 * (µs, B/op with {@code -prof gc}). The choice between them is recorded in the features package.
 * Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc Fft}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FftBenchmark {
    @Param({"512", "16384"})
    public int n;
    private double[] signal;
    private double[] work;
    private double[] re;
    private double[] im;
    private RealFft vigil;
    private DoubleFFT_1D jtransforms;

    @Setup
    public void setUp() {
        ConcurrencyUtils.setNumberOfThreads(1);
        SplittableRandom r = new SplittableRandom(4);
        signal = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = r.nextDouble(-1, 1);
        }
        work = new double[n];
        re = new double[n / 2 + 1];
        im = new double[n / 2 + 1];
        vigil = new RealFft(n);
        jtransforms = new DoubleFFT_1D(n);
    }

    @Benchmark
    public double vigilRealFft() {
        vigil.forward(signal, re, im);
        return re[1];
    }

    @Benchmark
    public double jtransformsRealForward() {
        System.arraycopy(signal, 0, work, 0, n);
        jtransforms.realForward(work);
        return work[2];
    }
}
