// The live channel (/hubs/me): badge counts, direct messages and read receipts pushed by the server.
// Pages listen on `live` for "counts", "message" and "read"; sending a message goes through the hub when
// it is connected and through the HTTP API otherwise, with the same client id so a retry is never doubled.
import { api } from "./api.js";

export const live = new EventTarget();
let connection = null;

const signedIn = () => !!document.body.dataset.me;

export function setBadges(counts) {
  const values = { notifications: counts.notifications, messages: counts.messages };
  for (const badge of document.querySelectorAll("[data-badge]")) {
    const n = values[badge.dataset.badge] ?? 0;
    badge.textContent = n > 99 ? "99+" : String(n);
    badge.hidden = n === 0;
  }
}

export async function sendMessage(to, request) {
  if (connection?.state === "Connected") {
    try {
      return await connection.invoke("SendMessage", to, request);
    } catch (error) {
      // A refusal (blocked, waiting for a reply) is final; a dropped connection falls back to HTTP below.
      if (connection.state === "Connected") throw new Error(error.message.replace(/^.*HubException: /, ""));
    }
  }
  return api("POST", `/api/messages/${to}`, request);
}

async function refreshCounts() {
  try {
    const counts = await api("GET", "/api/notifications/unread");
    setBadges(counts);
    live.dispatchEvent(new CustomEvent("counts", { detail: counts }));
  } catch {
    // Badges are a convenience; the pages themselves always show the truth.
  }
}

async function connect() {
  connection = new window.signalR.HubConnectionBuilder()
    .withUrl("/hubs/me")
    .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
    .configureLogging(window.signalR.LogLevel.Warning)
    .build();
  connection.on("counts", (counts) => {
    setBadges(counts);
    live.dispatchEvent(new CustomEvent("counts", { detail: counts }));
  });
  connection.on("message", (message) => live.dispatchEvent(new CustomEvent("message", { detail: message })));
  connection.on("read", (receipt) => live.dispatchEvent(new CustomEvent("read", { detail: receipt })));
  connection.onreconnected(() => {
    refreshCounts();
    live.dispatchEvent(new Event("reconnected"));
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      document.body.dataset.live = "connected";
      live.dispatchEvent(new Event("connected"));
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** attempt)));
    }
  }
}

if (signedIn()) {
  refreshCounts();
  // The client library is a classic script loaded with `defer`; it is ready once the document is parsed.
  const start = () => window.signalR && connect();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
