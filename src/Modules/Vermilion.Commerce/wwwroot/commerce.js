// Commerce pages: the SKU picker shows the chosen SKU's price, gallery thumbnails swap the main picture, and
// checkout choices recalculate at once. Every form also works without this script.
for (const picker of document.querySelectorAll("[data-sku-picker]")) {
  const price = document.querySelector("[data-price-value]");
  picker.addEventListener("change", (event) => {
    const input = event.target;
    if (input.name === "skuId" && input.dataset.price && price) price.textContent = input.dataset.price;
  });
}

for (const thumb of document.querySelectorAll("[data-gallery-thumb]")) {
  thumb.addEventListener("click", () => {
    const main = document.querySelector("[data-gallery-main]");
    if (main) main.src = thumb.dataset.galleryThumb;
  });
}

for (const input of document.querySelectorAll("[data-autosubmit]")) {
  input.addEventListener("change", () => {
    const preview = input.form?.querySelector("[formaction*='handler=Preview']");
    if (preview) input.form.requestSubmit(preview);
  });
}

// A photo picker shows the picked photo in place of its tile.
for (const input of document.querySelectorAll("[data-photo-picker]")) {
  const picker = input.closest(".vc-photo-picker");
  const preview = picker?.querySelector("[data-photo-preview]");
  const tile = picker?.querySelector("[data-photo-tile]");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!preview || !tile) return;
    if (preview.src) URL.revokeObjectURL(preview.src);
    preview.hidden = !file;
    tile.hidden = !!file;
    if (file) preview.src = URL.createObjectURL(file);
  });
}
