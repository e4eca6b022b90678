// crosscheck web page. Every string that comes from articles is put in the
// page with textContent, never innerHTML: article text is hostile input.
"use strict";

const main = document.getElementById("main");

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c == null) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || r.status + " " + r.statusText);
  return body;
}

function showError(err) {
  main.replaceChildren(el("p", { class: "err", text: "Error: " + err.message }));
}

const statusTitle = {
  disputed: "disputed", denied: "denied", corroborated: "corroborated",
  unconfirmed: "unconfirmed", single_source: "single source",
};
function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

const kindTitle = { decline: "declined to comment", no_response: "did not respond", neither: "neither confirmed nor denied" };

// ---- story list -------------------------------------------------------
async function renderList() {
  const params = new URLSearchParams(location.search);
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  const data = await getJSON("/api/stories?limit=200" + (q ? "&q=" + encodeURIComponent(q) : ""));
  const list = el("ul", { class: "story-list", id: "stories" });
  for (const s of data.stories) {
    const c = s.counts || {};
    const badges = el("div", { class: "badges" },
      el("span", { text: plural(s.articles, "article") }),
      el("span", { text: plural(c.outlets || 0, "outlet") }),
      el("span", { class: "disputed", text: (c.disputed || 0) + " disputed" }),
      el("span", { class: "denied", text: (c.denied || 0) + " denied" }),
      el("span", { class: "corroborated", text: (c.corroborated || 0) + " corroborated" }),
      el("span", { text: (s.first || "?") + " → " + (s.last || "?") }));
    list.append(el("li", {},
      el("a", { class: "title", href: "/stories/" + encodeURIComponent(s.id), text: s.title || s.id }), badges));
  }
  const head = el("h1", { text: q ? "Stories matching “" + q + "”" : "Stories, newest activity first" });
  main.replaceChildren(head, data.stories.length ? list : el("p", { class: "muted", text: "No stories yet. Ingest articles with `crosscheck analyze` or POST /api/ingest." }));
}

// ---- one story --------------------------------------------------------
let current = null;

async function renderStory(id) {
  const s = await getJSON("/api/stories/" + encodeURIComponent(id));
  current = s;
  document.title = s.headline + " — crosscheck";
  const left = el("div", {});
  const right = el("div", {});
  const evidence = el("section", { class: "card", id: "evidence" },
    el("h2", { text: "Evidence" }),
    el("p", { class: "muted", text: "Click a claim or a matrix cell to see its sentence in the article." }));
  right.append(evidence);

  const c = s.counts;
  const head = el("section", { class: "card" },
    el("h1", { id: "headline", text: s.headline }),
    el("div", { class: "badges" },
      el("span", { text: plural(c.articles, "article") }),
      el("span", { text: plural(c.outlets, "outlet") }),
      el("span", { class: "disputed", text: c.disputed + " disputed" }),
      el("span", { class: "denied", text: c.denied + " denied" }),
      el("span", { class: "corroborated", text: c.corroborated + " corroborated" }),
      el("span", { text: plural(c.non_answers, "non-answer") }),
      s.event_dates.length ? el("span", { text: "events " + s.event_dates.join(", ") }) : null,
      s.places.length ? el("span", { text: s.places.join(", ") }) : null));
  for (const n of s.notes) head.append(el("p", { class: "note", text: "note: " + n }));
  const arts = el("table", {}, el("tr", {}, el("th", { text: "ref" }), el("th", { text: "date" }), el("th", { text: "outlet" }), el("th", { text: "title or lead" })));
  for (const a of s.articles) {
    const title = el("td", {}, a.title || a.lead || "");
    for (const cp of a.copies || []) title.append(el("div", { class: "muted", text: "copy: " + (cp.date || "") + " " + (cp.outlet || "") + " (near-duplicate, not counted)" }));
    arts.append(el("tr", {}, el("td", { text: a.ref }), el("td", { text: a.date || "undated" }),
      el("td", { text: (a.outlet || "outlet unknown") + (a.outlet_guessed ? " (guessed)" : "") }), title));
  }
  head.append(arts);
  left.append(head);

  const findings = el("section", { class: "card", id: "findings" }, el("h2", { text: "Findings — disputes first" }));
  for (const f of s.findings) findings.append(renderFinding(f, evidence));
  if (!s.findings.length) findings.append(el("p", { class: "muted", text: "No claims found." }));
  left.append(findings);

  left.append(renderMatrix(s, evidence));

  if (s.non_answers.length) {
    const na = el("section", { class: "card", id: "non-answers" }, el("h2", { text: "Non-answers" }));
    for (const n of s.non_answers) {
      na.append(evButton(n.evidence, (n.who || "someone") + " " + (kindTitle[n.kind] || n.kind) + (n.about ? " (on " + n.about + ")" : ""), n.evidence.sentence_text, evidence));
    }
    left.append(na);
  }
  left.append(renderTimeline(s));
  if (s.background.length) {
    const bg = el("section", { class: "card" }, el("h2", { text: "Background (context, not news)" }));
    for (const f of s.background) bg.append(renderFinding(f, evidence));
    left.append(bg);
  }
  main.replaceChildren(el("div", { class: "layout" }, left, right));
}

function sourceText(ev) {
  let s = ev.source || (ev.stance === "article" ? (ev.outlet || "article " + ev.article) + " (own voice)" : "unattributed");
  if (ev.via && ev.via.length) s += " via " + ev.via.join(" via ");
  if (ev.reported_on) s += ", " + ev.reported_on;
  return s + " [" + ev.article + " s" + (ev.sentence + 1) + "]";
}

