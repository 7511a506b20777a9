// The workbench's scripts. Document text and every value come from reports and are untrusted:
// they reach the page only through textContent, d3's .text() and attribute setters, never as HTML.
"use strict";

const pageData = () => JSON.parse(document.getElementById("page-data").textContent);
const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
};
const figure = (v) => {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !Array.isArray(v)) {
    const lo = v.low ?? v.best, hi = v.high ?? v.best;
    return lo === hi ? String(lo) : `${lo}–${hi}`;
  }
  return Array.isArray(v) ? v.join(", ") : String(v);
};
const TYPE_COLOURS = ["#b5473a", "#2f6690", "#c28f2c", "#5b8c5a", "#7b5ea7", "#3a7d7c", "#a0522d", "#6c757d", "#d17a9b"];

// ---- document: highlights <-> facts ------------------------------------------------------
function initDocument() {
  const data = pageData();
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  const detail = document.getElementById("fact-detail");
  const body = document.getElementById("fact-detail-body");
  const marksOf = (id) => [...document.querySelectorAll("#doctext [data-claims]")]
    .filter((m) => m.dataset.claims.split(" ").includes(String(id)));

  function select(ids, slots) {
    document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
    body.replaceChildren();
    for (const id of ids) {
      const c = claims.get(Number(id));
      if (!c) continue;
      marksOf(id).forEach((m) => m.classList.add("active"));
      const item = document.getElementById(`claim-${id}`);
      if (item) item.classList.add("active");
      const box = el("div", null, "fact");
      const head = el("p");
      head.append(el("b", c.kind), ` #${c.id} · ${c.status}`);
      if (c.event_id) {
        const a = el("a", ` event ${c.event_id}`);
        a.href = `/events/${c.event_id}`;
        head.append(" ·", a);
      }
      box.append(head);
      const dl = el("dl", null, "values");
      for (const [k, v] of Object.entries(c.values)) {
        if (v === null || v === "" || (Array.isArray(v) && !v.length)) continue;
        const dt = el("dt", k);
        if (slots && slots.includes(k)) dt.classList.add("hit");
        dl.append(dt, el("dd", figure(v)));
      }
      box.append(dl);
      body.append(box);
    }
    detail.hidden = body.childElementCount === 0;
  }

  document.getElementById("doctext").addEventListener("click", (ev) => {
    const mark = ev.target.closest("[data-claims]");
    if (!mark) return;
    select(mark.dataset.claims.split(" "), (mark.dataset.slots || "").split(" "));
  });
  document.getElementById("doctext").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && ev.target.matches("mark")) ev.target.click();
  });

  function jump(id) {
    const marks = marksOf(id);
    select([id]);
    if (marks.length) {
      marks[0].scrollIntoView({ block: "center" });
      marks.forEach((m) => { m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash"); });
    }
  }
  document.querySelectorAll("a.jump").forEach((a) => a.addEventListener("click", (ev) => {
    ev.preventDefault();
    history.replaceState(null, "", `#claim-${a.dataset.claim}`);
    jump(a.dataset.claim);
  }));
  const m = /^#claim-(\d+)$/.exec(location.hash);
  if (m) jump(m[1]);
}

// ---- timeline with a date brush ----------------------------------------------------------
function initTimeline() {
  const data = pageData();
  if (!window.d3) return;
  const monthly = data.bucket === "month";
  const parse = (p) => (monthly ? new Date(Date.UTC(+p.slice(0, 4), +p.slice(5, 7) - 1, 1)) : new Date(Date.UTC(+p, 0, 1)));
  const next = (d) => (monthly ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) : new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1)));
  const periods = [...new Set(data.series.map((s) => s.period))].sort();
  const colour = d3.scaleOrdinal(data.groups, TYPE_COLOURS);
  const table = new Map(periods.map((p) => [p, Object.fromEntries(data.groups.map((g) => [g, { events: 0, killed: 0 }]))]));
  data.series.forEach((s) => { table.get(s.period)[s.group] = s; });

  function draw(svgId, measure, height, withBrush) {
    const svg = d3.select(`#${svgId}`);
    const width = svg.node().parentNode.clientWidth || 900;
    const m = { top: 10, right: 32, bottom: 24, left: 48 };
    svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    if (!periods.length) {
      svg.append("text").attr("x", m.left).attr("y", 30).attr("class", "muted").text("No dated event matches these filters.");
      return;
    }
    const rows = periods.map((p) => ({ period: p, ...Object.fromEntries(data.groups.map((g) => [g, table.get(p)[g][measure] || 0])) }));
    const stacked = d3.stack().keys(data.groups)(rows);
    // at least a year (or ten years) wide, so that a few months do not become fat slabs
    let start = parse(periods[0]);
    const end = next(parse(periods[periods.length - 1]));
    const least = monthly ? d3.utcMonth.offset(end, -12) : d3.utcYear.offset(end, -10);
    if (least < start) start = least;
    const x = d3.scaleUtc([start, end], [m.left, width - m.right]);
    const top = d3.max(stacked.at(-1), (d) => d[1]) || 1;
    const y = d3.scaleLinear([0, top], [height - m.bottom, m.top]).nice();
    svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(x).ticks(monthly ? Math.min(12, width / 90) : width / 90).tickFormat(d3.utcFormat(monthly ? "%b %Y" : "%Y")));
    svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(Math.min(top, height / 40)).tickFormat(d3.format(",d")));
    svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", (s) => colour(s.key))
      .selectAll("rect").data((s) => s.map((d) => ({ d, key: s.key }))).join("rect")
      .attr("x", ({ d }) => x(parse(d.data.period)) + 0.5)
      .attr("width", ({ d }) => Math.max(1, x(next(parse(d.data.period))) - x(parse(d.data.period)) - 1))
      .attr("y", ({ d }) => y(d[1])).attr("height", ({ d }) => Math.max(0, y(d[0]) - y(d[1])))
      .append("title").text(({ d, key }) => `${d.data.period} · ${key}: ${d[1] - d[0]}`);
    if (withBrush) {
      const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
        .on("end", ({ selection }) => {
          if (!selection) return;
          // whole periods only: the brush snaps to the month (or year) boundaries it is nearest
          const interval = monthly ? d3.utcMonth : d3.utcYear;
          let [from, to] = selection.map((px) => interval.round(x.invert(px)));
          if (to <= from) to = interval.offset(from, 1);
          listPeriod(from, to);
        });
      svg.append("g").attr("class", "brush").call(brush);
    }
  }

  const iso = (d) => d.toISOString().slice(0, monthly ? 7 : 4);
  async function listPeriod(from, to) {
    const params = new URLSearchParams(data.filters);
    params.set("date_from", iso(from));
    params.set("date_to", iso(new Date(to.getTime() - 1)));
    const res = await fetch(`/api/events?${params}&sort=-killed&per_page=25`);
    const page = await res.json();
    document.getElementById("brushed").hidden = false;
    document.getElementById("brushed-range").textContent = `${params.get("date_from")} to ${params.get("date_to")}`;
    document.getElementById("brushed-total").textContent = `${page.total} events, the deadliest first`;
    document.getElementById("brushed-open").href = `/events?${params}&sort=-killed`;
    const tbody = document.getElementById("brushed-rows");
    tbody.replaceChildren(...page.events.map((e) => {
      const tr = el("tr");
      const a = el("a", e.date || "undated");
      a.href = `/events/${e.id}`;
      const first = el("td");
      first.append(a);
      tr.append(first, el("td", e.event_type), el("td", e.perpetrator || ""), el("td", e.place || ""),
        el("td", e.country || ""), el("td", figure(e.killed), "num"));
      return tr;
    }));
  }

  draw("timeline-events", "events", 260, true);
  draw("timeline-killed", "killed", 160, false);
  const legend = el("ul", null, "legend-inline");
  data.groups.forEach((g) => {
    const li = el("li");
    const key = el("span", null, "swatch");
    key.style.background = colour(g);
    li.append(key, g);
    legend.append(li);
  });
  document.querySelector(".chart").after(legend);
}

