// Calls the JSON API from pages: sends the anti-forgery token the cookie session requires,
// and turns ProblemDetails into an error carrying its field messages.
const token = () => document.querySelector("meta[name=request-verification-token]")?.content ?? "";

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.errors = problem?.errors ?? {};
  }
}

export async function api(method, url, body) {
  const headers = { RequestVerificationToken: token(), Accept: "application/json" };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
  if (response.status === 401) {
    location.href = "/account/signin?returnUrl=" + encodeURIComponent(location.pathname + location.search);
    throw new ApiError({ detail: "" }, 401);
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
}

// A short message at the bottom of the screen; with an action ({ label, run }), a button that follows it up.
export function toast(message, action = null) {
  let box = document.querySelector("[data-toast]");
  if (!box) {
    box = document.createElement("div");
    box.className = "toast";
    box.dataset.toast = "";
    box.setAttribute("role", "status");
    document.body.append(box);
  }
  box.textContent = message;
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toast-action";
    button.dataset.testid = "toast-action";
    button.textContent = action.label;
    button.addEventListener("click", () => { box.classList.remove("show"); action.run(); });
    box.append(button);
  }
  box.classList.add("show");
  clearTimeout(box._timer);
  box._timer = setTimeout(() => box.classList.remove("show"), action ? 4000 : 2200);
}

// Uploads a file with progress (fetch cannot report upload progress): resolves with the JSON answer.
export function upload(url, blob, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("RequestVerificationToken", token());
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress?.(event.loaded / event.total);
    request.onload = () => {
      const data = request.responseText ? JSON.parse(request.responseText) : null;
      if (request.status >= 200 && request.status < 300) resolve(data);
      else reject(new ApiError(data, request.status));
    };
    request.onerror = () => reject(new ApiError(null, 0));
    request.send(blob);
  });
}
