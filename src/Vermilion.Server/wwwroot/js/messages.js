// Direct messages: send (optimistic bubble, then the stored message), receive live, read receipts, older pages,
// pictures. A message that could not be sent keeps its client id, so tapping it retries without doubling.
import { api, ApiError } from "./api.js";
import { live, sendMessage } from "./live.js";
import { resizeImage } from "./image-resize.js";

const chat = document.querySelector("[data-chat]");
if (chat) {
  const me = chat.dataset.me;
  const peer = chat.dataset.peer || null;
  const scroller = chat.querySelector("[data-chat-scroll]");
  const composer = chat.querySelector("[data-composer]");
  const error = chat.querySelector("[data-chat-error]");
  const waiting = chat.querySelector("[data-waiting]");
  const peerAvatar = chat.querySelector(".chat-head img")?.src;
  const toBottom = () => scroller && (scroller.scrollTop = scroller.scrollHeight);
  toBottom();

  const bubble = (message, state) => {
    const mine = message.senderId === me;
    const row = document.createElement("div");
    row.className = `bubble-row ${mine ? "mine" : "theirs"}`;
    if (message.id) row.dataset.message = message.id;
    if (message.clientId) row.dataset.clientId = message.clientId;
    if (!mine && peerAvatar) {
      const avatar = document.createElement("img");
      avatar.className = "avatar avatar-xs";
      avatar.src = peerAvatar;
      avatar.alt = "";
      row.append(avatar);
    }
    const box = document.createElement("div");
    box.className = "bubble";
    if (message.imageUrl) {
      const image = document.createElement("img");
      image.className = "bubble-image";
      image.src = message.imageUrl;
      image.alt = "";
      box.append(image);
    }
    if (message.body) {
      const text = document.createElement("span");
      text.className = "bubble-text";
      text.textContent = message.body;
      box.append(text);
    }
    row.append(box);
    if (mine) {
      const label = document.createElement("span");
      label.className = "bubble-state";
      label.dataset.state = "";
      label.textContent = state ?? chat.dataset.labelUnread;
      row.append(label);
    }
    return row;
  };

  const markLastMine = () => {
    const mine = [...scroller.querySelectorAll(".bubble-row.mine")];
    mine.forEach((row, i) => row.classList.toggle("last-mine", i === mine.length - 1));
  };

  const show = (message) => {
    if (!scroller) return;
    const existing = scroller.querySelector(`[data-message="${message.id}"]`) ??
      (message.clientId ? scroller.querySelector(`[data-client-id="${CSS.escape(message.clientId)}"]`) : null);
    const row = bubble(message);
    if (existing) existing.replaceWith(row);
    else scroller.append(row);
    markLastMine();
    toBottom();
  };

  const send = async (request, pending) => {
    error.textContent = "";
    pending.classList.remove("failed");
    pending.querySelector("[data-state]").textContent = "…";
    try {
      const stored = await sendMessage(peer, request);
      show(stored);
    } catch (failure) {
      pending.classList.add("failed");
      pending.querySelector("[data-state]").textContent = chat.dataset.labelFailed;
      pending.onclick = () => send(request, pending);
      error.textContent = failure instanceof ApiError ? (Object.values(failure.errors)[0]?.[0] ?? failure.message) : failure.message;
      if (failure instanceof ApiError && failure.status === 403 && waiting) waiting.hidden = false;
    }
  };

  const submit = (request) => {
    request.clientId = crypto.randomUUID();
    const pending = bubble({ ...request, senderId: me, imageUrl: request.previewUrl }, "…");
    delete request.previewUrl;
    scroller.append(pending);
    markLastMine();
    toBottom();
    return send(request, pending);
  };

  composer?.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = composer.querySelector("input[name=body]");
    const body = input.value.trim();
    if (!body) return;
    input.value = "";
    submit({ body });
  });

  chat.querySelector("[data-chat-image]")?.addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    try {
      const uploaded = await api("POST", "/api/media", await resizeImage(file, 1600));
      await submit({ imageId: uploaded.id, previewUrl: uploaded.url });
    } catch (failure) {
      error.textContent = failure instanceof ApiError ? (Object.values(failure.errors)[0]?.[0] ?? failure.message) : String(failure);
    }
  });

  // Older pages, kept in place so the reader does not lose their spot.
  scroller?.addEventListener("click", async (event) => {
    const older = event.target.closest("[data-older]");
    if (!older) return;
    const thread = await api("GET", `/api/messages/${peer}?before=${encodeURIComponent(older.dataset.older)}`);
    const height = scroller.scrollHeight;
    const rows = thread.messages.map((m) => bubble(m, chat.dataset.labelRead));
    older.after(...rows);
    if (thread.older) older.dataset.older = thread.older;
    else older.remove();
    scroller.scrollTop += scroller.scrollHeight - height;
  });

  // The conversation list is redrawn from the server whenever a message moves it: order, previews, unread.
  const list = chat.querySelector("[data-conversations]");
  const when = (at) => {
    const date = new Date(at);
    const sameDay = date.toDateString() === new Date().toDateString();
    return new Intl.DateTimeFormat(document.documentElement.lang, sameDay ? { hour: "2-digit", minute: "2-digit" } : { month: "2-digit", day: "2-digit" }).format(date);
  };
  const refreshList = async () => {
    const conversations = await api("GET", "/api/messages");
    list.replaceChildren(...conversations.map((c) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.className = "chat-item" + (c.peer.publicId === peer ? " active" : "");
      link.href = `/messages?to=${c.peer.publicId}`;
      link.dataset.conversation = c.peer.publicId;
      link.dataset.testid = "conversation";
      const avatar = Object.assign(document.createElement("img"), { className: "avatar avatar-sm", src: c.peer.avatarUrl, alt: "" });
      const main = document.createElement("span");
      main.className = "chat-item-main";
      const name = Object.assign(document.createElement("span"), { className: "chat-item-name", textContent: c.peer.nickname });
      const preview = Object.assign(document.createElement("span"), { className: "chat-item-preview", textContent: c.lastMessage?.body || chat.dataset.labelImage });
      main.append(name, preview);
      const side = document.createElement("span");
      side.className = "chat-item-side";
      const time = Object.assign(document.createElement("span"), { className: "muted small", textContent: when(c.lastMessageAt) });
      const unread = Object.assign(document.createElement("span"), { className: "nav-badge", textContent: String(c.unreadCount), hidden: c.unreadCount === 0 || c.peer.publicId === peer });
      side.append(time, unread);
      link.append(avatar, main, side);
      item.append(link);
      return item;
    }));
    chat.querySelector(".chat-empty")?.remove();
  };

  live.addEventListener("message", async ({ detail: message }) => {
    const other = message.senderId === me ? message.recipientId : message.senderId;
    if (other === peer) {
      show(message);
      if (message.senderId === peer) {
        if (waiting) waiting.hidden = true;
        await api("POST", `/api/messages/${peer}/read`);
      }
    }
    await refreshList();
  });

  live.addEventListener("read", ({ detail: receipt }) => {
    if (receipt.by !== peer || !scroller) return;
    for (const row of scroller.querySelectorAll(".bubble-row.mine[data-message]")) {
      if (idValue(row.dataset.message) <= idValue(receipt.upTo)) row.querySelector("[data-state]").textContent = chat.dataset.labelRead;
    }
  });

  // After a reconnect, anything missed while offline is on the server: reload the open thread.
  live.addEventListener("reconnected", () => peer && location.reload());
}

// Short ids are base-62 numbers: comparing their values orders messages without another round trip.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function idValue(id) {
  let value = 0n;
  for (const c of id) value = value * 62n + BigInt(alphabet.indexOf(c));
  return value;
}
