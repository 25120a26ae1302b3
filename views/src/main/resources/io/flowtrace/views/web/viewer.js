// flowtrace viewer: one camera's latest frame with its tracks drawn as trails, a click adds a
// point to track, and a chart of the camera's motion summaries. Plain script, no build step.
(function () {
  'use strict';
  const select = document.getElementById('camera');
  const view = document.getElementById('view');
  const chart = document.getElementById('chart');
  const state = document.getElementById('state');
  const message = document.getElementById('message');
  const list = document.getElementById('tracks');
  const count = document.getElementById('count');
  const summaryTable = document.querySelector('#summary tbody');
  const ctx = view.getContext('2d');

  let camera = null;
  let events = null;
  let frame = null;          // {sequence, width, height} of the original frame
  let picture = null;        // the frame's Image once loaded
  const tracks = new Map();  // id -> track

  // hues a golden angle apart, so neighbouring ids get colours far apart
  const colour = (id) => {
    let h = 0;
    for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return 'hsl(' + Math.round((h * 137.508) % 360) + ', 90%, 60%)';
  };

  async function cameras() {
    try {
      const r = await fetch('/api/cameras');
      if (!r.ok) throw new Error(r.status);
      const ids = await r.json();
      const known = new Set(Array.from(select.options).map(o => o.value));
      for (const id of ids) {
        if (!known.has(id)) select.add(new Option(id, id));
      }
      if (!camera && ids.length > 0) {
        select.value = ids[0];
        choose(ids[0]);
      }
      state.textContent = ids.length + ' camera' + (ids.length === 1 ? '' : 's');
    } catch (e) {
      state.textContent = 'service not ready';
    }
  }

  function choose(id) {
    if (events) events.close();
    camera = id || null;
    tracks.clear();
    frame = null;
    picture = null;
    draw();
    if (!camera) return;
    const base = '/api/cameras/' + encodeURIComponent(camera);
    events = new EventSource(base + '/events');
    events.addEventListener('track', (e) => {
      const t = JSON.parse(e.data);
      tracks.set(t.id, t);
      draw();
    });
    events.addEventListener('removed', (e) => {
      tracks.delete(JSON.parse(e.data).id);
      draw();
    });
    events.addEventListener('frame', (e) => {
      const info = JSON.parse(e.data);
      const image = new Image();
      image.onload = () => {
        frame = info;
        picture = image;
        if (view.width !== info.width || view.height !== info.height) {
          const scale = Math.max(0.5, Math.min(4, 640 / info.width));
          view.width = Math.round(info.width * scale) || 1;
          view.height = Math.round(info.height * scale) || 1;
        }
        draw();
      };
      image.src = base + '/frame?sequence=' + info.sequence;
    });
  }

  function draw() {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, view.width, view.height);
    if (picture) ctx.drawImage(picture, 0, 0, view.width, view.height);
    const sx = frame ? view.width / frame.width : 1;
    const sy = frame ? view.height / frame.height : 1;
    const ids = Array.from(tracks.keys()).sort();
    list.innerHTML = '';
    for (const id of ids) {
      const t = tracks.get(id);
      ctx.strokeStyle = colour(id);
      ctx.fillStyle = colour(id);
      ctx.lineWidth = 2;
      ctx.beginPath();
      t.trail.forEach((p, i) => {
        if (i === 0) ctx.moveTo(p.x * sx, p.y * sy); else ctx.lineTo(p.x * sx, p.y * sy);
      });
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(t.x * sx, t.y * sy, 5, 0, 2 * Math.PI);
      if (t.visible) ctx.fill(); else ctx.stroke();
      const li = document.createElement('li');
      li.textContent = id + '  (' + t.x.toFixed(1) + ', ' + t.y.toFixed(1) + ')  ' +
          t.status.toLowerCase() + '  #' + t.sequence;
      li.style.color = colour(id);
      list.appendChild(li);
    }
    count.textContent = ids.length ? '(' + ids.length + ')' : '';
  }

  view.addEventListener('click', async (e) => {
    if (!camera || !frame) {
      message.textContent = 'no frame yet to place a point on';
      return;
    }
    const box = view.getBoundingClientRect();
    const x = (e.clientX - box.left) * frame.width / box.width;
    const y = (e.clientY - box.top) * frame.height / box.height;
    const r = await fetch('/api/cameras/' + encodeURIComponent(camera) + '/queries', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({x: x, y: y})
    });
    const body = await r.json();
    message.textContent = r.ok
        ? 'tracking ' + body.queryId + ' from (' + x.toFixed(1) + ', ' + y.toFixed(1) + ')'
        : 'not added: ' + body.error;
  });

  async function summaries() {
    if (!camera) return;
    try {
      const from = Date.now() - 15 * 60 * 1000;
      const r = await fetch('/api/cameras/' + encodeURIComponent(camera) + '/summaries?from=' +
          from);
      if (!r.ok) return;
      plot(await r.json());
    } catch (e) {
      // the next round will try again
    }
  }

  function plot(windows) {
    const c = chart.getContext('2d');
    c.fillStyle = '#1f2228';
    c.fillRect(0, 0, chart.width, chart.height);
    const last = windows.slice(-30);
    summaryTable.innerHTML = '';
    if (last.length === 0) return;
    const top = Math.max(1, ...last.map(w => w.maxSpeed));
    const step = chart.width / Math.max(1, last.length);
    last.forEach((w, i) => {
      const h = (chart.height - 10) * w.meanSpeed / top;
      c.fillStyle = '#4fa3ff';
      c.fillRect(i * step + 1, chart.height - h, Math.max(1, step - 2), h);
      const m = (chart.height - 10) * w.maxSpeed / top;
      c.fillStyle = '#ffb04f';
      c.fillRect(i * step + 1, chart.height - m - 1, Math.max(1, step - 2), 2);
    });
    const w = last[last.length - 1];
    const rows = [
      ['active tracks', w.activeTracks],
      ['mean speed', w.meanSpeed.toFixed(1) + ' px/s'],
      ['max speed', w.maxSpeed.toFixed(1) + ' px/s'],
      ['occluded', (100 * w.occludedShare).toFixed(0) + ' %'],
      ['pairs tracked / skipped', w.trackedPairs + ' / ' + w.skippedPairs]
    ];
    for (const [k, v] of rows) {
      const tr = summaryTable.insertRow();
      tr.insertCell().textContent = k;
      tr.insertCell().textContent = v;
    }
  }

  select.addEventListener('change', () => choose(select.value));
  cameras();
  setInterval(cameras, 2000);
  setInterval(summaries, 1000);
})();
