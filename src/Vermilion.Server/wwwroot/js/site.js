// Small progressive enhancements; every page reads without them.
import { resizeImage } from "./image-resize.js";
import "./live.js";
import "./social.js";
// Before the feed script, so cards are numbered in the order they came, not the masonry's.
import "./discovery-signals.js";
import "./feed.js";
import "./note.js";
import "./stickers.js";
import "./publish.js";
import "./messages.js";
import "./notifications.js";
import "./series.js";
import "./search.js";

// Avatar: preview the chosen picture and shrink large photos in the browser before upload.
for (const form of document.querySelectorAll("form[data-resize-max]")) {
  const input = form.querySelector("input[type=file]");
  const preview = form.querySelector("[data-avatar-preview]");
  const max = Number(form.dataset.resizeMax) || 1080;
  input?.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const resized = await resizeImage(file, max);
    if (resized !== file) {
      const transfer = new DataTransfer();
      transfer.items.add(resized);
      input.files = transfer.files;
    }
    if (preview) preview.src = URL.createObjectURL(input.files[0]);
  });
}

// Close the avatar menu when clicking elsewhere.
document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll("details.menu[open]")) {
    if (!menu.contains(event.target)) menu.removeAttribute("open");
  }
});
