package dev.vigil.runtime.eval;

import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.pipeline.LaneStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prices one lane's run in parts ({@link EnergyBreakdown}). Wake-on-salience: the front end from its
 * device's counters and its static power over the run, the encoder's and the features' host CPU time as
 * measured, the dense runs, the dense device's static power. Always-dense: the same dense model on every
 * window, with the features it reads (each log-mel frame computed once, as a streaming keyword spotter
 * does: the per-wake feature time × hop / span per window), and the same static power. Host CPU time
 * costs the board's loaded-minus-idle power.
 *
 * @param breakdown    the parts
 * @param denseJPerRun energy of one dense run
 */
record LaneEnergy(EnergyBreakdown breakdown, double denseJPerRun) {

    /** Prices {@code st}, a lane whose windows advance every {@code hopUs}, over {@code seconds} of run. */
    static LaneEnergy of(LaneStats st, long hopUs, double seconds, DenseDevice dense, BoardPower board) {
        LaneStats.FrontEnd f = st.front();
        LaneStats.Dense d = st.dense();
        LaneStats.Features ft = d.features();
        double w = board.activeW();
        DenseDevice device = ft.read() || dense.runsInt8() ? dense : new CpuDenseDevice();
        List<EnergyBreakdown.Part> wake = new ArrayList<>();
        List<EnergyBreakdown.Part> always = new ArrayList<>();
        wake.add(new EnergyBreakdown.Part("front-dynamic", f.dynamicJ(), f.energy().source() + ", from the device's counters"));
        wake.add(new EnergyBreakdown.Part("front-static", f.staticJ(), f.energy().staticSource() + ", over " + num(f.seconds()) + " s"));
        double encoderS = f.encoderNanos() / 1e9;
        wake.add(new EnergyBreakdown.Part("encoder", encoderS * w, "measured: " + num(encoderS) + " s of host CPU"));
        PerRun perRun = perRun(st, device, w);
        if (ft.read()) {
            double appendS = ft.appendNanos() / 1e9;
            double computeS = ft.computeNanos() / 1e9;
            wake.add(new EnergyBreakdown.Part("features", (appendS + computeS) * w, "measured: " + num(appendS)
                    + " s of host CPU keeping samples, " + num(computeS) + " s computing on " + d.runs() + " runs"));
            double perWindowS = d.runs() == 0 ? Double.NaN : computeS / d.runs() * Math.min(1.0, (double) hopUs / ft.spanUs());
            always.add(new EnergyBreakdown.Part("features", (appendS + st.wake().windows() * perWindowS) * w,
                    "measured per wake, × hop/span per window (each frame computed once): " + num(perWindowS * 1e6)
                            + " µs of host CPU per window" + (d.runs() == 0 ? "; no wake measured it" : "")));
        }
        wake.add(new EnergyBreakdown.Part("dense", d.runs() * perRun.joules(), d.runs() + " runs × " + perRun.source()));
        always.add(new EnergyBreakdown.Part("dense", st.wake().windows() * perRun.joules(),
                st.wake().windows() + " windows × " + perRun.source()));
        double staticJ = device.staticW() * seconds;
        String staticSource = device.id() + ": " + device.staticSource() + ", over " + num(seconds) + " s";
        wake.add(new EnergyBreakdown.Part("dense-static", staticJ, staticSource));
        always.add(new EnergyBreakdown.Part("dense-static", staticJ, staticSource));
        String cpu = String.format(Locale.ROOT, "host CPU time × %.2f W, %s loaded minus idle (%s); assumption: the board's"
                + " CPU takes as long as this host, and single-thread time costs the all-core figure (an upper bound)",
                w, board.name(), board.source());
        return new LaneEnergy(new EnergyBreakdown(wake, always, board.idleW() * seconds, cpu), perRun.joules());
    }

    private record PerRun(double joules, String source) {
    }

    /** One dense run's energy: a feature head's measured mean time, an int8 head's calibrated time or its device's MACs. */
    private static PerRun perRun(LaneStats st, DenseDevice device, double activeW) {
        LaneStats.Dense d = st.dense();
        if (d.features().read()) {
            double s = d.runs() == 0 ? Double.NaN : d.nanos() / 1e9 / d.runs();
            return new PerRun(s * activeW, "measured mean " + num(s * 1e6) + " µs of host CPU per run (" + device.id() + ")");
        }
        double deviceJ = d.macsPerRun() * device.joulesPerMac();
        if (!device.onHostCpu()) {
            return new PerRun(deviceJ, d.macsPerRun() + " MACs × " + device.joulesPerMac() + " J (" + device.description() + ")");
        }
        double s = Evaluator.timePerRun(d.head(), device);
        return new PerRun(deviceJ + s * activeW, "calibrated " + num(s * 1e6) + " µs of host CPU per run (" + device.id()
                + ", median of 5 batches)");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
