// #topic and @person suggestions while typing in a text field (the publish form's body, a comment box).
import { api } from "./api.js";

export function attachSuggestions(field, list) {
  const currentToken = () => {
    const before = field.value.slice(0, field.selectionStart);
    const match = /([#@])([^\s#@]{0,30})$/.exec(before);
    return match ? { sign: match[1], word: match[2], start: before.length - match[0].length } : null;
  };
  const accept = (token, text) => {
    const end = field.selectionStart;
    field.value = field.value.slice(0, token.start) + token.sign + text + (token.sign === "#" ? "# " : " ") + field.value.slice(end);
    list.hidden = true;
    field.focus();
    field.dispatchEvent(new Event("input"));
  };
  let timer;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    const token = currentToken();
    if (!token) { list.hidden = true; return; }
    timer = setTimeout(async () => {
      const items = token.sign === "#"
        ? (await api("GET", `/api/suggest/topics?q=${encodeURIComponent(token.word)}`)).map((t) => ({ value: t.name, label: `#${t.name}`, note: t.noteCount }))
        : (await api("GET", `/api/suggest/people?q=${encodeURIComponent(token.word)}`)).map((p) => ({ value: p.username, label: `@${p.nickname}`, note: p.username }));
      if (currentToken()?.start !== token.start) return; // typed on meanwhile
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
  field.addEventListener("blur", () => setTimeout(() => (list.hidden = true), 150));
}
