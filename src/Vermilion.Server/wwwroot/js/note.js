// The note page: the picture carousel, replying to a comment, comment likes and more replies.
import { api } from "./api.js";

for (const carousel of document.querySelectorAll("[data-carousel]")) {
  const slides = carousel.querySelector(".slides");
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
    const page = await api("GET", `/api/comments/${more.dataset.moreReplies}/replies`);
    const holder = document.querySelector(`[data-replies="${more.dataset.moreReplies}"]`);
    holder.innerHTML = "";
    for (const r of page.items) {
      const row = document.createElement("div");
      row.className = "comment reply";
      const name = document.createElement("a");
      name.className = "comment-name";
      name.href = `/user/${r.author.publicId}`;
      name.textContent = r.author.nickname;
      const text = document.createElement("p");
      text.className = "comment-text";
      text.textContent = (r.replyTo ? `→ ${r.replyTo.nickname}：` : "") + r.body;
      const main = document.createElement("div");
      main.className = "comment-main";
      main.append(name, text);
      row.append(main);
      holder.append(row);
    }
    more.remove();
  }
});

// Pressing Escape drops the reply target.
form?.querySelector("input[name=body]")?.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    form.querySelector("[data-reply-field]").value = "";
    event.target.placeholder = event.target.dataset.placeholder;
  }
});
