// A series page, for its creator: rename and describe, delete, reorder with ↑ ↓, take a note out.
import { api, ApiError, toast } from "./api.js";

const page = document.querySelector("[data-series]");
const list = document.querySelector("[data-series-list]");
if (page && list) {
  const id = page.dataset.series;
  const order = () => [...list.querySelectorAll("[data-series-note]")].map((item) => item.dataset.seriesNote);

  list.addEventListener("click", async (event) => {
    const item = event.target.closest("[data-series-note]");
    const move = event.target.closest("[data-move]");
    if (item && move) {
      const sibling = move.dataset.move === "-1" ? item.previousElementSibling : item.nextElementSibling;
      if (!sibling) return;
      if (move.dataset.move === "-1") sibling.before(item); else sibling.after(item);
      try {
        await api("PUT", `/api/series/${id}/notes`, { noteIds: order() });
      } catch (failure) {
        toast(failure.message);
        location.reload();
      }
      return;
    }
    if (item && event.target.closest("[data-remove]")) {
      await api("DELETE", `/api/series/${id}/notes/${item.dataset.seriesNote}`);
      item.remove();
    }
  });

  const form = document.querySelector("[data-series-form]");
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelectorAll("[data-error]").forEach((slot) => (slot.textContent = ""));
    try {
      await api("PATCH", `/api/series/${id}`, { name: form.name.value, description: form.description.value });
      location.reload();
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      for (const [field, messages] of Object.entries(failure.errors)) {
        const slot = form.querySelector(`[data-error="${field}"]`);
        if (slot) slot.textContent = messages[0];
      }
    }
  });

  document.querySelector("[data-series-delete]")?.addEventListener("click", async (event) => {
    if (!confirm(event.target.dataset.confirm)) return;
    await api("DELETE", `/api/series/${id}`);
    location.href = `/user/${document.body.dataset.me}?tab=series`;
  });
}
