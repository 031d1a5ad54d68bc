// The notification page: opening a tab marks it read (the badge updates live); new ones while it is open reload it.
import { api } from "./api.js";
import { live } from "./live.js";

const page = document.querySelector("[data-notifications]");
if (page) {
  const tab = page.dataset.notifications;
  api("POST", `/api/notifications/read?category=${tab}`).catch(() => {});
  let shown = null;
  live.addEventListener("counts", ({ detail: counts }) => {
    const here = counts[tab];
    if (shown !== null && here > 0 && here !== shown) location.reload();
    shown = here;
  });
}
