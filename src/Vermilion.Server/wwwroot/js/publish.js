// The publish page: upload (shrunk in the browser first), order and cover of pictures, text-card styles,
// #topic and @person suggestions, place, audience, schedule, draft; errors shown beside their fields.
import { api, ApiError, upload } from "./api.js";
import { resizeImage } from "./image-resize.js";
import { attachSuggestions } from "./text-suggest.js";

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
  // Tiles can be dragged into a new order; ‹ › do the same from the keyboard; ★ makes a picture the cover.
  let dragged = null;
  const renderThumbs = () => {
    thumbs.innerHTML = "";
    images.forEach((image, index) => {
      const tile = document.createElement("div");
      tile.className = "thumb" + (index === cover ? " is-cover" : "");
      tile.dataset.coverLabel = thumbs.dataset.coverLabel ?? "";
      tile.draggable = true;
      tile.innerHTML = `<img alt=""><div class="thumb-tools"><button type="button" data-left aria-label="←">‹</button><button type="button" data-cover>★</button><button type="button" data-right aria-label="→">›</button><button type="button" data-remove aria-label="×">×</button></div>`;
      tile.querySelector("img").src = image.url;
      tile.querySelector("[data-left]").onclick = () => move(index, index - 1);
      tile.querySelector("[data-right]").onclick = () => move(index, index + 1);
      tile.querySelector("[data-cover]").onclick = () => { cover = index; renderThumbs(); };
      tile.querySelector("[data-remove]").onclick = () => { images.splice(index, 1); cover = Math.min(cover, Math.max(0, images.length - 1)); renderThumbs(); };
      tile.addEventListener("dragstart", () => { dragged = index; tile.classList.add("dragging"); });
      tile.addEventListener("dragend", () => tile.classList.remove("dragging"));
      tile.addEventListener("dragover", (event) => { event.preventDefault(); tile.classList.add("drop-target"); });
      tile.addEventListener("dragleave", () => tile.classList.remove("drop-target"));
      tile.addEventListener("drop", (event) => { event.preventDefault(); if (dragged !== null) move(dragged, index); dragged = null; });
      thumbs.append(tile);
    });
    form.querySelector("[data-upload-tile]").hidden = images.length >= 18;
  };
  // Moves a picture to another place, shifting the ones between; the cover follows its picture.
  const move = (from, to) => {
    if (to < 0 || to >= images.length || from === to) return;
    const coverImage = images[cover];
    const [picked] = images.splice(from, 1);
    images.splice(to, 0, picked);
    cover = images.indexOf(coverImage);
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

  // Video: uploaded as soon as it is chosen (with progress), then rendered on the server (its progress polled).
  // The server takes a poster frame; moving the slider picks another, drawn here and uploaded as a picture.
  const video = { id: null, uploading: null, duration: 0, state: null, posterPicked: false };
  const player = form.querySelector("[data-video-preview]");
  const canvas = form.querySelector("[data-poster-canvas]");
  const status = form.querySelector("[data-video-status]");
  const drawPoster = () => new Promise((resolve) => {
    const slider = form.querySelector("[data-poster-time]");
    // Recordings written live report an infinite duration; the server read the real one from the file.
    const length = Number.isFinite(player.duration) ? player.duration : video.duration;
    const at = Math.max(0, Math.min(length * Number(slider.value) / 1000, length - 0.05)) || 0;
    const draw = () => {
      const scale = Math.min(1, 1080 / Math.max(player.videoWidth, player.videoHeight));
      canvas.width = Math.round(player.videoWidth * scale);
      canvas.height = Math.round(player.videoHeight * scale);
      canvas.getContext("2d").drawImage(player, 0, 0, canvas.width, canvas.height);
      resolve();
    };
    if (Math.abs(player.currentTime - at) < 0.01 && player.readyState >= 2) draw();
    else { player.addEventListener("seeked", draw, { once: true }); player.currentTime = at; }
  });
  form.querySelector("[data-video]")?.addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    form.querySelectorAll("[data-for-type=video] [data-error]").forEach((slot) => (slot.textContent = ""));
    form.querySelector("[data-video-pick]").hidden = false;
    form.querySelector("[data-video-tile]").hidden = true;
    player.src = URL.createObjectURL(file);
    player.addEventListener("loadeddata", () => drawPoster(), { once: true });
    status.textContent = status.dataset.uploading;
    const bar = form.querySelector("[data-video-progress]");
    video.id = null;
    video.uploading = upload("/api/media", file, (share) => (bar.style.width = `${Math.round(share * 100)}%`))
      .then((uploaded) => {
        Object.assign(video, { id: uploaded.id, duration: uploaded.durationSeconds, state: uploaded.state });
        status.textContent = status.dataset.done;
        followRendering(uploaded.id, bar);
        return uploaded;
      })
      .catch((failure) => {
        status.textContent = "";
        form.querySelector("[data-video-tile]").hidden = false;
        form.querySelector("[data-for-type=video] [data-error=file]").textContent =
          failure instanceof ApiError ? (Object.values(failure.errors)[0]?.[0] ?? failure.message) : String(failure);
        throw failure;
      });
  });
  form.querySelector("[data-poster-time]")?.addEventListener("input", () => { video.posterPicked = true; drawPoster(); });
  // Polls the upload until its rendition is ready (or failed); resolves with its final state.
  const followRendering = async (id, bar) => {
    while (video.id === id) {
      const media = await api("GET", `/api/media/${id}`);
      video.state = media.state;
      bar.style.width = `${media.progress}%`;
      if (media.state === "ready") { status.textContent = status.dataset.ready; return media.state; }
      if (media.state === "failed") { status.textContent = status.dataset.failed; return media.state; }
      status.textContent = status.dataset.processing.replace("{0}", media.progress);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return null;
  };
  const posterId = async () => {
    await drawPoster();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
    return (await api("POST", "/api/media", blob)).id;
  };

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
  attachSuggestions(body, form.querySelector("[data-suggestions]"));
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
      const name = field.charAt(0).toLowerCase() + field.slice(1);
      const slots = [...form.querySelectorAll(`[data-error="${name}"]`)];
      const slot = slots.find((s) => !s.closest("[hidden]")) ?? slots[0];
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
      if (!editing && type === "video") {
        button.disabled = true;
        try {
          await video.uploading;
          note.mediaIds = video.id ? [video.id] : [];
          note.posterId = video.id && video.posterPicked ? await posterId() : null;
        } catch {
          button.disabled = false;
          return; // the upload's own error is already shown beside the video
        }
      } else if (!editing) {
        note.mediaIds = type === "image" ? images.map((i) => i.id) : [];
        note.coverIndex = cover;
        note.cardStyle = Number(form.querySelector("[name=cardStyle]:checked")?.value ?? 0);
      }
      button.disabled = true;
      try {
        const saved = !editing ? await api("POST", "/api/notes", note)
          : root.dataset.status === "draft" ? await api("POST", `/api/notes/${editing}/publish`, note)
          : await api("PATCH", `/api/notes/${editing}`, note);
        // A note published while its video renders goes out when the video is ready: wait here, then show it.
        if (saved.status === "processing" && video.id) {
          status.textContent = status.dataset.waiting;
          if (await followRendering(video.id, form.querySelector("[data-video-progress]")) !== "ready") return;
        }
        location.href = `/explore/${saved.id}`;
      } catch (failure) {
        if (failure instanceof ApiError) showErrors(failure); else throw failure;
      } finally {
        button.disabled = false;
      }
    });
  }
}