function evButton(ev, label, quote, pane) {
  return el("button", { class: "ev", type: "button", onclick: () => showEvidence(ev, pane) },
    el("span", { class: "src", text: label }), el("br"), el("span", { class: "quote", text: "“" + quote + "”" }));
}

function renderFinding(f, pane) {
  const box = el("div", { class: "finding " + f.status, id: "finding-" + f.id },
    el("div", { class: "q" }, f.id + " " + f.question,
      el("span", { class: "tag " + f.status, text: statusTitle[f.status] + (f.disagreement ? " on " + f.disagreement : "") })),
    el("div", { text: "“" + f.summary + "”" }));
  for (const sd of f.sides) {
    const side = el("div", { class: "side" }, el("b", { text: sd.position }), " — " + sd.chains + (sd.chains === 1 ? " independent chain" : " independent chains"));
    for (const ev of sd.evidence) side.append(evButton(ev, sourceText(ev), ev.text, pane));
    box.append(side);
  }
  return box;
}

function renderMatrix(s, pane) {
  const sec = el("section", { class: "card", id: "matrix" }, el("h2", { text: "Claims × sources" }));
  if (!s.matrix.rows.length) { sec.append(el("p", { class: "muted", text: "No claims." })); return sec; }
  const head = el("tr", {}, el("th", { text: "claim" }));
  for (const c of s.matrix.columns) head.append(el("th", { text: c.label, title: c.chain }));
  const t = el("table", {}, head);
  for (const row of s.matrix.rows) {
    const tr = el("tr", {}, el("td", { text: row.finding + " " + row.summary.slice(0, 90) }));
    row.cells.forEach((cell, i) => {
      const label = cell.value + (cell.position ? ": " + cell.position : "");
      const td = el("td", { class: "cell " + cell.value, text: label, "data-finding": row.finding, "data-col": String(i) });
      if (cell.evidence && cell.evidence.length) {
        td.tabIndex = 0;
        td.addEventListener("click", () => showEvidence(cell.evidence[0], pane));
        td.addEventListener("keydown", (e) => { if (e.key === "Enter") showEvidence(cell.evidence[0], pane); });
      }
      tr.append(td);
    });
    t.append(tr);
  }
  sec.append(el("div", { class: "matrix-wrap" }, t));
  const more = [];
  if (s.matrix.omitted_findings) more.push(s.matrix.omitted_findings + " more claims");
  if (s.matrix.omitted_chains) more.push(s.matrix.omitted_chains + " more sources");
  if (more.length) sec.append(el("p", { class: "muted", text: "Not shown: " + more.join(", ") + " (see the findings list and the JSON)." }));
  return sec;
}

function renderTimeline(s) {
  const ev = el("ol", {});
  for (const e of s.timeline.events) ev.append(el("li", {}, el("span", { class: "d", text: e.date }), (e.finding ? e.finding + " " : "") + e.text + " (" + (statusTitle[e.status] || e.status) + ")"));
  const rep = el("ol", {});
  for (const e of s.timeline.reports) rep.append(el("li", {}, el("span", { class: "d", text: e.date || "undated" }), e.who + ": " + e.text));
  return el("section", { class: "card", id: "timeline" }, el("h2", { text: "Timeline" }),
    el("div", { class: "timeline" },
      el("div", {}, el("h3", { text: "What happened (event dates)" }), s.timeline.events.length ? ev : el("p", { class: "muted", text: "No dated events." })),
      el("div", {}, el("h3", { text: "Who reported what, when" }), rep)));
}

async function showEvidence(ev, pane) {
  try {
    const d = await getJSON("/api/articles/" + encodeURIComponent(ev.article_id));
    const body = d.article.body;
    // Offsets are UTF-8 byte offsets: slice the encoded text, then decode.
    const bytes = new TextEncoder().encode(body);
    const dec = new TextDecoder();
    const start = ev.sentence_end > ev.sentence_start ? ev.sentence_start : ev.start;
    const end = ev.sentence_end > ev.sentence_start ? ev.sentence_end : ev.end;
    const mark = el("mark", { id: "highlight", text: dec.decode(bytes.slice(start, end)) });
    const text = el("div", { class: "body" }, dec.decode(bytes.slice(0, start)), mark, dec.decode(bytes.slice(end)));
    const a = d.article;
    pane.replaceChildren(el("h2", { text: "Evidence — article " + ev.article }),
      el("p", {}, el("b", { text: a.title || "(untitled)" }), el("br"),
        (a.outlet || "outlet unknown") + " · " + (a.published ? a.published.slice(0, 10) : "undated") + " · sentence " + (ev.sentence + 1)),
      el("p", { class: "src", text: sourceText(ev) }),
      text);
    mark.scrollIntoView({ block: "center" });
  } catch (err) {
    pane.replaceChildren(el("p", { class: "err", text: "Could not load the article: " + err.message }));
  }
}

// ---- routing and live updates ------------------------------------------
async function route() {
  try {
    const m = location.pathname.match(/^\/stories\/([^/]+)$/);
    if (m) await renderStory(decodeURIComponent(m[1]));
    else await renderList();
    document.body.dataset.ready = "true";
  } catch (err) {
    showError(err);
  }
}

function live() {
  if (!window.EventSource) return;
  const dot = document.getElementById("live");
  const es = new EventSource("/api/events");
  es.addEventListener("hello", () => dot.classList.add("on"));
  es.addEventListener("update", () => route());
  es.onerror = () => dot.classList.remove("on");
}

route();
live();
