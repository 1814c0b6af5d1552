package dev.vigil.runtime.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.cli.web.WebAssets;
import dev.vigil.runtime.eval.ConfusionMatrix;
import dev.vigil.runtime.eval.EvalReport;
import dev.vigil.runtime.eval.LaneOutcomes;
import dev.vigil.runtime.eval.LaneReport;
import dev.vigil.runtime.eval.MissRateCurve;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.pipeline.Detection;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report as one self-contained HTML file: the header, and per lane the data its charts and tables
 * draw, as JSON inside the page with uPlot and the page's script and styles inlined. Floating-point
 * figures keep four significant digits and times microseconds, which the charts cannot show finer.
 */
public final class ReportDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext FOUR = new MathContext(4);
    private final ObjectNode root = JSON.createObjectNode();

    private ReportDocument(ReportHeader header) {
        root.set("header", JSON.valueToTree(header));
        root.putArray("lanes");
    }

    /**
     * The report of a run that {@code recorder} watched, scored in {@code eval}; {@code labels} (possibly
     * empty) and {@code negatives} are those it was scored against, {@code readouts} names each lane's
     * readout neurons, {@code windowUs} and {@code hopUs} the windowing.
     */
    public static ReportDocument ofRun(ReportHeader header, ReportRecorder recorder, EvalReport eval, List<LabelInterval> labels,
                                       Set<String> negatives, Map<String, List<String>> readouts, long windowUs, long hopUs) {
        ReportDocument d = new ReportDocument(header);
        d.root.put("labelled", !labels.isEmpty());
        d.root.putPOJO("negatives", List.copyOf(negatives));
        d.root.put("windowS", windowUs / 1e6);
        for (LaneReport lr : eval.lanes()) {
            ReportRecorder.Lane lane = recorder.lanes().get(lr.sensor());
            if (lane == null) {
                continue;
            }
            List<LabelInterval> mine = labels.stream().filter(l -> l.appliesTo(lr.sensor())).toList();
            List<Detection> results = recorder.results().stream().filter(r -> r.sensor().equals(lr.sensor())).toList();
            LaneOutcomes outcomes = LaneOutcomes.of(lane.wakeEndsUs(), results, mine, negatives, windowUs,
                    Math.round(eval.recordedS() * 1e6));
            d.lanes().add(d.lane(lr, lane, outcomes, readouts.getOrDefault(lr.sensor(), List.of()), windowUs, hopUs,
                    !labels.isEmpty()));
        }
        return d;
    }

    /** The report of a saved {@code vigil eval} run: the header and each lane's figures, without charts. */
    public static ReportDocument ofEval(ReportHeader header, EvalReport eval) {
        ReportDocument d = new ReportDocument(header);
        d.root.put("labelled", true);
        d.root.putPOJO("negatives", eval.negativeLabels());
        for (LaneReport lr : eval.lanes()) {
            ObjectNode l = d.lanes().addObject();
            l.put("sensor", lr.sensor());
            l.set("eval", figures(lr));
        }
        return d;
    }

    private ArrayNode lanes() {
        return (ArrayNode) root.get("lanes");
    }

    private ObjectNode lane(LaneReport lr, ReportRecorder.Lane lane, LaneOutcomes outcomes, List<String> readouts,
                            long windowUs, long hopUs, boolean labelled) {
        LaneTrace t = lane.trace;
        ObjectNode l = JSON.createObjectNode();
        l.put("sensor", lr.sensor());
        ArrayNode names = l.putArray("readouts");
        for (int n = 0; n < t.neurons(); n++) {
            names.add(n < readouts.size() ? readouts.get(n) : "readout " + n);
        }
        l.put("rule", t.rule());
        l.put("windows", t.windows());
        l.put("perColumn", t.windowsPerColumn());
        l.put("hopS", hopUs / 1e6);
        l.put("t0", seconds(t.firstEndUs() - hopUs));
        ArrayNode raster = l.putArray("raster");
        for (int n = 0; n < t.neurons(); n++) {
            ArrayNode row = raster.addArray();
            for (int v : t.spikes(n)) {
                row.add(v);
            }
        }
        ArrayNode value = l.putArray("value");
        ArrayNode threshold = l.putArray("threshold");
        float[] v = t.value();
        float[] th = t.threshold();
        for (int c = 0; c < v.length; c++) {
            value.add(num(v[c]));
            threshold.add(num(th[c]));
        }
        ArrayNode windows = l.putArray("columnWindows");
        ArrayNode front = l.putArray("frontJ");
        ArrayNode dense = l.putArray("denseRuns");
        double[] fj = t.frontJ();
        int[] dr = t.denseRuns();
        for (int c = 0; c < fj.length; c++) {
            windows.add(t.windowsIn(c));
            front.add(num(fj[c]));
            dense.add(dr[c]);
        }
        l.set("denseJPerRun", num(lr.denseJPerRun()));
        long w = Math.max(1, lr.windows());
        l.set("otherJPerWindow", num((lr.wakeOnSalienceJ() - lr.frontJ() - lr.denseRuns() * lr.denseJPerRun()) / w));
        l.set("alwaysJPerWindow", num(lr.alwaysDenseJ() / w));
        ArrayNode wakes = l.putArray("wakes");
        for (long end : lane.wakeEndsUs()) {
            wakes.add(seconds(end));
        }
        ArrayNode refused = l.putArray("refused");
        for (ReportRecorder.Refusal r : lane.refusals) {
            refused.addObject().put("t", seconds(r.endUs())).put("why", r.outcome().name().toLowerCase(Locale.ROOT));
        }
        l.put("refusedTotal", lane.refused);
        ArrayNode results = l.putArray("results");
        for (LaneOutcomes.ResultOutcome r : outcomes.results()) {
            Detection d = r.result();
            ObjectNode o = results.addObject();
            o.put("wake", seconds(d.windowStartUs() + windowUs)).put("at", seconds(d.deviceTimeUs())).put("label", d.label())
                    .put("score", d.score());
            if (labelled) {
                o.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT)).put("truth", r.truth());
            }
        }
        ArrayNode events = l.putArray("events");
        for (LaneOutcomes.EventOutcome e : outcomes.events()) {
            events.addObject().put("start", seconds(e.interval().startUs())).put("end", seconds(e.interval().endUs()))
                    .put("label", e.interval().label()).put("target", e.target()).put("woken", e.woken())
                    .put("detected", e.detected());
        }
        l.set("eval", figures(lr));
        if (labelled) {
            ConfusionMatrix m = outcomes.confusion();
            ObjectNode cm = l.putObject("confusion");
            cm.putPOJO("labels", m.labels());
            cm.set("counts", JSON.valueToTree(m.counts()));
            MissRateCurve curve = outcomes.curve();
            ObjectNode cv = l.putObject("curve");
            cv.put("events", curve.events());
            cv.set("hours", num(curve.hours()));
            ArrayNode pts = cv.putArray("points");
            for (MissRateCurve.Point p : curve.points()) {
                pts.addArray().add(num(p.falseAcceptsPerHour())).add(num(p.missRate())).add(num(p.threshold()));
            }
        }
        return l;
    }

    /** A lane's evaluation figures, with undefined ones as null. */
    private static JsonNode figures(LaneReport lr) {
        ObjectNode f = JSON.valueToTree(lr);
        f.remove("falseWakeTimesS");
        f.properties().forEach(e -> {
            if (e.getValue().isDouble()) {
                e.setValue(num(e.getValue().doubleValue()));
            }
        });
        return f;
    }

    private static double seconds(long us) {
        return us / 1e6;
    }

    /** {@code v} to four significant digits; null when not finite. */
    private static JsonNode num(double v) {
        if (!Double.isFinite(v)) {
            return NullNode.getInstance();
        }
        return DoubleNode.valueOf(v == 0 ? 0 : new BigDecimal(v).round(FOUR).doubleValue());
    }

    /** The data the page draws, as JSON. */
    public String json() {
        return root.toString();
    }

    /** Writes the page. */
    public void writeHtml(Writer out) throws IOException {
        String title = "Vigil report: " + root.path("header").path("recording").asText();
        out.write(WebAssets.page(WebAssets.text(ReportDocument.class, "report.html"), Map.of(
                "title", WebAssets.html(title),
                "data", WebAssets.inlineJson(json()),
                "script", WebAssets.text(ReportDocument.class, "report.js"))));
    }
}
