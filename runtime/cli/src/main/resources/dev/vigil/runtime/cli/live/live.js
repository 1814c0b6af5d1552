/* The live page: per lane the last minutes of the wake rule against its threshold, streamed as server-sent
   events; recent detections; device, sensors, MQTT and outbox. window.vigilLive counts what arrived, for tests. */
"use strict";
(() => {
  const C = VigilCharts;
  const root = document.getElementById("live");
  const state = { lanes: {}, historyS: 300, hopS: 0.05, deviceId: "" };
  const live = { lanes: {}, events: 0, windowsEvents: 0, statusEvents: 0, detections: 0, connected: false };
  window.vigilLive = live;

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }

  const title = el("h1", { text: "Vigil live" });
  const conn = el("span", { class: "badge", id: "connection", text: "connecting" });
  title.append(conn);
  const statusBox = el("div", { class: "cols", id: "status" });
  const lanesBox = el("div", { id: "lanes" });
  const detBox = el("table", { class: "grid", id: "detections" });
  root.append(title, statusBox, el("h2", { text: "Lanes" }), el("p", { class: "note",
    text: "the wake rule's value per window (blue) against its threshold (red, dashed); ticks mark wakes; device time, latest at the right" }),
    lanesBox, el("h2", { text: "Recent detections" }), detBox);
  detBox.append(el("tr", {}, ...["device time", "lane", "label", "score", "wake reason"].map(t => el("th", { text: t }))));

  function lane(sensor) {
    let l = state.lanes[sensor];
    if (l) return l;
    const box = el("div", { class: "chart", id: "lane-" + sensor });
    lanesBox.append(el("h3", { text: sensor }), box);
    l = { t: [], v: [], th: [], n: [], w: [], dirty: true };
    const opts = {
      width: C.width(lanesBox), height: 180, legend: { show: true },
      scales: { x: { time: false } },
      axes: [{ values: (u, s) => s.map(v => C.fmtTime(v - (l.t.length ? l.t[l.t.length - 1] : 0))), size: 30 }, { size: 50 }],
      series: [{ label: "device time", value: (u, v) => v == null ? "-" : v.toFixed(2) + " s" },
        { label: "value", stroke: C.colors.value, width: 1, paths: uPlot.paths.stepped({ align: 1 }) },
        { label: "threshold", stroke: C.colors.threshold, width: 1, dash: [5, 4], paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } },
        { label: "readout spikes", stroke: "rgba(120,120,120,0.6)", width: 1, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
      hooks: { draw: [u => { for (let i = 0; i < l.t.length; i++) if (l.w[i]) C.mark(u, l.t[i], 0.95, "tick", C.colors.wake, 5); }] },
    };
    l.chart = new uPlot(opts, [[], [], [], []], box);
    state.lanes[sensor] = l;
    live.lanes[sensor] = { points: 0, wakes: 0 };
    return l;
  }

  function addWindows(msg) {
    live.windowsEvents++;
    for (const [sensor, w] of Object.entries(msg.lanes)) {
      const l = lane(sensor);
      for (let i = 0; i < w.t.length; i++) {
        l.t.push(w.t[i]); l.v.push(w.v[i]); l.th.push(w.th[i]); l.n.push(w.n[i]); l.w.push(w.w[i]);
      }
      const keep = l.t.length ? l.t[l.t.length - 1] - state.historyS : 0;
      let cut = 0;
      while (cut < l.t.length && l.t[cut] < keep) cut++;
      if (cut > 0) for (const k of ["t", "v", "th", "n", "w"]) l[k].splice(0, cut);
      l.dirty = true;
    }
  }

  function addDetections(list) {
    for (const d of list) {
      live.detections++;
      const row = el("tr", {}, el("td", { text: d.t.toFixed(3) + " s" }), el("td", { text: d.sensor }), el("td", { text: d.label }),
        el("td", { text: d.score.toFixed(2) }), el("td", { class: "mono", text: d.reason }));
      detBox.insertBefore(row, detBox.rows[1] || null);
      while (detBox.rows.length > 21) detBox.deleteRow(detBox.rows.length - 1);
    }
  }

  function table(rows, id) {
    const t = el("table", { class: "grid", id });
    for (const r of rows) t.append(el("tr", {}, ...r.map((c, i) => el(i === 0 ? "th" : "td", { text: String(c) }))));
    return t;
  }

  function showStatus(s) {
    live.statusEvents++;
    live.status = s;
    const d = s.device, m = s.mqtt;
    const device = table([["device", d.id], ["front end", d.front || "-"], ["dense stage", d.dense || "-"], ["uptime", C.fmtTime(d.uptimeS)],
      ["heap", (d.heapUsedBytes / 1048576).toFixed(0) + " of " + (d.heapMaxBytes / 1048576).toFixed(0) + " MiB"]], "device");
    const mqtt = table(m.enabled ? [["MQTT", m.connected ? "connected (" + m.protocol + ")" : "not connected"], ["delivered", m.delivered + " of " + m.stored],
      ["outbox depth", m.outboxDepth], ["dropped", m.dropped]] : [["MQTT", "off"]], "mqtt");
    const lanes = table([["lane", "windows", "wakes", "refused", "dense runs", "duty", "front-end energy"]].concat(s.lanes.map(l =>
      [l.sensor + (l.enabled ? "" : " (off)"), l.windows, l.wakes, l.refused, l.denseRuns, C.pct(l.dutyCycle), C.fmtJ(l.frontJ)])), "lane-figures");
    const sensors = table(s.sensors.length ? [["sensor", "state", "bus errors", "recoveries"]].concat(s.sensors.map(h => [h.sensor, h.state, h.failures, h.recoveries]))
      : [["sensors", "none live (replay)"]], "sensors");
    const page = table([["page updates dropped", s.page.feedDropped + s.page.clientDropped], ["pages open", s.page.clients]], "page");
    statusBox.replaceChildren(device, lanes, sensors, mqtt, page);
  }

  function render() {
    for (const [sensor, l] of Object.entries(state.lanes)) {
      if (!l.dirty) continue;
      l.dirty = false;
      l.chart.setData([l.t.slice(), l.v.slice(), l.th.slice(), l.n.slice()]);
      live.lanes[sensor] = { points: l.chart.data[0].length, wakes: l.w.reduce((a, b) => a + b, 0) };
    }
    requestAnimationFrame(render);
  }

  const source = new EventSource("events" + location.search);
  source.addEventListener("open", () => { live.connected = true; conn.textContent = "streaming"; });
  source.addEventListener("error", () => { live.connected = false; conn.textContent = "reconnecting"; });
  source.addEventListener("hello", e => {
    live.events++;
    const h = JSON.parse(e.data);
    state.historyS = h.historyS; state.hopS = h.hopS; state.deviceId = h.deviceId;
    title.firstChild.textContent = "Vigil live: " + h.deviceId + " ";
    for (const l of Object.values(state.lanes)) { for (const k of ["t", "v", "th", "n", "w"]) l[k].length = 0; l.dirty = true; }
  });
  source.addEventListener("windows", e => { live.events++; addWindows(JSON.parse(e.data)); });
  source.addEventListener("detections", e => { live.events++; addDetections(JSON.parse(e.data)); });
  source.addEventListener("status", e => { live.events++; showStatus(JSON.parse(e.data)); });
  window.addEventListener("resize", () => { for (const l of Object.values(state.lanes)) l.chart.setSize({ width: C.width(lanesBox), height: 180 }); });
  requestAnimationFrame(render);
})();
