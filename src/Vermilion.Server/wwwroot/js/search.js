// The header search box: history and hot searches on focus, live suggestions from the second character,
// arrow keys to choose; on the results page, the query's words marked in card titles (new pages too).
import { api } from "./api.js";

const form = document.querySelector("form.search");
const input = form?.querySelector("input[name=q]");
const signedIn = Boolean(document.body.dataset.me);
const label = (name) => form?.dataset[`label${name}`] ?? "";

function panelFor() {
  let panel = form.querySelector("[data-search-panel]");
  if (!panel) {
    panel = document.createElement("div");
    panel.className = "search-panel";
    panel.dataset.searchPanel = "";
    panel.dataset.testid = "search-panel";
    panel.setAttribute("role", "listbox");
    panel.hidden = true;
    form.append(panel);
  }
  return panel;
}

function option(label, query, html) {
  const item = document.createElement("a");
  item.className = "search-option";
  item.href = `/search?q=${encodeURIComponent(query)}`;
  item.setAttribute("role", "option");
  item.dataset.query = query;
  if (html) item.innerHTML = html; // built by the server from encoded text: only <em> is markup
  else item.textContent = label;
  return item;
}

async function showLists(panel) {
  const [history, hot] = await Promise.all([
    signedIn ? api("GET", "/api/search/history").catch(() => []) : Promise.resolve([]),
    api("GET", "/api/search/hot").catch(() => []),
  ]);
  panel.replaceChildren();
  if (history.length) {
    const head = document.createElement("div");
    head.className = "search-panel-head";
    head.append(Object.assign(document.createElement("span"), { textContent: label("History") }));
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "link-btn";
    clear.textContent = label("Clear");
    clear.dataset.testid = "history-clear";
    clear.addEventListener("mousedown", async (event) => {
      event.preventDefault();
      await api("DELETE", "/api/search/history");
      showLists(panel);
    });
    head.append(clear);
    const chips = document.createElement("div");
    chips.className = "search-history";
    for (const query of history) {
      const chip = option(query, query);
      chip.classList.add("history-chip");
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "history-remove";
      remove.setAttribute("aria-label", label("Delete"));
      remove.textContent = "×";
      remove.addEventListener("mousedown", async (event) => {
        event.preventDefault();
        event.stopPropagation();
        await api("DELETE", `/api/search/history/item?q=${encodeURIComponent(query)}`);
        showLists(panel);
      });
      chip.append(remove);
      chips.append(chip);
    }
    panel.append(head, chips);
  }
  if (hot.length) {
    const head = document.createElement("div");
    head.className = "search-panel-head";
    head.textContent = label("Hot");
    panel.append(head);
    for (const entry of hot) {
      const item = option(entry.text, entry.text);
      item.classList.add("hot-option");
      item.dataset.rank = entry.rank;
      panel.append(item);
    }
  }
  panel.hidden = panel.childElementCount === 0;
}

let pending = 0;
async function showSuggestions(panel, query) {
  const ticket = ++pending;
  const suggestions = await api("GET", `/api/search/suggest?q=${encodeURIComponent(query)}`).catch(() => []);
  if (ticket !== pending) return; // a later keystroke already asked
  panel.replaceChildren(...suggestions.map((s) => {
    const item = option(s.text, s.text, s.html);
    item.classList.add("suggestion", `kind-${s.kind}`);
    item.dataset.testid = "suggestion";
    return item;
  }));
  panel.hidden = suggestions.length === 0;
}

if (form && input) {
  const panel = panelFor();
  const params = new URLSearchParams(location.search);
  if (location.pathname === "/search" && params.get("q")) input.value = params.get("q");
  let timer;
  const refresh = () => {
    clearTimeout(timer);
    const query = input.value.trim();
    timer = setTimeout(() => (query.length >= 2 ? showSuggestions(panel, query) : showLists(panel)), 120);
  };
  input.addEventListener("focus", refresh);
  input.addEventListener("input", refresh);
  input.addEventListener("blur", () => setTimeout(() => (panel.hidden = true), 150));
  input.addEventListener("keydown", (event) => {
    const options = [...panel.querySelectorAll(".search-option")];
    const at = options.findIndex((o) => o.classList.contains("active"));
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!options.length) return;
      const next = event.key === "ArrowDown" ? (at + 1) % options.length : (at <= 0 ? options.length : at) - 1;
      options.forEach((o, i) => o.classList.toggle("active", i === next));
      input.value = options[next].dataset.query;
    } else if (event.key === "Escape") {
      panel.hidden = true;
    }
  });
  form.addEventListener("submit", (event) => {
    if (!input.value.trim()) {
      event.preventDefault();
      input.focus();
    }
  });
}

// Marks the query's words in result titles; words come from the server's analysis of the query.
function mark(root, words) {
  for (const title of root.querySelectorAll(".note-title:not([data-marked])")) {
    title.dataset.marked = "";
    const source = title.textContent;
    const folded = source.toLowerCase();
    const on = new Array(source.length).fill(false);
    for (const word of words) {
      for (let at = folded.indexOf(word); word && at >= 0; at = folded.indexOf(word, at + 1)) {
        for (let i = at; i < at + word.length; i++) on[i] = true;
      }
    }
    if (!on.includes(true)) continue;
    title.replaceChildren();
    for (let i = 0; i < source.length; ) {
      let j = i;
      while (j < source.length && on[j] === on[i]) j++;
      const piece = source.slice(i, j);
      title.append(on[i] ? Object.assign(document.createElement("em"), { textContent: piece }) : piece);
      i = j;
    }
  }
}

for (const results of document.querySelectorAll("[data-highlight]")) {
  const words = results.dataset.highlight.split("\u001f").filter(Boolean);
  mark(results, words);
  new MutationObserver(() => mark(results, words)).observe(results, { childList: true, subtree: true });
}

// The products tab: the next page of cards when the grid's end comes into view, as the notes feed does.
async function moreProducts(grid) {
  if (grid._loading || !grid.dataset.next) return;
  grid._loading = true;
  try {
    const response = await fetch(`${grid.dataset.fragmentUrl}&cursor=${encodeURIComponent(grid.dataset.next)}`, { credentials: "same-origin" });
    if (!response.ok) return;
    grid.dataset.next = response.headers.get("X-Next-Cursor") ?? "";
    const holder = document.createElement("div");
    holder.innerHTML = await response.text();
    grid.append(...holder.querySelectorAll(".product-card"));
  } finally {
    grid._loading = false;
  }
}

for (const grid of document.querySelectorAll("[data-product-grid]")) {
  const end = grid.nextElementSibling;
  if (end) {
    new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && moreProducts(grid), { rootMargin: "800px" }).observe(end);
  }
}

// The empty search page puts the cursor in the box, which opens history and hot searches.
if (document.querySelector("[data-search-start]") && input) input.focus();
