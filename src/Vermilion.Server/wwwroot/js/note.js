// The note page: the picture carousel, replying to a comment, comment likes and more replies.
import { api, toast } from "./api.js";
import { resizeImage } from "./image-resize.js";
import { attachSuggestions } from "./text-suggest.js";

for (const carousel of document.querySelectorAll("[data-carousel]")) {
  const slides = carousel.querySelector(".slides");
  if (!slides) continue; // a video note: one player, nothing to slide
  const dots = [...carousel.querySelectorAll(".carousel-dots span")];
  const go = (step) => slides.scrollBy({ left: step * slides.clientWidth, behavior: "smooth" });
  carousel.querySelector("[data-carousel-prev]")?.addEventListener("click", () => go(-1));
  carousel.querySelector("[data-carousel-next]")?.addEventListener("click", () => go(1));
  slides.addEventListener("scroll", () => {
    const index = Math.round(slides.scrollLeft / slides.clientWidth);
    dots.forEach((dot, i) => dot.classList.toggle("on", i === index));
  });
}

const form = document.querySelector("[data-comment-form]");
const commentField = form?.querySelector("[data-suggest-field]");
if (commentField) attachSuggestions(commentField, form.querySelector("[data-suggestions]"));
document.addEventListener("click", async (event) => {
  const reply = event.target.closest("[data-reply-to]");
  if (reply && form) {
    form.querySelector("[data-reply-field]").value = reply.dataset.replyTo;
    const input = form.querySelector("input[name=body]");
    input.placeholder = `${input.dataset.replyPlaceholder} ${reply.dataset.replyName}`;
    input.focus();
    return;
  }

  const like = event.target.closest("[data-like-comment]");
  if (like) {
    const on = like.getAttribute("aria-pressed") === "true";
    const state = await api(on ? "DELETE" : "POST", `/api/comments/${like.dataset.likeComment}/like`);
    like.setAttribute("aria-pressed", String(state.liked));
    like.classList.toggle("on", state.liked);
    like.querySelector("span").textContent = state.liked ? "♥" : "♡";
    like.querySelector("[data-count]").textContent = state.likeCount;
    return;
  }

  const more = event.target.closest("[data-more-replies]");
  if (more) {
    const response = await fetch(`/fragments/comments?replies=${encodeURIComponent(more.dataset.moreReplies)}`, { credentials: "same-origin" });
    if (!response.ok) return;
    document.querySelector(`[data-replies="${more.dataset.moreReplies}"]`).innerHTML = await response.text();
    more.remove();
    return;
  }

  const moreComments = event.target.closest("[data-more-comments]");
  if (moreComments) {
    const url = `/fragments/comments?note=${encodeURIComponent(moreComments.dataset.moreComments)}&sort=${moreComments.dataset.sort}&cursor=${encodeURIComponent(moreComments.dataset.cursor)}`;
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) return;
    moreComments.insertAdjacentHTML("beforebegin", await response.text());
    const next = response.headers.get("X-Next-Cursor");
    if (next) moreComments.dataset.cursor = next; else moreComments.remove();
  }
});

// Pressing Escape drops the reply target.
form?.querySelector("input[name=body]")?.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    form.querySelector("[data-reply-field]").value = "";
    event.target.placeholder = event.target.dataset.placeholder;
  }
});

// A picture in a comment: uploaded (shrunk first) when chosen, sent with the comment by its id.
const imageInput = form?.querySelector("[data-comment-image]");
const preview = document.querySelector("[data-comment-preview]");
imageInput?.addEventListener("change", async () => {
  const file = imageInput.files?.[0];
  imageInput.value = "";
  if (!file) return;
  try {
    const uploaded = await api("POST", "/api/media", await resizeImage(file, 1600));
    form.querySelector("[data-comment-image-id]").value = uploaded.id;
    preview.querySelector("img").src = uploaded.url;
    preview.hidden = false;
  } catch (failure) {
    toast(failure.message);
  }
});
preview?.querySelector("[data-comment-image-clear]")?.addEventListener("click", () => {
  form.querySelector("[data-comment-image-id]").value = "";
  preview.hidden = true;
});
