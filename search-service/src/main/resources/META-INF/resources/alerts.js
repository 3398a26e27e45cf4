// Alerts panel: lists subscriptions and saves the current search (read from the URL, which app.js keeps in sync)
// as a new alert. Separate from app.js on purpose: the only hook is one <script> tag in index.html.
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
  const response = await fetch(url, {
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
        h('a', { href: `/feeds/alerts/${encodeURIComponent(a.id)}.atom`, textContent: 'Atom' }), ' ',
        h('a', { href: `/api/alerts/${encodeURIComponent(a.id)}/matches`, textContent: 'matches' }), ' ',
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
  const panel = h('section', { id: 'alerts', className: 'alerts', ariaLabel: 'Alerts' },
    h('h2', { textContent: 'Alerts' }), create, status, h('ul'));
  create.addEventListener('click', async () => {
    try {
      const body = currentSearch();
      const name = prompt('Name of the alert', body.name);
      if (name === null) return;
      body.name = name.trim() || body.name;
      await call('POST', '/api/alerts', body);
      status.textContent = `Alert “${body.name}” created.`;
    } catch (e) {
      status.textContent = `Could not create the alert: ${e.message}`;
    }
    render(panel);
  });
  (document.querySelector('footer') || document.body).before(panel);
  render(panel);
}

mount();
