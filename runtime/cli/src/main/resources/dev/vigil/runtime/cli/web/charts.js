/* Chart helpers shared by the report and the live page (uPlot). */
"use strict";
const VigilCharts = (() => {
  const colors = { value: "#1f77b4", threshold: "#d62728", wake: "#1f77b4", ok: "#2ca02c", bad: "#d62728",
    refused: "#7f7f7f", rejected: "#9aa5ae", unlabelled: "#8e44ad", target: "rgba(46,120,200,0.16)",
    distractor: "rgba(235,150,20,0.20)", salience: "#2ca02c", always: "#d62728", raster: [31, 119, 180] };

  function fmtTime(s) {
    if (s == null || !isFinite(s)) return "-";
    const neg = s < 0; s = Math.abs(s);
    if (s < 60) return (neg ? "-" : "") + (s < 10 ? s.toFixed(2) : s.toFixed(1)) + " s";
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = Math.floor(s % 60);
    const mm = String(m).padStart(h > 0 ? 2 : 1, "0"), ss = String(sec).padStart(2, "0");
    return (neg ? "-" : "") + (h > 0 ? h + ":" + mm + ":" + ss : mm + ":" + ss);
  }

  function fmtJ(j) {
    if (j == null || !isFinite(j)) return "-";
    const a = Math.abs(j);
    if (a === 0) return "0 J";
    if (a >= 1) return j.toPrecision(3) + " J";
    if (a >= 1e-3) return (j * 1e3).toPrecision(3) + " mJ";
    if (a >= 1e-6) return (j * 1e6).toPrecision(3) + " µJ";
    return (j * 1e9).toPrecision(3) + " nJ";
  }

  function pct(v) { return v == null || !isFinite(v) ? "-" : (100 * v).toFixed(1) + " %"; }

  function timeAxis() {
    return { values: (u, splits) => splits.map(fmtTime), size: 32 };
  }

  /** Draws a vertical band from t0 to t1 (seconds) over the plot area. */
  function band(u, t0, t1, fill) {
    const x0 = u.valToPos(t0, "x", true), x1 = u.valToPos(t1, "x", true);
    const l = u.bbox.left, r = l + u.bbox.width;
    if (x1 < l || x0 > r) return;
    u.ctx.fillStyle = fill;
    u.ctx.fillRect(Math.max(l, x0), u.bbox.top, Math.max(1, Math.min(r, x1) - Math.max(l, x0)), u.bbox.height);
  }

  /** A mark at time t (seconds), at a fraction f of the plot's height from its top. */
  function mark(u, t, f, shape, color, size) {
    const x = u.valToPos(t, "x", true);
    if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) return false;
    const y = u.bbox.top + f * u.bbox.height, r = (size || 4) * devicePixelRatio, c = u.ctx;
    c.strokeStyle = color; c.fillStyle = color; c.lineWidth = 1.5 * devicePixelRatio;
    c.beginPath();
    if (shape === "x") { c.moveTo(x - r, y - r); c.lineTo(x + r, y + r); c.moveTo(x + r, y - r); c.lineTo(x - r, y + r); c.stroke(); }
    else if (shape === "down") { c.moveTo(x - r, y - r); c.lineTo(x + r, y - r); c.lineTo(x, y + r); c.closePath(); c.fill(); }
    else if (shape === "tick") { c.moveTo(x, y - r); c.lineTo(x, y + r); c.stroke(); }
    else if (shape === "ring") { c.arc(x, y, r, 0, 2 * Math.PI); c.stroke(); }
    else { c.arc(x, y, r, 0, 2 * Math.PI); c.fill(); }
    return true;
  }

  /** Keeps the x range of every chart in a group the same: zoom one, all follow. */
  function syncGroup() {
    const charts = [];
    let busy = false;
    return {
      add(u) { charts.push(u); },
      hook(u, key) {
        if (key !== "x" || busy) return;
        busy = true;
        const { min, max } = u.scales.x;
        for (const o of charts) if (o !== u && o.scales.x.min !== min) o.setScale("x", { min, max });
        busy = false;
      },
      zoom(min, max) { for (const o of charts) o.setScale("x", { min, max }); },
      charts,
    };
  }

  function width(el) { return Math.max(320, Math.floor(el.clientWidth || document.body.clientWidth - 48)); }

  return { colors, fmtTime, fmtJ, pct, timeAxis, band, mark, syncGroup, width };
})();
