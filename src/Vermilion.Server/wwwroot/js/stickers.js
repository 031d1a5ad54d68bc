// Sticker pickers: a button beside a text field opens a grid; a pick types the sticker's [code] at the cursor,
// and pages draw the code as its emoji once the text is posted.
for (const picker of document.querySelectorAll("[data-sticker-picker]")) {
  const field = document.getElementById(picker.dataset.for);
  const toggle = picker.querySelector("[data-sticker-toggle]");
  const panel = picker.querySelector("[data-sticker-panel]");
  if (!field || !toggle || !panel) continue;
  const show = (open) => {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => show(panel.hidden));
  panel.addEventListener("click", (event) => {
    const option = event.target.closest("[data-sticker]");
    if (!option) return;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    field.setRangeText(option.dataset.sticker, start, end, "end");
    field.focus();
    field.dispatchEvent(new Event("input"));
    show(false);
  });
  document.addEventListener("click", (event) => { if (!picker.contains(event.target)) show(false); });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") show(false); });
}
