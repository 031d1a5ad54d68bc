// The publish page: upload (shrunk in the browser first), order and cover of pictures, text-card styles,
// #topic and @person suggestions, place, audience, schedule, draft; errors shown beside their fields.
import { api, ApiError } from "./api.js";
import { resizeImage } from "./image-resize.js";

const root = document.querySelector("[data-publish]");
if (root) {
  const form = root.querySelector("[data-publish-form]");
  const editing = root.dataset.edit || null;
  let type = root.dataset.type;
  const images = []; // { id, url }
  let cover = 0;

  const showType = () => {
    for (const section of form.querySelectorAll("[data-for-type]")) section.hidden = section.dataset.forType !== type;
    for (const tab of root.querySelectorAll("[data-type-tab]")) tab.classList.toggle("active", tab.dataset.typeTab === type);
  };
  root.querySelectorAll("[data-type-tab]").forEach((tab) => tab.addEventListener("click", () => { type = tab.dataset.typeTab; showType(); }));
  if (editing) root.querySelectorAll("[data-for-type]").forEach((s) => (s.hidden = true));
  else showType();

  // Pictures.
  const thumbs = form.querySelector("[data-thumbs]");
  const renderThumbs = () => {
    thumbs.innerHTML = "";
    images.forEach((image, index) => {
      const tile = document.createElement("div");
      tile.className = "thumb" + (index === cover ? " cover" : "");
      tile.innerHTML = `<img alt=""><div class="thumb-tools"><button type="button" data-left aria-label="←">‹</button><button type="button" data-cover>★</button><button type="button" data-right aria-label="→">›</button><button type="button" data-remove aria-label="×">×</button></div>`;
      tile.querySelector("img").src = image.url;
      tile.querySelector("[data-left]").onclick = () => move(index, -1);
      tile.querySelector("[data-right]").onclick = () => move(index, 1);
      tile.querySelector("[data-cover]").onclick = () => { cover = index; renderThumbs(); };
      tile.querySelector("[data-remove]").onclick = () => { images.splice(index, 1); cover = Math.min(cover, Math.max(0, images.length - 1)); renderThumbs(); };
      thumbs.append(tile);
    });
    form.querySelector("[data-upload-tile]").hidden = images.length >= 18;
  };
  const move = (index, step) => {
    const to = index + step;
    if (to < 0 || to >= images.length) return;
    [images[index], images[to]] = [images[to], images[index]];
    if (cover === index) cover = to; else if (cover === to) cover = index;
    renderThumbs();
  };
  form.querySelector("[data-images]")?.addEventListener("change", async (event) => {
    const error = form.querySelector("[data-error=mediaIds]");
    error.textContent = "";
    for (const file of [...event.target.files].slice(0, 18 - images.length)) {
      try {
        const body = await resizeImage(file, 2160);
        const uploaded = await api("POST", "/api/media", body);
        images.push({ id: uploaded.id, url: uploaded.url });
        renderThumbs();
      } catch (failure) {
        error.textContent = failure instanceof ApiError ? (Object.values(failure.errors)[0]?.[0] ?? failure.message) : String(failure);
      }
    }
    event.target.value = "";
  });

  // Text card preview.
  const preview = form.querySelector("[data-card-preview]");
  const previewText = form.querySelector("[data-card-preview-text]");
  const title = form.querySelector("[name=title]");
  const body = form.querySelector("[name=body]");
  const updatePreview = () => {
    const style = form.querySelector("[name=cardStyle]:checked")?.value ?? 0;
    if (preview) preview.className = `card-preview swatch-${style}`;
    if (previewText) previewText.textContent = title.value || body.value || previewText.textContent;
  };
  form.querySelectorAll("[name=cardStyle]").forEach((radio) => radio.addEventListener("change", updatePreview));

  // Counters (a Chinese character, an emoji or a letter each count one).
  const count = (text) => [...new Intl.Segmenter().segment(text)].length;
  for (const input of form.querySelectorAll("[data-count]")) {
    const counter = form.querySelector(`[data-counter-for="${input.name}"]`);
    const update = () => {
      const n = count(input.value);
      counter.textContent = `${n}/${input.dataset.count}`;
      counter.classList.toggle("over", n > Number(input.dataset.count));
      updatePreview();
    };
    input.addEventListener("input", update);
    update();
  }

  // #topic and @person suggestions while typing.
  const list = form.querySelector("[data-suggestions]");
  const currentToken = () => {
    const before = body.value.slice(0, body.selectionStart);
    const match = /([#@])([^\s#@]{0,30})$/.exec(before);
    return match ? { sign: match[1], word: match[2], start: before.length - match[0].length } : null;
  };
  const accept = (token, text) => {
    const end = body.selectionStart;
    body.value = body.value.slice(0, token.start) + token.sign + text + (token.sign === "#" ? "# " : " ") + body.value.slice(end);
    list.hidden = true;
    body.focus();
    body.dispatchEvent(new Event("input"));
  };
  let suggestTimer;
  body.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    const token = currentToken();
    if (!token) { list.hidden = true; return; }
    suggestTimer = setTimeout(async () => {
      const items = token.sign === "#"
        ? (await api("GET", `/api/suggest/topics?q=${encodeURIComponent(token.word)}`)).map((t) => ({ value: t.name, label: `#${t.name}`, note: t.noteCount }))
        : (await api("GET", `/api/suggest/people?q=${encodeURIComponent(token.word)}`)).map((p) => ({ value: p.username, label: `@${p.nickname}`, note: p.username }));
      list.innerHTML = "";
      for (const item of items) {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.textContent = item.label;
        const small = document.createElement("small");
        small.textContent = ` ${item.note}`;
        li.append(small);
        li.addEventListener("mousedown", (e) => { e.preventDefault(); accept(token, item.value); });
        list.append(li);
      }
      list.hidden = items.length === 0;
    }, 150);
  });
  body.addEventListener("blur", () => setTimeout(() => (list.hidden = true), 150));
  form.querySelectorAll("[data-insert]").forEach((button) => button.addEventListener("click", () => {
    body.setRangeText(button.dataset.insert, body.selectionStart, body.selectionEnd, "end");
    body.focus();
    body.dispatchEvent(new Event("input"));
  }));

  // Place from the device, if the person allows it.
  form.querySelector("[data-locate]")?.addEventListener("click", (event) => {
    navigator.geolocation?.getCurrentPosition((position) => {
      form.querySelector("[name=latitude]").value = position.coords.latitude.toFixed(5);
      form.querySelector("[name=longitude]").value = position.coords.longitude.toFixed(5);
      event.target.textContent = event.target.dataset.located;
    });
  });

  // A new series, made on the spot and chosen.
  form.querySelector("[data-new-series]")?.addEventListener("click", async (event) => {
    const name = window.prompt(event.target.dataset.prompt)?.trim();
    if (!name) return;
    const slot = form.querySelector("[data-error=seriesId]");
    try {
      const series = await api("POST", "/api/series", { name });
      const select = form.querySelector("[name=seriesId]");
      select.append(new Option(series.name, series.id, true, true));
      slot.textContent = "";
    } catch (failure) {
      slot.textContent = failure instanceof ApiError ? (Object.values(failure.errors)[0]?.[0] ?? failure.message) : String(failure);
    }
  });

  // Submit.
  const showErrors = (failure) => {
    form.querySelectorAll("[data-error]").forEach((e) => (e.textContent = ""));
    const general = form.querySelector("[data-form-error]");
    general.hidden = true;
    let placed = false;
    for (const [field, messages] of Object.entries(failure.errors ?? {})) {
      const slot = form.querySelector(`[data-error="${field}"]`) ?? form.querySelector(`[data-error="${field.charAt(0).toLowerCase() + field.slice(1)}"]`);
      if (slot) { slot.textContent = messages[0]; placed = true; }
    }
    if (!placed) { general.textContent = failure.message; general.hidden = false; }
  };
  const number = (name) => { const v = form.querySelector(`[name=${name}]`)?.value; return v ? Number(v) : null; };
  for (const button of form.querySelectorAll("[data-submit]")) {
    button.addEventListener("click", async () => {
      const scheduled = form.querySelector("[name=publishAt]")?.value;
      const note = {
        type,
        title: title.value,
        body: body.value,
        city: form.querySelector("[name=city]").value,
        place: form.querySelector("[name=place]").value,
        latitude: number("latitude"),
        longitude: number("longitude"),
        privacy: form.querySelector("[name=privacy]").value,
        publishAt: scheduled ? new Date(scheduled).toISOString() : null,
        draft: button.dataset.submit === "draft",
        seriesId: form.querySelector("[name=seriesId]")?.value ?? null,
      };
      if (!editing) {
        note.mediaIds = type === "image" ? images.map((i) => i.id) : [];
        note.coverIndex = cover;
        note.cardStyle = Number(form.querySelector("[name=cardStyle]:checked")?.value ?? 0);
      }
      button.disabled = true;
      try {
        const saved = !editing ? await api("POST", "/api/notes", note)
          : root.dataset.status === "draft" ? await api("POST", `/api/notes/${editing}/publish`, note)
          : await api("PATCH", `/api/notes/${editing}`, note);
        location.href = `/explore/${saved.id}`;
      } catch (failure) {
        if (failure instanceof ApiError) showErrors(failure); else throw failure;
      } finally {
        button.disabled = false;
      }
    });
  }
}
