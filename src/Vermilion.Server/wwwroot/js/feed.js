// Masonry feed: cards go into the shortest column; the next page loads when the end comes into view.
const columnsFor = (width) => (width < 560 ? 2 : width < 900 ? 3 : width < 1280 ? 4 : 5);

function layout(grid) {
  const cards = [...grid.querySelectorAll(":scope > .note-card, :scope > .masonry-col > .note-card")];
  const count = columnsFor(grid.clientWidth || window.innerWidth);
  if (grid._columns?.length === count) return;
  grid.innerHTML = "";
  grid._columns = Array.from({ length: count }, () => {
    const col = document.createElement("div");
    col.className = "masonry-col";
    grid.append(col);
    return col;
  });
  grid.classList.add("masonry");
  cards.forEach((card) => place(grid, card));
}

function place(grid, card) {
  const shortest = grid._columns.reduce((a, b) => (a.offsetHeight <= b.offsetHeight ? a : b));
  shortest.append(card);
}

async function loadMore(grid) {
  if (grid._loading || !grid.dataset.next) return;
  grid._loading = true;
  try {
    // A feed names its source, or (for another module's lists, like search results) its own fragment address.
    const base = grid.dataset.fragmentUrl || `/fragments/feed?source=${encodeURIComponent(grid.dataset.feed)}`;
    const url = `${base}${base.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(grid.dataset.next)}`;
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) return;
    grid.dataset.next = response.headers.get("X-Next-Cursor") ?? "";
    const holder = document.createElement("div");
    holder.innerHTML = await response.text();
    [...holder.querySelectorAll(".note-card")].forEach((card) => place(grid, card));
  } finally {
    grid._loading = false;
  }
}

for (const grid of document.querySelectorAll("[data-feed]")) {
  layout(grid);
  window.addEventListener("resize", () => layout(grid));
  const end = grid.nextElementSibling;
  if (end) {
    new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(grid), { rootMargin: "800px" }).observe(end);
  }
}

// The nearby tab: with permission, the browser's position replaces the profile's city.
document.querySelector("[data-locate-feed]")?.addEventListener("click", () => {
  navigator.geolocation?.getCurrentPosition((position) => {
    const at = `${position.coords.latitude.toFixed(4)},${position.coords.longitude.toFixed(4)}`;
    location.href = `/?tab=nearby&at=${encodeURIComponent(at)}`;
  });
});
