// The API key: asked for once and kept for this browser session only (sessionStorage, never localStorage), sent as
// X-Api-Key on every call. A key the service refuses (401) is forgotten and asked for again.
const STORE = 'newsroom.apiKey';
let waiting = null; // the promise callers share while the key form is open

function form() {
  return document.getElementById('key-form');
}

function showForm(message) {
  const f = form();
  f.hidden = false;
  document.getElementById('key-message').textContent = message || '';
  document.getElementById('forget-key').hidden = true;
  document.getElementById('api-key').focus();
}

/** The key, asking for it when there is none yet. */
export function apiKey() {
  const key = sessionStorage.getItem(STORE);
  if (key) return Promise.resolve(key);
  if (!waiting) {
    waiting = new Promise((resolve) => {
      showForm('Enter your API key (kept for this browser session only).');
      form().addEventListener('submit', function submitted(event) {
        event.preventDefault();
        const value = document.getElementById('api-key').value.trim();
        if (!value) return;
        sessionStorage.setItem(STORE, value);
        document.getElementById('api-key').value = '';
        form().hidden = true;
        document.getElementById('forget-key').hidden = false;
        form().removeEventListener('submit', submitted);
        waiting = null;
        resolve(value);
      });
    });
  }
  return waiting;
}

/** fetch with the key; credentials (cookies) are never sent, so no other site can make calls in the user's name. */
export async function apiFetch(url, options = {}) {
  const key = await apiKey();
  const headers = new Headers(options.headers || {});
  headers.set('X-Api-Key', key);
  const response = await fetch(url, { ...options, headers, credentials: 'omit' });
  if (response.status === 401) {
    sessionStorage.removeItem(STORE);
    showForm('The service did not accept that key; enter another.');
  }
  return response;
}

/** Only http(s) links from article data: anything else (javascript:, data:) becomes no link at all. */
export function safeHref(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A token-carrying URL for a feed (feed readers cannot send the key): made on request, shown to copy. */
export async function feedUrl(feed) {
  const response = await apiFetch('/api/feed-tokens', {
    method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ feed }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body.url;
}

document.getElementById('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(STORE);
  location.reload();
});
if (sessionStorage.getItem(STORE)) document.getElementById('forget-key').hidden = false;
