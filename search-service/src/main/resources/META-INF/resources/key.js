// Who the page's calls are from: an API key, asked for once and kept for this browser session only (sessionStorage,
// never localStorage), sent as X-Api-Key; or, where the service signs people in through an identity provider
// (/sign-in.json says so), the sign-in session, whose cookie is SameSite=Strict and HttpOnly. A key the service
// refuses (401) is forgotten and asked for again; an ended session (401, or 499 for a script) offers sign-in again.
const STORE = 'newsroom.apiKey';
let waiting = null; // the promise callers share while the key form is open
let sessionEnded = false; // this page load found no live sign-in session: ask instead
const signIn = fetch('/sign-in.json', { credentials: 'omit' })
  .then((r) => (r.ok ? r.json() : {}))
  .catch(() => ({}));

function form() {
  return document.getElementById('key-form');
}

function showForm(message) {
  const f = form();
  f.hidden = false;
  document.getElementById('key-message').textContent = message || '';
  document.getElementById('forget-key').hidden = true;
  document.getElementById('sign-out').hidden = true;
  signIn.then((info) => {
    const link = document.getElementById('sign-in');
    link.hidden = !info.signIn;
    if (info.signIn) link.href = info.signIn;
  });
  document.getElementById('api-key').focus();
}

function askForKey(message) {
  if (!waiting) {
    waiting = new Promise((resolve) => {
      showForm(message);
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

/** The caller: {key} or {session: true}; asks for a key when there is neither. */
async function caller() {
  const key = sessionStorage.getItem(STORE);
  if (key) return { key };
  const info = await signIn;
  if (info.signIn && !sessionEnded) return { session: true };
  const offer = info.signIn ? 'Sign in, or enter your API key' : 'Enter your API key';
  return { key: await askForKey(`${offer} (kept for this browser session only).`) };
}

/** The API key, asking for it when there is none yet; null when the calls ride on the sign-in session. */
export async function apiKey() {
  return (await caller()).key || null;
}

/**
 * fetch as the caller. With a key no cookie is ever sent, so no other site can make calls in the user's name; with
 * the sign-in session the cookie is Strict, which no other site's request carries either.
 */
export async function apiFetch(url, options = {}) {
  const who = await caller();
  const headers = new Headers(options.headers || {});
  if (who.key) {
    headers.set('X-Api-Key', who.key);
    const response = await fetch(url, { ...options, headers, credentials: 'omit' });
    if (response.status === 401) {
      sessionStorage.removeItem(STORE);
      showForm('The service did not accept that key; enter another.');
    }
    return response;
  }
  headers.set('X-Requested-With', 'JavaScript'); // an ended session answers 499 instead of a redirect
  const response = await fetch(url, { ...options, headers, credentials: 'same-origin' });
  if (response.status === 401 || response.status === 499) {
    sessionEnded = true;
    return apiFetch(url, options); // now with a key, once one is given (or the user signs in and comes back)
  }
  document.getElementById('sign-out').hidden = false;
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
signIn.then((info) => {
  if (info.signOut) document.getElementById('sign-out').href = info.signOut;
});