// ---- map: offline country outlines, events at their geo-precision -----------------------
async function initMap() {
  const data = pageData();
  if (!window.d3 || !window.topojson) return;
  const svg = d3.select("#map");
  const width = svg.node().parentNode.clientWidth - 240 || 900, height = Math.round(width * 0.55);
  svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
  const world = await (await fetch("/vendor/world-atlas/countries-50m.json")).json();
  const countries = topojson.feature(world, world.objects.countries);
  const pts = data.places;
  const projection = d3.geoNaturalEarth1();
  if (pts.length) {
    // frame the located events with a margin of at least five degrees, so that one town is
    // shown in its country and not alone on an empty sea
    const lons = pts.map((p) => p.longitude), lats = pts.map((p) => p.latitude);
    const pad = Math.max(5, 0.15 * Math.max(d3.max(lons) - d3.min(lons), d3.max(lats) - d3.min(lats)));
    const frame = { type: "MultiPoint", coordinates: [[d3.min(lons) - pad, d3.min(lats) - pad], [d3.max(lons) + pad, d3.max(lats) + pad],
      [d3.min(lons) - pad, d3.max(lats) + pad], [d3.max(lons) + pad, d3.min(lats) - pad]] };
    projection.fitExtent([[20, 20], [width - 20, height - 20]], frame);
  } else projection.fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const root = svg.append("g");
  root.append("path").datum({ type: "Sphere" }).attr("class", "sphere").attr("d", path);
  root.append("g").selectAll("path").data(countries.features).join("path").attr("class", "country").attr("d", path)
    .append("title").text((f) => f.properties.name);
  const types = [...new Set(pts.map((p) => p.event_type))].sort();
  const colour = d3.scaleOrdinal(types, TYPE_COLOURS);
  const r = d3.scaleSqrt([0, d3.max(pts, (p) => p.killed) || 1], [3, 26]);
  // a district or province is an area, drawn as a dashed disc no smaller than the area it stands for
  const floor = { place: 0, district: 14, province: 30 };
  root.append("g").selectAll("circle").data(pts.slice().sort((a, b) => b.killed - a.killed)).join("circle")
    .attr("class", (p) => `pt prec-${p.precision}`)
    .attr("cx", (p) => projection([p.longitude, p.latitude])[0]).attr("cy", (p) => projection([p.longitude, p.latitude])[1])
    .attr("r", (p) => Math.max(r(p.killed), floor[p.precision] ?? 0)).attr("fill", (p) => colour(p.event_type))
    .attr("stroke", (p) => colour(p.event_type))
    .on("click", (ev, p) => showPlace(p))
    .append("title").text((p) => `${p.name}${p.admin1 ? ", " + p.admin1 : ""} (${p.precision}): ${p.events} ${p.event_type}, ${p.killed} killed`);
  const legend = document.getElementById("map-legend");
  types.forEach((t) => {
    const row = el("p");
    const key = el("span", null, "swatch");
    key.style.background = colour(t);
    row.append(key, t);
    legend.append(row);
  });
  svg.call(d3.zoom().scaleExtent([0.5, 40]).on("zoom", ({ transform }) => root.attr("transform", transform)));

  function showPlace(p) {
    const box = document.getElementById("map-selected");
    const params = new URLSearchParams(data.filters);
    if (p.country) params.set("country", p.country);
    if (p.admin1) params.set("admin1", p.admin1);
    params.set("event_type", p.event_type);
    const a = el("a", "list these events");
    a.href = `/events?${params}`;
    box.replaceChildren(el("h3", p.name), el("p", `${p.admin1 || ""} ${p.country || ""} · located to the ${p.precision}`),
      el("p", `${p.events} ${p.event_type} · ${p.killed} killed`), a);
  }
}

