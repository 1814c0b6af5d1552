/* Draws the report from the JSON in #vigil-data. window.vigilReport lists every chart and its points for tests,
   and how long drawing took (readyMs) and opening took from navigation to the last chart (openMs). */
"use strict";
(() => {
  const started = performance.now();
  const C = VigilCharts;
  const data = JSON.parse(document.getElementById("vigil-data").textContent);
  const root = document.getElementById("report");
  const charts = [];
  window.vigilReport = { charts, tables: {}, ready: false };

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }

  function keyRow(items) {
    return el("div", { class: "keys" }, ...items.map(([color, text, shape]) => {
      const i = el("i");
      i.style.background = color;
      if (shape === "line") { i.style.height = "2px"; i.style.verticalAlign = "3px"; }
      return el("span", { class: "key" }, i, text);
    }));
  }

  function header(h) {
    root.append(el("h1", { text: "Vigil report" }));
    const rows = [
      ["recording", h.recording + (h.recordedS ? " (" + C.fmtTime(h.recordedS) + " of device time)" : "")],
      ["model bundle", h.model ? h.model : "built-in heads"],
      ["model bundle SHA-256", h.modelSha256 || "-"],
      ["front end / dense stage", h.frontDevice + " / " + h.denseDevice],
      ["board (prices CPU work)", h.board],
      ["config", h.config || "defaults"],
      ["config SHA-256 (resolved)", h.configSha256 || "-"],
      ["Vigil", h.version],
      ["written", h.generated],
    ];
    const t = el("table", { class: "header", id: "header" });
    for (const [k, v] of rows) t.append(el("tr", {}, el("td", { text: k }), el("td", { class: /SHA/.test(k) ? "mono" : "", text: v })));
    root.append(t);
    if (data.negatives && data.negatives.length) root.append(el("p", { class: "note", text: "distractor (negative) labels: " + data.negatives.join(", ") }));
  }

  function register(lane, kind, u, extra) {
    charts.push(Object.assign({ lane, kind, points: u.data[0].length, chart: u }, extra || {}));
  }

  function columnsX(l, atEnd) {
    const n = l.value.length, step = l.perColumn * l.hopS, x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = l.t0 + i * step + (atEnd ? Math.min(l.columnWindows[i], l.perColumn) * l.hopS : 0);
    return x;
  }

  function resolutionNote(l) {
    const w = (l.hopS * 1000).toFixed(0) + " ms";
    return l.perColumn === 1 ? "one column per window (" + w + ")"
      : "one column per " + l.perColumn + " windows (" + C.fmtTime(l.perColumn * l.hopS) + "; windows of " + w + ", merged so the file stays small)";
  }

  function raster(l, group, box) {
    const x = columnsX(l, false), n = l.readouts.length, colS = l.perColumn * l.hopS;
    let max = 1;
    for (const row of l.raster) for (const v of row) if (v > max) max = v;
    const [r, g, b] = C.colors.raster;
    const opts = {
      width: C.width(box), height: Math.max(110, 26 * n + 50),
      cursor: { sync: { key: "lane-" + l.sensor }, drag: { x: true, y: false }, points: { show: false } },
      legend: { show: false },
      scales: { x: { time: false, range: (u, mn, mx) => [mn, mx + colS] }, y: { range: [0, n] } },
      axes: [C.timeAxis(), { size: 90, splits: () => l.readouts.map((_, i) => i + 0.5),
        values: (u, s) => s.map(v => l.readouts[Math.floor(v)] || ""), grid: { show: false } }],
      series: [{}].concat(l.readouts.map(name => ({ label: name, paths: () => null, points: { show: false } }))),
      hooks: {
        setScale: [(u, key) => group.hook(u, key)],
        draw: [u => {
          const c = u.ctx, h = u.bbox.height / n;
          for (let i = 0; i < x.length; i++) {
            const x0 = u.valToPos(x[i], "x", true), x1 = u.valToPos(x[i] + colS, "x", true);
            if (x1 < u.bbox.left || x0 > u.bbox.left + u.bbox.width) continue;
            for (let k = 0; k < n; k++) {
              const v = l.raster[k][i];
              if (!v) continue;
              c.fillStyle = "rgba(" + r + "," + g + "," + b + "," + Math.min(1, 0.15 + Math.sqrt(v / max)).toFixed(3) + ")";
              c.fillRect(x0, u.bbox.top + (n - 1 - k) * h + 1, Math.max(1, x1 - x0), h - 2);
            }
          }
        }],
      },
    };
    const rows = l.raster.map(row => Array.from(row));
    const u = new uPlot(opts, [Array.from(x)].concat(rows), box);
    group.add(u);
    register(l.sensor, "raster", u, { neurons: n, maxCount: max });
  }

  function wakeChart(l, group, box) {
    const x = columnsX(l, true), labelled = data.labelled;
    const windowS = data.windowS || l.hopS;
    const events = l.events || [], results = l.results || [];
    const opts = {
      width: C.width(box), height: 230,
      cursor: { sync: { key: "lane-" + l.sensor }, drag: { x: true, y: false } },
      scales: { x: { time: false } },
      axes: [C.timeAxis(), { label: l.rule || "wake value", size: 60 }],
      series: [{ label: "time", value: (u, v) => C.fmtTime(v) },
        { label: l.perColumn > 1 ? "value (highest in column)" : "value", stroke: C.colors.value, width: 1, paths: uPlot.paths.stepped({ align: 1 }) },
        { label: "threshold", stroke: C.colors.threshold, width: 1, dash: [5, 4], paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
      hooks: {
        setScale: [(u, key) => group.hook(u, key)],
        drawClear: [u => {
          for (const e of events) C.band(u, e.start, e.end, e.target ? C.colors.target : C.colors.distractor);
        }],
        draw: [u => {
          let shown = 0;
          for (const e of events) {
            if (e.target && !e.detected && labelled) C.mark(u, (e.start + e.end) / 2, 0.06, "x", C.colors.bad, 6);
          }
          for (const t of l.wakes) C.mark(u, t, 0.97, "tick", C.colors.wake, 5);
          for (const r of l.refused) C.mark(u, r.t, 0.90, "x", C.colors.refused, 3);
          const visible = [];
          for (const d of results) {
            const color = !d.verdict ? C.colors.unlabelled : d.verdict === "true_detection" ? C.colors.ok
              : d.verdict === "rejected" ? C.colors.rejected : C.colors.bad;
            const shape = d.verdict === "rejected" ? "ring" : d.verdict && d.verdict.startsWith("false") ? "down" : "dot";
            if (C.mark(u, d.wake, 0.18, shape, color, 4)) { shown++; visible.push(d); }
          }
          if (visible.length <= 30) {
            const c = u.ctx;
            c.fillStyle = "#1d232a"; c.font = (11 * devicePixelRatio) + "px system-ui, sans-serif"; c.textAlign = "center";
            for (const d of visible) c.fillText(d.label + " " + d.score.toFixed(2), u.valToPos(d.wake, "x", true), u.bbox.top + 0.18 * u.bbox.height - 8 * devicePixelRatio);
          }
          u.vigilShown = shown;
        }],
      },
    };
    const u = new uPlot(opts, [Array.from(x), Array.from(l.value), Array.from(l.threshold)], box);
    group.add(u);
    register(l.sensor, "wake", u, { wakes: l.wakes.length, refused: l.refused.length, results: results.length, events: events.length,
      misses: events.filter(e => e.target && !e.detected).length,
      falseDetections: results.filter(d => d.verdict && d.verdict.startsWith("false")).length, windowS });
  }

  function energyChart(l, group, box) {
    const x = columnsX(l, true), n = x.length, perRun = l.denseJPerRun || 0;
    const other = l.otherJPerWindow || 0, alwaysPerWindow = l.alwaysJPerWindow || 0;
    const sal = new Float64Array(n), alw = new Float64Array(n), salW = new Float64Array(n), alwW = new Float64Array(n);
    let cs = 0, ca = 0;
    for (let i = 0; i < n; i++) {
      const s = l.frontJ[i] + l.denseRuns[i] * perRun + l.columnWindows[i] * other, a = l.columnWindows[i] * alwaysPerWindow;
      cs += s; ca += a; sal[i] = cs; alw[i] = ca;
      salW[i] = s / l.columnWindows[i]; alwW[i] = a / l.columnWindows[i];
    }
    const opts = {
      width: C.width(box), height: 220,
      cursor: { sync: { key: "lane-" + l.sensor }, drag: { x: true, y: false } },
      scales: { x: { time: false }, J: {}, W: {} },
      axes: [C.timeAxis(), { scale: "J", label: "cumulative", size: 70, values: (u, s) => s.map(C.fmtJ) },
        { scale: "W", side: 1, label: "per window", size: 70, values: (u, s) => s.map(C.fmtJ), grid: { show: false } }],
      series: [{ label: "time", value: (u, v) => C.fmtTime(v) },
        { label: "wake-on-salience, cumulative", scale: "J", stroke: C.colors.salience, width: 2, value: (u, v) => C.fmtJ(v) },
        { label: "always-dense, cumulative", scale: "J", stroke: C.colors.always, width: 2, value: (u, v) => C.fmtJ(v) },
        { label: "wake-on-salience per window", scale: "W", stroke: "rgba(44,160,44,0.45)", width: 1, paths: uPlot.paths.stepped({ align: 1 }), value: (u, v) => C.fmtJ(v) },
        { label: "always-dense per window", scale: "W", stroke: "rgba(214,39,40,0.45)", width: 1, dash: [4, 3], paths: uPlot.paths.stepped({ align: 1 }), value: (u, v) => C.fmtJ(v) }],
      hooks: { setScale: [(u, key) => group.hook(u, key)] },
    };
    const u = new uPlot(opts, [Array.from(x), Array.from(sal), Array.from(alw), Array.from(salW), Array.from(alwW)], box);
    group.add(u);
    register(l.sensor, "energy", u, { wakeOnSalienceJ: cs, alwaysDenseJ: ca });
  }

  function curveChart(l, box) {
    const pts = l.curve.points.filter(p => p[0] != null && p[1] != null);
    const opts = {
      width: Math.min(520, C.width(box)), height: 260,
      title: "miss rate vs false accepts per hour (dense score swept)",
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [{ label: "false accepts per hour of non-target time", size: 40 }, { label: "miss rate", values: (u, s) => s.map(v => (100 * v).toFixed(0) + "%"), size: 55 }],
      series: [{ label: "FA/h", value: (u, v) => v == null ? "-" : v.toFixed(2) },
        { label: "miss rate", stroke: "#1f77b4", width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: true, size: 6 }, value: (u, v) => C.pct(v) }],
    };
    const u = new uPlot(opts, [pts.map(p => p[0]), pts.map(p => p[1])], box);
    register(l.sensor, "curve", u, { thresholds: pts.map(p => p[2]) });
  }

  const figureRows = [
    ["events", "target events", v => v], ["recall", "event recall", C.pct], ["wakeRecall", "wake recall", C.pct],
    ["precision", "precision", C.pct], ["labelAccuracy", "label accuracy", C.pct],
    ["falseDetectionsOnDistractors", "false detections on distractors", v => v], ["falseDetectionsOnBackground", "false detections on background", v => v],
    ["latencyP50Ms", "detection latency p50 / p99", null, "latencyP99Ms", " ms"], ["wakeLatencyP50Ms", "wake latency p50 / p99", null, "wakeLatencyP99Ms", " ms"],
    ["wakes", "wakes", v => v], ["refusedWakes", "refused wakes", v => v], ["falseWakes", "false wakes (background)", v => v],
    ["backgroundHours", "background hours", v => v == null ? "-" : v.toFixed(3)], ["falseWakesPerHour", "false wakes per hour", v => v == null ? "-" : v.toFixed(2)],
    ["distractors", "distractors", v => v], ["distractorWakes", "distractor wakes", v => v], ["distractorRejectionRate", "distractor runs rejected", C.pct],
    ["windows", "windows", v => v], ["denseRuns", "dense runs", v => v], ["dutyCycle", "duty cycle", C.pct],
    ["frontJ", "front-end energy", C.fmtJ], ["denseJPerRun", "dense energy per run", C.fmtJ],
    ["wakeOnSalienceJ", "wake-on-salience energy", C.fmtJ], ["alwaysDenseJ", "always-dense energy", C.fmtJ],
    ["energyRatio", "always-dense / wake-on-salience", v => v == null ? "-" : v.toFixed(1) + "x"],
    ["synops", "synaptic operations", v => v], ["frontSparsity", "front-end activation sparsity", C.pct], ["footprintBytes", "footprint", v => v + " B"],
  ];

  function figures(l, box) {
    const t = el("table", { class: "grid figures" });
    for (const [key, name, fmt, key2, unit] of figureRows) {
      const e = l.eval;
      if (!(key in e)) continue;
      const v = fmt ? fmt(e[key]) : (e[key] == null ? "-" : e[key].toFixed(0)) + " / " + (e[key2] == null ? "-" : e[key2].toFixed(0)) + unit;
      t.append(el("tr", {}, el("th", { text: name }), el("td", { text: String(v) })));
    }
    box.append(t);
    window.vigilReport.tables[l.sensor + "/figures"] = t.rows.length;
  }

  function confusion(l, box) {
    const m = l.confusion, t = el("table", { class: "grid confusion" });
    t.append(el("tr", {}, el("th", { text: "true \\ head" }), ...m.labels.map(s => el("th", { text: s }))));
    m.counts.forEach((row, i) => t.append(el("tr", {}, el("th", { text: m.labels[i] }),
      ...row.map((c, j) => el("td", { class: i === j ? "diag" : "", text: String(c) })))));
    box.append(t);
    window.vigilReport.tables[l.sensor + "/confusion"] = m.labels.length * m.labels.length;
  }

  function jumpList(l, group, box) {
    const misses = (l.events || []).filter(e => e.target && !e.detected);
    const falses = (l.results || []).filter(d => d.verdict && d.verdict.startsWith("false"));
    if (!misses.length && !falses.length) return;
    const t = el("table", { class: "grid jumps" });
    t.append(el("tr", {}, el("th", { text: "time" }), el("th", { text: "what" }), el("th", { text: "label" }), el("th", { text: "score" })));
    const rows = misses.map(e => [e.start, "missed" + (e.woken ? " (woken)" : " (no wake)"), e.label, "-", e.end])
      .concat(falses.map(d => [d.wake, "false detection on " + d.truth, d.label, d.score.toFixed(2), d.wake]))
      .sort((a, b) => a[0] - b[0]);
    for (const [t0, what, label, score, t1] of rows.slice(0, 100)) {
      const tr = el("tr", { class: "jump", title: "zoom the charts here" }, el("td", { text: C.fmtTime(t0) }), el("td", { class: "bad", text: what }),
        el("td", { text: label }), el("td", { text: score }));
      tr.addEventListener("click", () => group.zoom(t0 - 5, t1 + 5));
      t.append(tr);
    }
    box.append(el("h3", { text: "misses and false detections" + (rows.length > 100 ? " (first 100 of " + rows.length + ")" : "") + "; click one to zoom" }), t);
  }

  function lane(l) {
    const box = el("section", { class: "lane", id: "lane-" + l.sensor });
    root.append(box);
    const e = l.eval || {};
    box.append(el("h2", { text: "Lane " + l.sensor },
      el("span", { class: "badge", text: (l.windows != null ? l.windows : e.windows) + " windows" }),
      el("span", { class: "badge", text: (e.wakes != null ? e.wakes : "-") + " wakes" }),
      el("span", { class: "badge", text: (e.denseRuns != null ? e.denseRuns : "-") + " dense runs" })));
    if (l.raster) {
      const group = C.syncGroup();
      box.append(el("h3", { text: "readout spikes per neuron" }), el("p", { class: "note", text: "spike counts of the front end's output (readout) neurons, " + resolutionNote(l) + "; darker is more; drag to zoom, double-click to reset" }));
      raster(l, group, box.appendChild(el("div", { class: "chart" })));
      box.append(el("h3", { text: "wake rule against its threshold" }),
        keyRow([[C.colors.target, "target event"], [C.colors.distractor, "distractor"], [C.colors.wake, "wake (tick, bottom)"],
          [C.colors.refused, "refused wake (x, bottom)"], [C.colors.ok, "detection on a target (dot)"], [C.colors.bad, "false detection (triangle) / missed event (x, top)"],
          [C.colors.rejected, "rejected by the dense head (ring)"], [C.colors.unlabelled, "detection (no labels)"]]));
      wakeChart(l, group, box.appendChild(el("div", { class: "chart" })));
      box.append(el("h3", { text: "energy: wake-on-salience against always-dense" }),
        el("p", { class: "note", text: "wake-on-salience = front end + dense runs × " + C.fmtJ(l.denseJPerRun) + " per run + the encoder, features and dense device's static power, spread evenly over the windows; always-dense = the dense stage (and the features it reads) on every window; the parts: vigil eval" }));
      energyChart(l, group, box.appendChild(el("div", { class: "chart" })));
      jumpList(l, group, box);
    }
    if (l.eval && data.labelled) {
      const cols = el("div", { class: "cols" });
      box.append(el("h3", { text: "evaluation" }), cols);
      const f = cols.appendChild(el("div"));
      figures(l, f);
      if (l.confusion) {
        const c = cols.appendChild(el("div"));
        c.append(el("h3", { text: "dense head: confusion over its runs" }));
        confusion(l, c);
      }
      if (l.curve) curveChart(l, cols.appendChild(el("div", { class: "chart" })));
    } else if (l.eval) {
      figures(l, box);
    }
  }

  header(data.header);
  for (const l of data.lanes) lane(l);
  window.addEventListener("resize", () => {
    for (const c of charts) c.chart.setSize({ width: c.kind === "curve" ? Math.min(520, C.width(c.chart.root.parentNode)) : C.width(c.chart.root.parentNode), height: c.chart.height });
  });
  window.vigilReport.readyMs = performance.now() - started;
  window.vigilReport.openMs = performance.now();
  window.vigilReport.ready = true;
  document.body.dataset.ready = "1";
})();
