/* jishi web page: filters, timeline, actor network, map, event list and event detail.

   Every piece of data is inserted with textContent / DOM nodes / SVG attributes, never innerHTML:
   article text may contain markup and must stay inert. Links are made only for http(s) URLs. */
"use strict";
(function () {
  const I = window.JishiI18n;
  const PAGE_SIZE = 25;
  const QUAD_COLOURS = { 1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#cb181d", 0: "#9e9e9e" };
  const SVG_NS = "http://www.w3.org/2000/svg";

  const state = {
    filters: {},        // applied filters: actor, country, type, since, until, text
    day: null,          // a day picked on the timeline (narrows the list only)
    offset: 0,
    actors: [],         // from /api/actors, for the filter's suggestions and name look-up
    stats: null,
    data: {},           // last answers, kept to re-render on a language switch
    selected: null,     // {event, mentionIndex, article}
  };

  /* ---------- helpers ---------- */

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function safeUrl(url) {
    // Only absolute http(s) URLs become links; "javascript:", "data:" and the rest stay text.
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function actorName(a) {
    if (!a) return "";
    if (I.lang === "en") return a.name_en || a.name || a.id;
    return a.name || a.name_en || a.id;
  }

  function quadColour(q) { return QUAD_COLOURS[q] || QUAD_COLOURS[0]; }

  function showError(msg) {
    const box = $("error");
    box.textContent = I.t("error", { msg });
    box.hidden = false;
  }

  let pending = 0;  // requests in flight; body[data-busy] lets tests wait for a settled page

  function setBusy(delta) {
    pending += delta;
    document.body.dataset.busy = pending > 0 ? "1" : "0";
  }

  async function api(path, params) {
    setBusy(1);
    try {
      return await fetchJson(path, params);
    } finally {
      setBusy(-1);
    }
  }

  async function fetchJson(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    }
    const url = path + (qs.toString() ? "?" + qs.toString() : "");
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok || !body || body.ok === false) {
      const msg = body && body.error ? body.error : resp.status + " " + resp.statusText;
      throw new Error(msg);
    }
    return body;
  }

  function actorLabelList(list) {
    return (list || []).map(actorName).join("、") || "—";
  }

  /* ---------- filters ---------- */

  function resolveActor(value) {
    const v = value.trim();
    if (!v) return "";
    const low = v.toLowerCase();
    const hit = state.actors.find((a) => a.id === v || a.name === v || (a.name_en || "").toLowerCase() === low);
    return hit ? hit.id : v;
  }

  function readFilters() {
    return {
      actor: resolveActor($("f-actor").value),
      country: $("f-country").value,
      type: $("f-type").value,
      since: $("f-since").value,
      until: $("f-until").value,
      text: $("f-text").value.trim(),
    };
  }

  function fillFilterOptions() {
    const types = $("f-type");
    const keepType = types.value;
    while (types.options.length > 1) types.remove(1);
    for (const ty of I.types) types.append(el("option", { value: ty, text: I.typeLabel(ty) + " · " + ty }));
    types.value = keepType;

    const countries = $("f-country");
    const keepCountry = countries.value;
    while (countries.options.length > 1) countries.remove(1);
    for (const c of (state.stats && state.stats.countries) || []) countries.append(el("option", { value: c, text: c }));
    countries.value = keepCountry;

    const list = $("actor-options");
    clear(list);
    for (const a of state.actors) {
      list.append(el("option", { value: actorName(a), label: a.id + (a.country ? " · " + a.country : "") }));
    }
  }

  /* ---------- stats ---------- */

  function renderStats() {
    const s = state.stats;
    $("stats").textContent = s ? I.t("stats", { articles: s.articles, events: s.events, actors: s.actors }) : "";
  }

  /* ---------- timeline ---------- */

  function renderLegend() {
    const box = $("quad-legend");
    clear(box);
    for (const q of [1, 2, 3, 4]) {
      const sw = el("span", { class: "swatch" });
      sw.style.background = quadColour(q);
      box.append(el("span", { class: "legend-item" }, sw, I.t("quad" + q)));
    }
  }

  function renderTimeline() {
    const box = $("timeline");
    clear(box);
    const days = (state.data.days || []).filter((d) => d.date);
    if (!days.length) { box.append(el("p", { class: "muted", text: I.t("no_data") })); return; }
    const width = Math.max(box.clientWidth, 320), height = 150;
    const m = { top: 8, right: 24, bottom: 22, left: 32 };
    const parse = d3.utcParse("%Y-%m-%d");
    const dates = days.map((d) => parse(d.date));
    const lo = d3.utcDay.offset(d3.min(dates), -1), hi = d3.utcDay.offset(d3.max(dates), 2);
    const x = d3.scaleUtc().domain([lo, hi]).range([m.left, width - m.right]);
    const top = d3.max(days, (d) => d.total) || 1;
    const y = d3.scaleLinear().domain([0, top]).nice().range([height - m.bottom, m.top]);
    const barW = Math.min(24, Math.max(2, x(d3.utcDay.offset(lo, 1)) - x(lo) - 2));
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, days.length + 2)).tickFormat(d3.utcFormat("%m-%d")));
    svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).tickValues(y.ticks(Math.min(4, top)).filter(Number.isInteger)).tickFormat(d3.format("d")));
    const groups = svg.append("g").selectAll("g").data(days).join("g")
      .attr("class", "day").attr("data-day", (d) => d.date)
      .on("click", (ev, d) => pickDay(d.date))
      .on("mousemove", (ev, d) => tooltip(ev, d.date + " · " + I.t("events_n", { n: d.total })))
      .on("mouseleave", hideTooltip);
    groups.each(function (d) {
      let acc = 0;
      const g = d3.select(this);
      for (const q of [1, 2, 3, 4, 0]) {
        const n = (d.by_quad && d.by_quad[String(q)]) || 0;
        if (!n) continue;
        g.append("rect").attr("x", x(parse(d.date)) - barW / 2).attr("width", barW)
          .attr("y", y(acc + n)).attr("height", y(acc) - y(acc + n)).attr("fill", quadColour(q));
        acc += n;
      }
      if (state.day === d.date) g.attr("class", "day picked");
    });
  }

  function pickDay(day) {
    state.day = state.day === day ? null : day;
    state.offset = 0;
    renderTimeline();
    loadList();
  }

  /* ---------- network ---------- */

  function renderNetwork() {
    const box = $("network");
    clear(box);
    const net = state.data.network;
    if (!net || !net.nodes.length) { box.append(el("p", { class: "muted", text: I.t("no_data") })); return; }
    const width = Math.max(box.clientWidth, 300), height = 380;
    const nodes = net.nodes.map((n) => Object.assign({}, n));
    const links = net.edges.map((e) => Object.assign({}, e));
    const maxCount = d3.max(links, (l) => l.count) || 1;
    // Goldstein -10 (conflict, red) .. 0 (grey) .. +10 (cooperation, blue), as the quad colours.
    const colour = d3.scaleLinear().domain([-10, 0, 10]).range([QUAD_COLOURS[4], "#9e9e9e", QUAD_COLOURS[2]]).clamp(true);
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
      .force("charge", d3.forceManyBody().strength(-320))
      .force("center", d3.forceCenter(width / 2, height / 2))
      .force("collide", d3.forceCollide(34))  // room for a short Chinese label beside each node
      .stop();
    for (let i = 0; i < 300; i++) sim.tick();   // static layout: same picture on every render
    for (const n of nodes) {
      n.x = Math.max(60, Math.min(width - 60, n.x));
      n.y = Math.max(36, Math.min(height - 20, n.y));
    }
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    const maxEv = d3.max(nodes, (n) => n.events) || 1;
    const radius = (n) => 6 + 10 * Math.sqrt(n.events / maxEv);
    // Lines stop at the target's rim so that the arrow head stays visible.
    const end = (d, axis) => {
      const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y;
      const len = Math.hypot(dx, dy) || 1, cut = radius(d.target) + 2;
      return axis === "x" ? d.target.x - (dx * cut) / len : d.target.y - (dy * cut) / len;
    };
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#777");
    svg.append("g").selectAll("line").data(links).join("line")
      .attr("class", "edge")
      .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
      .attr("x2", (d) => end(d, "x")).attr("y2", (d) => end(d, "y"))
      .attr("stroke", (d) => (d.mean_goldstein === null ? "#999" : colour(d.mean_goldstein)))
      .attr("stroke-width", (d) => 1.5 + 4 * (d.count / maxCount))
      .attr("marker-end", "url(#arrow)")
      .on("mousemove", (ev, d) => tooltip(ev, `${actorName(d.source)} → ${actorName(d.target)} · ${I.t("events_n", { n: d.count })}`
        + (d.mean_goldstein === null ? "" : ` · ${I.t("goldstein")} ${d.mean_goldstein.toFixed(1)}`)))
      .on("mouseleave", hideTooltip);
    const g = svg.append("g").selectAll("g").data(nodes).join("g")
      .attr("class", "node").attr("transform", (d) => `translate(${d.x},${d.y})`)
      .attr("data-actor", (d) => d.id)
      .on("click", (ev, d) => filterByActor(d))
      .on("mousemove", (ev, d) => tooltip(ev, `${actorName(d)} (${d.id}) · ${I.t("events_n", { n: d.events })}`))
      .on("mouseleave", hideTooltip);
    g.append("circle").attr("r", radius);
    g.append("text").attr("dy", (d) => -radius(d) - 4).attr("text-anchor", "middle").text((d) => shortLabel(actorName(d)));
  }

  function shortLabel(name) {
    const max = I.lang === "en" ? 18 : 8;  // full name in the tooltip
    return name.length > max ? name.slice(0, max - 1) + "…" : name;
  }

  function filterByActor(actor) {
    $("f-actor").value = actorName(actor);
    applyFilters();
  }

  /* ---------- map ---------- */

  let worldCache = null;

  async function loadWorld() {
    if (!worldCache) {
      const resp = await fetch("/static/vendor/countries-110m.json");
      const topo = await resp.json();
      worldCache = topojson.feature(topo, topo.objects.countries);
    }
    return worldCache;
  }

  async function renderMap() {
    const box = $("map");
    const world = await loadWorld();
    clear(box);
    const width = Math.max(box.clientWidth, 300), height = 340;
    const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    svg.append("g").selectAll("path").data(world.features).join("path").attr("class", "country").attr("d", path);
    const places = (state.data.places || []).filter((p) => p.lat !== null && p.lon !== null);
    const maxCount = d3.max(places, (p) => p.count) || 1;
    svg.append("g").selectAll("circle").data(places).join("circle")
      .attr("class", "place")
      .attr("cx", (d) => projection([d.lon, d.lat])[0]).attr("cy", (d) => projection([d.lon, d.lat])[1])
      .attr("r", (d) => 3 + 9 * Math.sqrt(d.count / maxCount))
      .attr("fill", (d) => quadColour(d.quad_class))
      .on("mousemove", (ev, d) => tooltip(ev, `${d.name || ""} ${d.country ? "(" + d.country + ")" : ""} · ${I.t("events_n", { n: d.count })}`))
      .on("mouseleave", hideTooltip)
      .on("click", (ev, d) => { if (d.event_ids && d.event_ids.length) openEvent(d.event_ids[0]); });
  }

  /* ---------- tooltip ---------- */

  function tooltip(ev, text) {
    const tip = $("tooltip");
    tip.textContent = text;
    tip.hidden = false;
    tip.style.left = ev.pageX + 12 + "px";
    tip.style.top = ev.pageY + 12 + "px";
  }

  function hideTooltip() { $("tooltip").hidden = true; }

  /* ---------- event list ---------- */

  function listParams() {
    const p = Object.assign({}, state.filters, { limit: PAGE_SIZE, offset: state.offset });
    if (state.day) { p.since = state.day; p.until = state.day; }
    return p;
  }

  async function loadList() {
    try {
      state.data.list = await api("/api/events", listParams());
      renderList();
    } catch (e) {
      showError(e.message);
    }
  }

  function typeBadge(ev) {
    const b = el("span", { class: "badge", text: I.typeLabel(ev.type) });
    b.style.background = quadColour(ev.quad_class);
    return b;
  }

  function renderList() {
    const box = $("event-list");
    clear(box);
    const chip = $("day-chip");
    chip.hidden = !state.day;
    $("day-chip-text").textContent = state.day ? I.t("day", { day: state.day }) : "";
    const res = state.data.list;
    if (!res) return;
    if (!res.events.length) box.append(el("li", { class: "muted", text: I.t("no_events") }));
    for (const ev of res.events) {
      const li = el("li", { class: "event-item", dataset: { eventId: ev.id }, tabindex: "0" },
        el("div", { class: "ev-head" },
          el("span", { class: "ev-date", text: ev.date || I.t("unknown") }), " ", typeBadge(ev),
          " ", el("span", { class: "ev-actors", text: `${actorLabelList(ev.source)} → ${actorLabelList(ev.target)}` }),
          ev.num_articles > 1 ? el("span", { class: "muted", text: " · " + I.t("num_articles", { n: ev.num_articles }) }) : null),
        el("div", { class: "ev-evidence", text: ev.evidence || "" }));
      if (state.selected && state.selected.event.id === ev.id) li.classList.add("selected");
      li.addEventListener("click", () => openEvent(ev.id));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(ev.id); });
      box.append(li);
    }
    const from = res.total ? res.offset + 1 : 0, to = res.offset + res.events.length;
    $("list-count").textContent = I.t("events_n", { n: res.total });
    $("page-info").textContent = I.t("page", { from, to, total: res.total });
    $("prev-page").disabled = res.offset <= 0;
    $("next-page").disabled = to >= res.total;
  }

  /* ---------- event detail ---------- */

  async function openEvent(id) {
    try {
      const res = await api("/api/events/" + encodeURIComponent(id));
      state.selected = { event: res.event, mentionIndex: 0, article: null };
      await loadMentionArticle(0);
      history.replaceState(null, "", "#event=" + encodeURIComponent(id));
      renderList();
    } catch (e) {
      showError(e.message);
    }
  }

  async function loadMentionArticle(index) {
    const sel = state.selected;
    const mention = sel.event.mentions[index];
    sel.mentionIndex = index;
    sel.article = mention ? (await api("/api/articles/" + encodeURIComponent(mention.article_id))).article : null;
    renderDetail();
  }

  function field(label, ...value) {
    return el("div", { class: "field" }, el("span", { class: "label", text: label }), el("span", { class: "value" }, ...value));
  }

  function actorChips(list) {
    if (!list || !list.length) return [document.createTextNode("—")];
    return list.map((a) => {
      const chip = el("button", { type: "button", class: "actor-chip", title: a.id, text: actorName(a) });
      chip.addEventListener("click", () => filterByActor(a));
      return chip;
    });
  }

  /* Split text into segments at every span boundary; each segment carries the classes of the spans
     covering it. Text goes in as text nodes, so markup in it is shown, never parsed. */
  function highlightedText(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      s.start = Math.max(0, Math.min(text.length, s.start));
      s.end = Math.max(s.start, Math.min(text.length, s.end));
      cuts.add(s.start); cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (a === b) continue;
      const covering = spans.filter((s) => s.start <= a && b <= s.end);
      const piece = text.slice(a, b);
      if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
      const span = el("span", { class: [...new Set(covering.map((s) => s.cls))].join(" "), text: piece });
      const titled = covering.find((s) => s.title);
      if (titled) span.title = titled.title;
      frag.append(span);
    }
    return frag;
  }

  /* The event's highlights in one article: evidence sentences, and inside them the source and
     target actors, the trigger and the times (offsets from /api/events/{id} mentions). */
  function articleSpans(event, article) {
    const spans = [];
    for (const m of event.mentions.filter((x) => x.article_id === article.id)) {
      spans.push({ start: m.start, end: m.end, cls: "hl-evidence" });
      for (const h of m.highlights || []) {
        if (h.kind === "source" || h.kind === "target") spans.push({ start: h.start, end: h.end, cls: "hl-actor", title: h.actor_id });
        else if (h.kind === "time") spans.push({ start: h.start, end: h.end, cls: "hl-time", title: h.value || "" });
        else if (h.kind === "trigger") spans.push({ start: h.start, end: h.end, cls: "hl-trigger", title: event.type });
        else if (h.kind === "actor") spans.push({ start: h.start, end: h.end, cls: "hl-other", title: h.actor_id });
      }
    }
    return spans;
  }

  function renderDetail() {
    const box = $("detail");
    clear(box);
    const sel = state.selected;
    if (!sel) { box.append(el("p", { class: "muted", text: I.t("pick_event") })); return; }
    const ev = sel.event;
    box.append(el("h3", { class: "detail-title" }, typeBadge(ev), " ",
      el("span", { text: `${ev.type}${ev.mode ? " · " + ev.mode : ""}` }),
      el("span", { class: "muted", text: ` ${ev.id}` })));
    const loc = ev.location ? [ev.location.name, ev.location.country].filter(Boolean).join(", ") : "—";
    const grid = el("div", { class: "fields" },
      field(I.t("source"), ...actorChips(ev.source)),
      field(I.t("target"), ...actorChips(ev.target)),
      field(I.t("date"), ev.date ? ev.date + (ev.date_end && ev.date_end !== ev.date ? " – " + ev.date_end : "") : I.t("unknown")),
      field(I.t("status"), I.t("status_" + ev.status)),
      field(I.t("location"), loc),
      field(I.t("attribution"), ev.attribution && ev.attribution.length ? ev.attribution.join("、") : I.t("self_reported")),
      field(I.t("goldstein"), ev.goldstein === null ? "—" : String(ev.goldstein)),
      field(I.t("cameo"), ev.cameo || "—"),
      field(I.t("confidence"), ev.confidence === null ? "—" : ev.confidence.toFixed(2)),
      field(I.t("mentions"), `${ev.num_mentions} · ${I.t("num_articles", { n: ev.num_articles })}`));
    box.append(grid);
    if (ev.merge_reasons && ev.merge_reasons.length) {
      box.append(el("details", { class: "merge" }, el("summary", { text: I.t("merge") }),
        el("ul", {}, ...ev.merge_reasons.map((r) => el("li", { text: r })))));
    }

    box.append(el("h4", { text: I.t("sources") }));
    const sources = el("ol", { class: "sources" });
    ev.mentions.forEach((m, i) => {
      const href = safeUrl(m.url);
      const title = m.article_title || m.article_id;
      const li = el("li", { class: i === sel.mentionIndex ? "current" : "" },
        href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", text: title }) : el("span", { text: title }),
        el("span", { class: "muted", text: ` · ${m.source || ""} ${m.published || ""}` }),
        m.attribution && m.attribution.length ? el("span", { class: "muted", text: ` · ${I.t("attribution")}: ${m.attribution.join("、")}` }) : null,
        " ");
      if (i !== sel.mentionIndex) {
        li.append(el("button", { type: "button", class: "link", text: I.t("open_article"), onclick: () => loadMentionArticle(i) }));
      }
      sources.append(li);
    });
    box.append(sources);

    const art = sel.article;
    if (art) {
      box.append(el("h4", {}, I.t("article") + ": ", el("span", { class: "article-title", text: art.title || art.id })));
      const legend = el("div", { class: "hl-legend" });
      for (const [cls, key] of [["hl-evidence", "legend_evidence"], ["hl-actor", "legend_actor"], ["hl-trigger", "legend_trigger"], ["hl-time", "legend_time"]]) {
        legend.append(el("span", { class: cls, text: I.t(key) }), " ");
      }
      box.append(legend);
      const textBox = el("div", { class: "article-text", id: "article-text" });
      textBox.append(highlightedText(art.text || "", articleSpans(ev, art)));
      box.append(textBox);
      const first = textBox.querySelector(".hl-evidence");
      // .article-text is position: relative, so offsetTop counts from the top of its content
      if (first) textBox.scrollTop = Math.max(0, first.offsetTop - 40);
    }
  }

  /* ---------- loading ---------- */

  async function loadAll() {
    $("error").hidden = true;
    const f = state.filters;
    try {
      const [days, network, places] = await Promise.all([
        api("/api/days", f), api("/api/network", f), api("/api/places", f),
      ]);
      state.data.days = days.days;
      state.data.network = network;
      state.data.places = places.places;
      renderTimeline();
      renderNetwork();
      await renderMap();
    } catch (e) {
      showError(e.message);
    }
    await loadList();
  }

  function applyFilters() {
    state.filters = readFilters();
    state.day = null;
    state.offset = 0;
    loadAll();
  }

  function rerender() {
    I.apply();
    $("lang-toggle").textContent = I.t("toggle");
    fillFilterOptions();
    renderStats();
    renderLegend();
    renderTimeline();
    renderNetwork();
    renderMap();
    renderList();
    renderDetail();
  }

  async function init() {
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
    $("f-reset").addEventListener("click", () => { $("filters").reset(); applyFilters(); });
    $("prev-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadList(); });
    $("next-page").addEventListener("click", () => { state.offset += PAGE_SIZE; loadList(); });
    $("day-chip-clear").addEventListener("click", () => pickDay(state.day));
    $("lang-toggle").addEventListener("click", () => { I.lang = I.lang === "en" ? "zh" : "en"; rerender(); });
    let resizeTimer = null;  // charts are drawn to their box's width: redraw once resizing stops
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { renderTimeline(); renderNetwork(); renderMap(); }, 200);
    });
    try {
      const [stats, actors] = await Promise.all([api("/api/stats"), api("/api/actors", { limit: 1000 })]);
      state.stats = stats.stats;
      state.actors = actors.actors;
    } catch (e) {
      showError(e.message);
    }
    I.apply();
    fillFilterOptions();
    renderStats();
    renderLegend();
    await loadAll();
    const m = /^#event=(.+)$/.exec(location.hash);
    if (m) await openEvent(decodeURIComponent(m[1]));
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", init);
})();
