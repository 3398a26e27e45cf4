// Alerts panel: lists the caller's subscriptions, saves the current search (read from the URL, which app.js keeps in
// sync) as a new alert, and shows new matches live. Separate from app.js on purpose: the only hook is one <script>
// tag in index.html.
import { apiFetch, apiKey, feedUrl, safeHref } from './key.js';

const h = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  children.forEach((c) => node.append(c));
  return node;
};

function currentSearch() {
  const p = new URLSearchParams(location.search);
  const body = { name: '', entity: p.getAll('entity'), type: p.getAll('type'), source: p.getAll('source') };
  if (p.get('q')) body.q = p.get('q');
  body.name = [body.q, ...body.entity, ...body.type, ...body.source].filter(Boolean).join(' · ') || 'everything';
  return body;
}

async function call(method, url, body) {
  const response = await apiFetch(url, {
    method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((json.error || `HTTP ${response.status}`) + (json.details ? `: ${json.details.join('; ')}` : ''));
  return json;
}

function describe(a) {
  return [a.q && `“${a.q}”`, ...a.entity, ...a.type, ...a.source].filter(Boolean).join(', ') || 'all articles';
}

async function render(panel) {
  const list = panel.querySelector('ul');
  const status = panel.querySelector('[role=status]');
  list.replaceChildren();
  try {
    const alerts = await call('GET', '/api/alerts');
    status.textContent = alerts.length ? '' : 'No alerts yet.';
    for (const a of alerts) {
      list.append(h('li', { className: 'alert-item' },
        h('strong', { textContent: a.name }), ' ', h('span', { textContent: describe(a) }), ' ',
        a.per === 'story' ? h('span', { className: 'per', textContent: '· once per story ' }) : '',
        h('button', { type: 'button', className: 'feed', textContent: 'Atom feed URL', onclick: async () => {
          try {
            prompt('Feed URL for your feed reader (it carries a token for this feed only)',
              await feedUrl(`/feeds/alerts/${encodeURIComponent(a.id)}.atom`));
          } catch (e) { status.textContent = `Could not make a feed URL: ${e.message}`; }
        } }), ' ',
        h('button', { type: 'button', textContent: 'Delete', onclick: async () => {
          await call('DELETE', `/api/alerts/${encodeURIComponent(a.id)}`); render(panel);
        } })));
    }
  } catch (e) {
    status.textContent = `Alerts unavailable: ${e.message}`;
  }
}

function mount() {
  const status = h('p', { role: 'status' });
  const create = h('button', { type: 'button', id: 'create-alert', textContent: 'Create alert from this search' });
  // per story: the alert fires for the first matching article of each story, not for every article
  const perStory = h('input', { type: 'checkbox', id: 'alert-per-story' });
  const panel = h('section', { id: 'alerts', className: 'alerts', ariaLabel: 'Alerts' },
    h('h2', { textContent: 'Alerts' }), create, ' ', h('label', {}, perStory, ' once per story'), status, h('ul'),
    h('h3', { textContent: 'New matches' }), h('ul', { id: 'live-matches', className: 'live' }));
  create.addEventListener('click', async () => {
    try {
      const body = currentSearch();
      const name = prompt('Name of the alert', body.name);
      if (name === null) return;
      body.name = name.trim() || body.name;
      body.per = perStory.checked ? 'story' : 'article';
      await call('POST', '/api/alerts', body);
      status.textContent = `Alert “${body.name}” created.`;
    } catch (e) {
      status.textContent = `Could not create the alert: ${e.message}`;
    }
    render(panel);
  });
  (document.querySelector('footer') || document.body).before(panel);
  render(panel);
  live(panel.querySelector('#live-matches'));
}

/**
 * New matches of the caller's subscriptions, from the server-sent-event stream read through fetch (EventSource
 * cannot send the key); reconnects after a pause when the stream ends.
 */
async function live(list) {
  for (;;) {
    try {
      await apiKey();
      const response = await apiFetch('/api/alerts/stream', { headers: { Accept: 'text/event-stream' } });
      if (response.ok && response.body) {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
            if (data) show(list, JSON.parse(data));
          }
        }
      }
    } catch (e) {
      // network error or unreadable event: try again below
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

function show(list, match) {
  const href = safeHref(match.url);
  const title = match.title || match.articleId;
  list.prepend(h('li', { className: 'live-match' },
    href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', textContent: title }) : h('span', { textContent: title })));
  while (list.children.length > 50) list.lastChild.remove();
}

mount();
