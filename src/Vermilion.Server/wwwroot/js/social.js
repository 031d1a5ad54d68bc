// Like, collect, follow, block, share and "not interested", without reloading the page.
import { api, toast, ApiError } from "./api.js";

const signedIn = () => document.body.dataset.me !== undefined && document.body.dataset.me !== "";

function setLike(noteId, state) {
  for (const button of document.querySelectorAll(`[data-like="${noteId}"]`)) {
    button.classList.toggle("on", state.liked);
    button.setAttribute("aria-pressed", String(state.liked));
    button.querySelector(".heart").textContent = state.liked ? "♥" : "♡";
    button.querySelector("[data-like-count]").textContent = state.likeCount;
  }
}

async function toggleLike(noteId, forceOn = false) {
  if (!signedIn()) return api("POST", `/api/notes/${noteId}/like`);
  const button = document.querySelector(`[data-like="${noteId}"]`);
  const liked = button?.getAttribute("aria-pressed") === "true";
  if (forceOn && liked) return;
  setLike(noteId, await api(liked ? "DELETE" : "POST", `/api/notes/${noteId}/like`));
}

function setCollect(noteId, state) {
  for (const button of document.querySelectorAll(`[data-collect="${noteId}"]`)) {
    button.classList.toggle("on", state.collected);
    button.setAttribute("aria-pressed", String(state.collected));
    button.querySelector(".star").textContent = state.collected ? "★" : "☆";
    button.querySelector("[data-collect-count]").textContent = state.collectCount;
  }
}

async function openBoards(noteId) {
  const dialog = document.querySelector(`[data-board-dialog="${noteId}"]`);
  if (!dialog) return;
  const list = dialog.querySelector("[data-board-list]");
  const boards = await api("GET", `/api/users/${document.body.dataset.me}/boards`);
  list.innerHTML = "";
  for (const board of boards) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "board-pick";
    button.textContent = `${board.name} (${board.noteCount})`;
    button.addEventListener("click", async () => {
      setCollect(noteId, await api("POST", `/api/notes/${noteId}/collect`, { boardId: board.id }));
      dialog.close();
      toast(board.name);
    });
    item.append(button);
    list.append(item);
  }
  dialog.querySelector("[data-create-board]").onclick = async () => {
    const name = dialog.querySelector("[data-new-board]").value.trim();
    const isPrivate = dialog.querySelector("[data-new-board-private]").checked;
    try {
      setCollect(noteId, await api("POST", `/api/notes/${noteId}/collect`, { newBoardName: name, newBoardPrivate: isPrivate }));
      dialog.close();
      toast(name);
    } catch (error) {
      dialog.querySelector("[data-board-error]").textContent = error instanceof ApiError ? (Object.values(error.errors)[0]?.[0] ?? error.message) : "";
    }
  };
  dialog.showModal();
}

document.addEventListener("click", async (event) => {
  const like = event.target.closest("[data-like]");
  if (like) {
    event.preventDefault();
    await toggleLike(like.dataset.like);
    return;
  }

  const collect = event.target.closest("[data-collect]");
  if (collect) {
    event.preventDefault();
    const noteId = collect.dataset.collect;
    if (!signedIn()) return api("POST", `/api/notes/${noteId}/collect`);
    if (collect.getAttribute("aria-pressed") === "true") {
      setCollect(noteId, await api("DELETE", `/api/notes/${noteId}/collect`));
    } else {
      // Collected at once into the default board, as the reference app does; choosing a board is the follow-up.
      setCollect(noteId, await api("POST", `/api/notes/${noteId}/collect`));
      const canChoose = document.querySelector(`[data-board-dialog="${noteId}"]`) !== null;
      toast(collect.dataset.collectedLabel ?? "", canChoose ? { label: collect.dataset.chooseBoardLabel, run: () => openBoards(noteId) } : null);
    }
    return;
  }

  const follow = event.target.closest("[data-follow]");
  if (follow) {
    const following = follow.dataset.following === "true";
    try {
      await api(following ? "DELETE" : "POST", `/api/users/${follow.dataset.follow}/follow`);
      follow.dataset.following = String(!following);
      follow.textContent = following ? follow.dataset.labelFollow : follow.dataset.labelFollowing;
      follow.classList.toggle("btn-primary", following);
    } catch (error) {
      toast(error.message);
    }
    return;
  }

  const block = event.target.closest("[data-block]");
  if (block) {
    const blocked = block.dataset.blocked === "true";
    if (!blocked && !confirm(block.dataset.confirm)) return;
    await api(blocked ? "DELETE" : "POST", `/api/users/${block.dataset.block}/block`);
    location.reload();
    return;
  }

  const share = event.target.closest("[data-share]");
  if (share) {
    const url = new URL(share.dataset.share, location.origin).href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      window.prompt("", url);
    }
    toast(share.dataset.copied);
    return;
  }

  const notInterested = event.target.closest("[data-not-interested]");
  if (notInterested) {
    await api("POST", `/api/notes/${notInterested.dataset.notInterested}/not-interested`);
    toast(notInterested.dataset.done);
    return;
  }

  const remove = event.target.closest("[data-delete-note]");
  if (remove && confirm(remove.dataset.confirm)) {
    await api("DELETE", `/api/notes/${remove.dataset.deleteNote}`);
    location.href = `/user/${document.body.dataset.me}`;
  }
});

// Double-click a note's picture to like it, with a heart that blooms where it was clicked.
document.addEventListener("dblclick", async (event) => {
  const image = event.target.closest("[data-like-on-dblclick]");
  if (!image) return;
  const heart = image.closest("[data-carousel]")?.querySelector(".big-heart");
  if (heart) {
    heart.classList.remove("bloom");
    void heart.offsetWidth;
    heart.classList.add("bloom");
  }
  await toggleLike(image.dataset.likeOnDblclick, true);
});