// ---- actor dossier -----------------------------------------------------------------------
function initActor() {
  const data = pageData();
  if (!window.d3) return;
  const width = () => Math.floor(document.querySelector("#leadership").getBoundingClientRect().width) - 2;
  const year = (s) => (s ? new Date(Date.UTC(+s.slice(0, 4), s.length >= 7 ? +s.slice(5, 7) - 1 : 0, s.length >= 10 ? +s.slice(8, 10) : 1)) : null);

  // leadership: one bar per tenure, from start to end (open-ended to the latest date known)
  const tenures = data.leadership.map((c) => ({ c, start: year(c.values.start), end: year(c.values.end) })).filter((t) => t.start || t.end);
  const lead = d3.select("#leadership-chart");
  if (tenures.length) {
    const w = width(), h = 30 + tenures.length * 24;
    const dates = tenures.flatMap((t) => [t.start, t.end]).filter(Boolean);
    // an open tenure ("since 2019") runs to the end of the chart, drawn lighter: the text gives no end
    const last = d3.max([...dates, new Date()]);
    const first = d3.min(dates);
    const x = d3.scaleUtc([d3.timeYear.floor(first), d3.timeYear.offset(d3.timeYear.floor(last), 1)], [160, w - 20]);
    lead.attr("viewBox", `0 0 ${w} ${h}`).attr("width", w).attr("height", h);
    lead.append("g").attr("transform", `translate(0,${h - 20})`).call(d3.axisBottom(x).ticks(d3.timeYear.every(Math.max(1, Math.ceil((last - first) / 3.15e10 / 12)))).tickFormat(d3.utcFormat("%Y")));
    const row = lead.selectAll("g.t").data(tenures).join("g").attr("class", "t").attr("transform", (_, i) => `translate(0,${6 + i * 24})`);
    row.append("text").attr("x", 4).attr("y", 14).text((t) => t.c.values.person || "?");
    row.append("rect").attr("x", (t) => x(t.start || t.end)).attr("y", 3).attr("height", 14)
      .attr("width", (t) => Math.max(4, x(t.end || x.domain()[1]) - x(t.start || t.end))).attr("class", (t) => (t.end ? "bar" : "bar open"))
      .append("title").text((t) => `${t.c.values.person}: ${t.c.values.start || "?"} – ${t.c.values.end || "?"} (${t.c.document})`);
  } else lead.remove();

  // relations as a network around this actor
  const net = d3.select("#network");
  if (data.network.links.length) {
    const w = width(), h = 340;
    net.attr("viewBox", `0 0 ${w} ${h}`).attr("width", w).attr("height", h);
    const nodes = data.network.nodes.map((n) => ({ ...n })), links = data.network.links.map((l) => ({ ...l }));
    const sim = d3.forceSimulation(nodes).force("link", d3.forceLink(links).id((n) => n.id).distance(140))
      .force("charge", d3.forceManyBody().strength(-400)).force("center", d3.forceCenter(w / 2, h / 2)).stop();
    for (let i = 0; i < 300; i++) sim.tick();
    nodes.forEach((n) => { n.x = Math.max(60, Math.min(w - 60, n.x)); n.y = Math.max(20, Math.min(h - 20, n.y)); });
    net.append("g").selectAll("line").data(links).join("line").attr("class", "link")
      .attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y).attr("x2", (l) => l.target.x).attr("y2", (l) => l.target.y);
    net.append("g").selectAll("text").data(links).join("text").attr("class", "link-label")
      .attr("x", (l) => (l.source.x + l.target.x) / 2).attr("y", (l) => (l.source.y + l.target.y) / 2).text((l) => l.predicate);
    const node = net.append("g").selectAll("a").data(nodes).join("a").attr("href", (n) => (n.actor_id ? `/actors/${n.actor_id}` : null));
    node.append("circle").attr("cx", (n) => n.x).attr("cy", (n) => n.y).attr("r", (n) => (n.self ? 9 : 6)).attr("class", (n) => (n.self ? "node self" : "node"));
    node.append("text").attr("x", (n) => n.x + 11).attr("y", (n) => n.y + 4).text((n) => n.id);
  } else net.remove();

  // events and fatalities per year
  const by = d3.select("#by-year");
  const years = d3.rollups(data.events_by_year, (v) => ({ events: d3.sum(v, (d) => d.events), killed: d3.sum(v, (d) => d.killed) }), (d) => d.year).sort();
  if (years.length) {
    const w = Math.min(width(), 120 + years.length * 60), h = 180;
    by.attr("viewBox", `0 0 ${w} ${h}`).attr("width", w).attr("height", h);
    const x = d3.scaleBand(years.map((d) => d[0]), [40, w - 10]).padding(0.25);
    const y = d3.scaleLinear([0, d3.max(years, (d) => d[1].events)], [h - 24, 10]).nice();
    by.append("g").attr("transform", `translate(0,${h - 24})`).call(d3.axisBottom(x));
    by.append("g").attr("transform", "translate(40,0)").call(d3.axisLeft(y).ticks(Math.min(4, y.domain()[1])).tickFormat(d3.format("d")));
    const bar = by.selectAll("g.b").data(years).join("g").attr("class", "b");
    bar.append("rect").attr("class", "bar").attr("x", (d) => x(d[0])).attr("width", x.bandwidth()).attr("y", (d) => y(d[1].events)).attr("height", (d) => y(0) - y(d[1].events));
    bar.append("text").attr("class", "bar-label").attr("x", (d) => x(d[0]) + x.bandwidth() / 2).attr("y", (d) => y(d[1].events) - 3)
      .attr("text-anchor", "middle").text((d) => `${d[1].events} · ${d[1].killed} killed`);
  } else {
    by.remove();
  }

  // strength estimates: a range from low to high at the date it holds for, coloured by source
  const est = data.estimates.map((c) => ({ c, at: year(c.values.as_of), low: +c.values.low, high: +(c.values.high ?? c.values.low) }))
    .filter((e) => e.at && Number.isFinite(e.low));
  const es = d3.select("#estimates-chart");
  if (est.length) {
    const w = width(), h = 240;
    es.attr("viewBox", `0 0 ${w} ${h}`).attr("width", w).attr("height", h);
    const x = d3.scaleUtc(d3.extent(est, (e) => e.at), [60, w - 160]).nice();
    if (x.domain()[0].getTime() === x.domain()[1].getTime()) x.domain([d3.timeYear.offset(x.domain()[0], -1), d3.timeYear.offset(x.domain()[0], 1)]);
    const y = d3.scaleLinear([0, d3.max(est, (e) => e.high)], [h - 24, 10]).nice();
    const colour = d3.scaleOrdinal([...new Set(est.map((e) => e.c.values.source || "unattributed"))], TYPE_COLOURS);
    es.append("g").attr("transform", `translate(0,${h - 24})`).call(d3.axisBottom(x).ticks(d3.utcYear.every(1)).tickFormat(d3.utcFormat("%Y")));
    es.append("g").attr("transform", "translate(60,0)").call(d3.axisLeft(y).ticks(5));
    const mark = es.selectAll("g.e").data(est).join("a").attr("href", (e) => `/documents/${e.c.document_id}#claim-${e.c.id}`);
    mark.append("line").attr("class", "range").attr("x1", (e) => x(e.at)).attr("x2", (e) => x(e.at)).attr("y1", (e) => y(e.low)).attr("y2", (e) => y(e.high))
      .attr("stroke", (e) => colour(e.c.values.source || "unattributed"));
    mark.append("circle").attr("cx", (e) => x(e.at)).attr("cy", (e) => y(e.low)).attr("r", 4).attr("fill", (e) => colour(e.c.values.source || "unattributed"));
    mark.append("circle").attr("cx", (e) => x(e.at)).attr("cy", (e) => y(e.high)).attr("r", 4).attr("fill", (e) => colour(e.c.values.source || "unattributed"));
    mark.append("title").text((e) => `${e.c.values.source || "unattributed"}, ${e.c.values.as_of}: ${e.low === e.high ? e.low : e.low + "–" + e.high} ${e.c.values.quantity || ""}`);
    colour.domain().forEach((s, i) => {
      es.append("circle").attr("cx", w - 150).attr("cy", 16 + i * 18).attr("r", 5).attr("fill", colour(s));
      es.append("text").attr("x", w - 140).attr("y", 20 + i * 18).text(s);
    });
  } else es.remove();
}

const PAGES = { document: initDocument, timeline: initTimeline, map: initMap, actor: initActor };
const init = PAGES[document.body.dataset.page];
if (init) init();
