// Tells the discovery feed what only the browser sees, in batches: impressions (half a card in view for half a
// second, with its position in the feed), clicks, time spent on a note while the page is visible, how much of a
// video was watched, and shares. Batches go every ten seconds and, when the page is left or hidden, by
// navigator.sendBeacon, which the browser delivers even as the page goes away.
const me = document.body.dataset.me;
const queue = [];
const token = () => document.querySelector("meta[name=request-verification-token]")?.content ?? "";

function push(event) {
  if (!me) return;
  queue.push(event);
  if (queue.length >= 50) flush(false);
}

function flush(leaving) {
  if (!queue.length) return;
  const events = queue.splice(0, 200);
  const body = new URLSearchParams({ batch: JSON.stringify({ events }), __RequestVerificationToken: token() });
  if (leaving && navigator.sendBeacon?.("/api/events", body)) return;
  fetch("/api/events", { method: "POST", body, credentials: "same-origin", keepalive: true }).catch(() => {});
}

// Feed cards: positions in the order cards arrive (before the masonry moves them into columns), impressions once.
const seen = new WeakSet();
const impression = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    const card = entry.target;
    if (entry.isIntersecting) {
      card._shown = setTimeout(() => {
        impression.unobserve(card);
        const grid = card.closest("[data-feed]");
        push({ kind: "impression", note: card.dataset.note, position: Number(card.dataset.position), feed: grid?.dataset.feed, session: grid?._session });
      }, 500);
    } else {
      clearTimeout(card._shown);
    }
  }
}, { threshold: 0.5 });

function watch(grid, card) {
  if (seen.has(card) || !card.dataset.note) return;
  seen.add(card);
  card.dataset.position = String(grid._count++);
  impression.observe(card);
}

for (const grid of document.querySelectorAll("[data-feed]")) {
  grid._count = 0;
  grid._session = grid.dataset.next || "";
  grid.querySelectorAll(".note-card").forEach((card) => watch(grid, card));
  new MutationObserver((mutations) => {
    grid._session ||= grid.dataset.next || "";
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node.nodeType !== 1) continue;
        (node.matches(".note-card") ? [node] : [...node.querySelectorAll(".note-card")]).forEach((card) => watch(grid, card));
      }
    }
  }).observe(grid, { childList: true, subtree: true });
  grid.addEventListener("click", (event) => {
    const card = event.target.closest(".note-card");
    if (!card || !event.target.closest("a")) return;
    push({ kind: "click", note: card.dataset.note, position: Number(card.dataset.position), feed: grid.dataset.feed, session: grid._session });
    flush(true);
  });
}

// A note's page: reading time while visible, video watched, shares.
const notePage = document.querySelector("[data-note-page]");
if (notePage) {
  const note = notePage.dataset.notePage;
  let visibleSince = document.visibilityState === "visible" ? performance.now() : null;
  let dwell = 0;
  let watched = 0;
  let reported = false;
  const video = notePage.querySelector("video");
  video?.addEventListener("timeupdate", () => {
    if (video.duration > 0) watched = Math.max(watched, Math.min(1, video.currentTime / video.duration));
  });
  video?.addEventListener("ended", () => (watched = 1));
  notePage.addEventListener("click", (event) => {
    if (event.target.closest("[data-share]")) push({ kind: "share", note });
  });
  const pause = () => {
    if (visibleSince !== null) dwell += performance.now() - visibleSince;
    visibleSince = null;
  };
  const report = () => {
    pause();
    if (reported) return;
    reported = true;
    push({ kind: "dwell", note, dwellMs: Math.round(dwell) });
    if (video) push({ kind: "video", note, completion: Math.round(watched * 1000) / 1000 });
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      visibleSince = performance.now();
    } else {
      pause();
    }
  });
  addEventListener("pagehide", report);
}

// Searches are not reported from here: the server records them (for the page and the API alike).

setInterval(() => flush(false), 10000);
document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush(true));
addEventListener("pagehide", () => flush(true));
