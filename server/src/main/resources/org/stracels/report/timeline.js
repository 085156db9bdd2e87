// The report's timeline: reads the data the server inlined (JSON, never code), draws it with uPlot (axes, cursor,
// drag-to-zoom) and, in uPlot's draw hook, the rows, spans, long calls, marks and links on its canvas. Everything
// from the trace goes into the page as textContent, never as HTML. What falls on one pixel is drawn once.
(function () {
  'use strict';
  var started = performance.now();
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;

  var KINDS = [
    { name: 'failed call', color: '#d62728', h: 0.8, w: 2 },
    { name: 'routine failure', color: 'rgba(214, 39, 40, 0.28)', h: 0.45, w: 1 },
    { name: 'signal', color: '#ff9800', h: 0.9, w: 3 },
    { name: 'killed', color: '#6a1b9a', h: 1, w: 5 },
    { name: 'non-zero exit', color: '#b71c1c', h: 1, w: 5 },
    { name: 'kill sent', color: '#8e44ad', h: 0.9, w: 3 },
    { name: 'exit 0', color: '#2e7d32', h: 0.6, w: 3 }
  ];
  var ROW_H = 22;
  var MAX_VISIBLE_ROWS = 24;
  var LABEL_W = 190;

  // ---- data by row ------------------------------------------------------------------------------------------
  var rows = D.rows;
  var n = rows.length;
  // x values come as integers (ns, or line numbers): back to seconds
  var unit = D.xUnit;
  if (unit !== 1) {
    rows.forEach(function (r) { r.x0 *= unit; r.x1 *= unit; });
    D.spans.forEach(function (s) { s[1] *= unit; s[2] *= unit; });
    D.marks.forEach(function (m) { m[1] *= unit; });
    D.calls.forEach(function (c) { c[1] *= unit; c[2] *= unit; });
    D.links.forEach(function (l) { l[2] *= unit; l[4] *= unit; });
  }
  function byRow(list, xIndex) {
    var out = [];
    for (var r = 0; r < n; r++) out.push([]);
    for (var i = 0; i < list.length; i++) {
      var item = list[i];
      if (item[0] >= 0 && item[0] < n) out[item[0]].push(item);
    }
    for (var k = 0; k < n; k++) out[k].sort(function (a, b) { return a[xIndex] - b[xIndex]; });
    return out;
  }
  var spansOf = byRow(D.spans, 1);
  var marksOf = byRow(D.marks, 1);
  var callsOf = byRow(D.calls, 1);
  var threadsOf = [];
  for (var r0 = 0; r0 < n; r0++) threadsOf.push([]);
  rows.forEach(function (row, i) { if (row.owner >= 0) threadsOf[row.owner].push(i); });
  var counts = KINDS.map(function () { return 0; });
  D.marks.forEach(function (m) { counts[m[3]]++; });

  var xMin = Infinity, xMax = -Infinity;
  rows.forEach(function (row) { if (row.first > 0) { xMin = Math.min(xMin, row.x0); xMax = Math.max(xMax, row.x1); } });
  D.calls.forEach(function (c) { xMax = Math.max(xMax, c[1] + c[2]); });
  if (!isFinite(xMin)) { xMin = 0; xMax = 1; }
  if (xMax <= xMin) xMax = xMin + (D.time ? 1e-3 : 1);
  var pad = (xMax - xMin) * 0.01;
  var fullMin = xMin - pad, fullMax = xMax + pad;

  // ---- display rows: processes, and their threads when unfolded ------------------------------------------------
  var expanded = {};
  var order = [];      // display row -> data row
  var displayOf = [];  // data row -> display row (a folded thread: its process's)
  function layout() {
    order = [];
    displayOf = new Array(n);
    for (var i = 0; i < n; i++) {
      if (rows[i].owner >= 0) continue;
      displayOf[i] = order.length;
      order.push(i);
      var ts = threadsOf[i];
      for (var k = 0; k < ts.length; k++) {
        if (expanded[i]) { displayOf[ts[k]] = order.length; order.push(ts[k]); } else displayOf[ts[k]] = displayOf[i];
      }
    }
  }
  layout();
  var scrollTop = 0;
  var selected = -1; // data row
  var focus = null;  // the item last clicked: {row, x0, x1}

  function visibleRows() { return Math.min(order.length, MAX_VISIBLE_ROWS); }
  function label(i) {
    var row = rows[i];
    var who = row.pid >= 0 ? (row.thread ? 'thread ' : '') + row.pid : (row.thread ? 'thread' : 'process');
    var prog = row.program ? ' ' + row.program.replace(/^.*\//, '') : '';
    var fold = threadsOf[i].length ? (expanded[i] ? '\u25be ' : '\u25b8 ') : '  ';
    return (row.thread ? '   ' : fold) + who + prog;
  }

  // ---- formatting ------------------------------------------------------------------------------------------
  function fmtSeconds(s) {
    var a = Math.abs(s);
    if (a >= 1 || a === 0) return +s.toFixed(3) + ' s';
    if (a >= 1e-3) return +(s * 1e3).toFixed(3) + ' ms';
    if (a >= 1e-6) return +(s * 1e6).toFixed(3) + ' \u00b5s';
    return +(s * 1e9).toFixed(0) + ' ns';
  }
  /** A tick's label, in the unit of the step between ticks, with as many decimals as the step needs. */
  function fmtTick(v, incr) {
    var units = [[1, 's'], [1e-3, 'ms'], [1e-6, '\u00b5s'], [1e-9, 'ns']];
    var u0 = units[units.length - 1];
    for (var i = 0; i < units.length; i++) if (incr >= units[i][0] * 0.999) { u0 = units[i]; break; }
    var step = incr / u0[0];
    var decimals = Math.max(0, Math.min(9, -Math.floor(Math.log10(step) + 1e-9)));
    return (v / u0[0]).toFixed(decimals) + ' ' + u0[1];
  }
  function fmtX(v) { return D.time ? fmtSeconds(v) : 'line ' + Math.round(v); }

  // ---- the chart --------------------------------------------------------------------------------------------
  var chartEl = document.getElementById('chart');
  var tooltip = document.getElementById('tooltip');
  var details = document.getElementById('details');
  function plotHeight() { return visibleRows() * ROW_H + 44; }

  var u = new uPlot({
    width: Math.max(400, chartEl.clientWidth - 2),
    height: plotHeight(),
    padding: [6, 14, 0, LABEL_W],
    legend: { show: false },
    cursor: { y: false, points: { show: false }, drag: { x: true, y: false, setScale: true } },
    scales: { x: { time: false, auto: false, min: fullMin, max: fullMax }, y: { auto: false, min: 0, max: 1 } },
    axes: [
      { stroke: '#888', grid: { stroke: 'rgba(128,128,128,0.15)', width: 1 }, ticks: { stroke: 'rgba(128,128,128,0.3)' },
        values: function (self, ticks, axis, space, incr) { return ticks.map(function (t) { return D.time ? fmtTick(t, incr) : String(Math.round(t)); }); } },
      { show: false }
    ],
    series: [{}, { show: false }],
    hooks: { draw: [draw], setScale: [function (self, key) { if (key === 'x') view = { min: self.scales.x.min, max: self.scales.x.max }; }] }
  }, [[fullMin, fullMax], [null, null]], chartEl);

  function draw(self) {
    var ctx = self.ctx;
    var dpr = window.devicePixelRatio || 1;
    var bb = self.bbox;
    var rh = ROW_H * dpr;
    var min = self.scales.x.min, max = self.scales.x.max;
    var scale = bb.width / (max - min);
    function px(v) { return bb.left + (v - min) * scale; }
    ctx.save();
    ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    var textColor = getComputedStyle(document.body).color;
    var vis = visibleRows();
    for (var d = 0; d < vis; d++) {
      var di = scrollTop + d;
      if (di >= order.length) break;
      var data = order[di];
      var y = bb.top + d * rh;
      if (d % 2 === 1) { ctx.fillStyle = 'rgba(128,128,128,0.06)'; ctx.fillRect(0, y, bb.left + bb.width, rh); }
      if (data === selected || rows[selected] && rows[selected].owner === data && !expanded[data]) {
        ctx.fillStyle = 'rgba(255, 200, 0, 0.28)'; ctx.fillRect(0, y, bb.left + bb.width, rh);
      }
      // the row's name, left of the plot
      ctx.save();
      ctx.beginPath(); ctx.rect(0, y, bb.left - 6 * dpr, rh); ctx.clip();
      ctx.fillStyle = rows[data].failed ? '#c62828' : textColor;
      ctx.fillText(label(data), 4 * dpr, y + rh / 2);
      ctx.restore();
      ctx.save();
      ctx.beginPath(); ctx.rect(bb.left, y, bb.width, rh); ctx.clip();
      var members = [data].concat(expanded[data] ? [] : threadsOf[data]);
      for (var m = 0; m < members.length; m++) drawRow(ctx, members[m], y, rh, px, min, max, dpr, m > 0);
      ctx.restore();
    }
    drawLinks(ctx, bb, rh, px, dpr);
    ctx.restore();
  }

  function first(list, xIndex, v) { // first index whose x >= v (the lists are sorted by x)
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid][xIndex] < v) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function drawRow(ctx, data, y, rh, px, min, max, dpr, folded) {
    // spans: one per execve segment
    var spans = spansOf[data];
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i];
      if (s[2] < min || s[1] > max) continue;
      var a = Math.max(px(s[1]), px(min)), b = Math.min(px(s[2]), px(max));
      var w = Math.max(b - a, 1.5 * dpr);
      ctx.fillStyle = folded ? 'rgba(100, 140, 200, 0.25)' : colorOf(s[4]);
      ctx.fillRect(a, y + rh * 0.2, w, rh * 0.6);
      if (!folded && w > 40 * dpr) {
        ctx.fillStyle = '#fff';
        var text = s[4].replace(/^.*\//, '');
        ctx.fillText(text, a + 4 * dpr, y + rh / 2, w - 8 * dpr);
      }
    }
    // long calls (-T): bars under the span, merged where they meet on one pixel
    var calls = callsOf[data];
    ctx.fillStyle = 'rgba(20, 20, 20, 0.55)';
    var lastEnd = -Infinity;
    for (var c = Math.max(0, first(calls, 1, min) - 64); c < calls.length; c++) {
      var call = calls[c];
      if (call[1] > max) break;
      if (call[1] + call[2] < min) continue;
      var ca = px(call[1]), cb = Math.max(px(call[1] + call[2]), ca + dpr);
      if (cb <= lastEnd) continue;
      ca = Math.max(ca, lastEnd);
      ctx.fillRect(ca, y + rh * 0.62, cb - ca, rh * 0.18);
      lastEnd = cb;
    }
    // marks: at most one per pixel and kind
    var marks = marksOf[data];
    var last = [-1, -1, -1, -1, -1, -1, -1];
    for (var k = first(marks, 1, min); k < marks.length; k++) {
      var mk = marks[k];
      if (mk[1] > max) break;
      var kind = KINDS[mk[3]];
      var x = Math.round(px(mk[1]));
      if (x === last[mk[3]]) continue;
      last[mk[3]] = x;
      ctx.fillStyle = kind.color;
      var h = rh * kind.h;
      ctx.fillRect(x - kind.w * dpr / 2, y + (rh - h) / 2, kind.w * dpr, h);
    }
  }

  function drawLinks(ctx, bb, rh, px, dpr) {
    var vis = visibleRows();
    function yOf(data) {
      var d = displayOf[data] - scrollTop;
      return d >= 0 && d < vis ? bb.top + d * rh + rh / 2 : null;
    }
    ctx.save();
    ctx.beginPath(); ctx.rect(bb.left, bb.top, bb.width, vis * rh); ctx.clip();
    ctx.lineWidth = dpr;
    for (var i = 0; i < D.links.length; i++) {
      var l = D.links[i];
      var y1 = yOf(l[1]), y2 = yOf(l[3]);
      if (y1 === null && y2 === null || displayOf[l[1]] === displayOf[l[3]]) continue;
      var x1 = px(l[2]), x2 = px(l[4]);
      if (Math.max(x1, x2) < bb.left || Math.min(x1, x2) > bb.left + bb.width) continue;
      if (y1 === null) y1 = displayOf[l[1]] < scrollTop ? bb.top : bb.top + vis * rh;
      if (y2 === null) y2 = displayOf[l[3]] < scrollTop ? bb.top : bb.top + vis * rh;
      ctx.strokeStyle = l[0] === 0 ? 'rgba(33, 150, 243, 0.8)' : 'rgba(46, 125, 50, 0.8)';
      ctx.setLineDash(l[0] === 0 ? [] : [4 * dpr, 3 * dpr]);
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
      ctx.beginPath(); ctx.arc(x2, y2, 2.5 * dpr, 0, 2 * Math.PI); ctx.fillStyle = ctx.strokeStyle; ctx.fill();
    }
    ctx.restore();
  }

  var palette = ['#4e79a7', '#59a14f', '#9c755f', '#f28e2b', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#bab0ac', '#e15759'];
  var colors = {};
  function colorOf(program) {
    if (!(program in colors)) colors[program] = palette[Object.keys(colors).length % palette.length];
    return colors[program];
  }

  // ---- finding what is under the pointer ---------------------------------------------------------------------------
  function hit(cssX, cssY) {
    var d = Math.floor(cssY / ROW_H);
    if (d < 0 || d >= visibleRows() || scrollTop + d >= order.length) return null;
    var data = order[scrollTop + d];
    if (cssX < 0) return { type: 'row', row: data };
    var v = u.posToVal(cssX, 'x');
    var tol = 4 * (u.scales.x.max - u.scales.x.min) / u.over.clientWidth;
    var members = [data].concat(expanded[data] ? [] : threadsOf[data]);
    var best = null, bestDist = Infinity;
    members.forEach(function (m) {
      var marks = marksOf[m];
      for (var k = first(marks, 1, v - tol); k < marks.length && marks[k][1] <= v + tol; k++) {
        var dist = Math.abs(marks[k][1] - v) - (marks[k][3] === 1 ? 0 : tol / 2); // routine ones last
        if (dist < bestDist) { bestDist = dist; best = { type: 'mark', row: m, item: marks[k] }; }
      }
    });
    if (best) return best;
    for (var i = 0; i < members.length; i++) {
      var calls = callsOf[members[i]];
      for (var c = Math.max(0, first(calls, 1, v) - 1); c >= 0 && c < calls.length; c--) {
        if (calls[c][1] <= v + tol && calls[c][1] + calls[c][2] >= v - tol) return { type: 'call', row: members[i], item: calls[c] };
        if (calls[c][1] + calls[c][2] < v - tol * 100) break;
      }
    }
    for (var j = 0; j < members.length; j++) {
      var spans = spansOf[members[j]];
      for (var s = 0; s < spans.length; s++) {
        if (spans[s][1] - tol <= v && spans[s][2] + tol >= v) return { type: 'span', row: members[j], item: spans[s] };
      }
    }
    return { type: 'row', row: data };
  }

  function who(row) {
    var r = rows[row];
    return (r.pid >= 0 ? (r.thread ? 'thread ' : 'pid ') + r.pid : (r.thread ? 'thread' : 'the process'))
      + (r.program ? ' (' + r.program + ')' : '');
  }

  /** What a hit says, as lines of text: [title, line number, text...]. */
  function describe(h) {
    var row = rows[h.row];
    var out = { title: '', line: 0, lines: [] };
    if (h.type === 'mark') {
      var m = h.item, kind = KINDS[m[3]];
      out.line = m[2];
      var name = m[4] >= 0 ? D.names[m[4]] : '';
      out.title = kind.name + (name ? ': ' + name : '') + (m[5] >= 0 ? ' ' + D.errnos[m[5]] : '');
      if (m[3] === 4 || m[3] === 6) out.title = row.ending;
      out.lines.push(who(h.row) + ' at ' + fmtX(m[1]));
      if (m[6]) out.lines.push('routine: ' + m[6]);
      if (D.causes[m[2]]) out.lines.push(D.causes[m[2]]);
    } else if (h.type === 'call') {
      var c = h.item;
      out.line = c[3];
      out.title = D.names[c[4]] + ' took ' + fmtSeconds(c[2]);
      out.lines.push(who(h.row) + ', from ' + fmtX(c[1]));
    } else if (h.type === 'span') {
      var s = h.item;
      out.line = s[3];
      out.title = s[4];
      if (s[5]) out.lines.push(s[5]);
      out.lines.push(who(h.row) + ', ' + fmtX(s[1]) + ' \u2013 ' + fmtX(s[2]) + (D.time ? ' (' + fmtSeconds(s[2] - s[1]) + ')' : ''));
    } else {
      out.line = row.first;
      out.title = who(h.row);
      out.lines.push('lines ' + row.first + '\u2013' + row.last + ', ' + row.ending);
      if (threadsOf[h.row].length) out.lines.push(threadsOf[h.row].length + ' threads (click the name to ' + (expanded[h.row] ? 'fold' : 'unfold') + ' them)');
    }
    return out;
  }

  function showDetails(h) {
    var info = describe(h);
    details.textContent = '';
    var title = document.createElement('h3');
    title.textContent = info.title;
    details.appendChild(title);
    var where = document.createElement('p');
    var link = document.createElement('a');
    link.className = 'line';
    link.href = '#L' + info.line;
    link.dataset.line = String(info.line);
    link.textContent = 'line ' + info.line;
    where.appendChild(link);
    details.appendChild(where);
    info.lines.forEach(function (t) {
      var p = document.createElement('p');
      p.textContent = t;
      details.appendChild(p);
    });
    selected = h.row;
    markTree(h.row);
    u.redraw(false);
    if (vscode && info.line > 0) vscode.postMessage({ type: 'reveal', line: info.line });
  }

  // ---- pointer, wheel and keys --------------------------------------------------------------------------------
  var down = null;
  u.root.addEventListener('mousedown', function (e) { down = { x: e.clientX, y: e.clientY }; });
  u.root.addEventListener('mouseup', function (e) {
    if (!down || Math.abs(e.clientX - down.x) > 3 || Math.abs(e.clientY - down.y) > 3) { down = null; return; }
    down = null;
    var o = u.over.getBoundingClientRect();
    var h = hit(e.clientX - o.left, e.clientY - o.top);
    if (!h) return;
    if (e.clientX < o.left && h.type === 'row' && threadsOf[h.row].length) {
      expanded[h.row] = !expanded[h.row];
      relayout();
    }
    showDetails(h);
  });
  u.root.addEventListener('mousemove', function (e) {
    var o = u.over.getBoundingClientRect();
    var h = hit(e.clientX - o.left, e.clientY - o.top);
    if (!h || h.type === 'row' && e.clientX >= o.left) { tooltip.hidden = true; return; }
    var info = describe(h);
    tooltip.textContent = info.title + '\n' + 'line ' + info.line + '\n' + info.lines.join('\n');
    tooltip.hidden = false;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    var left = e.clientX + 14 + w > window.innerWidth - 4 ? e.clientX - 14 - w : e.clientX + 14;
    var top = e.clientY + 14 + h > window.innerHeight - 4 ? e.clientY - 14 - h : e.clientY + 14;
    tooltip.style.left = Math.max(4, left) + 'px';
    tooltip.style.top = Math.max(4, top) + 'px';
  });
  u.root.addEventListener('mouseleave', function () { tooltip.hidden = true; });
  u.root.addEventListener('dblclick', function () { zoomTo(fullMin, fullMax); });

  var view = { min: fullMin, max: fullMax }; // the x range last asked for
  function setView(min, max) {
    view = { min: min, max: max };
    u.setScale('x', { min: min, max: max });
  }
  function zoomTo(min, max) {
    var span = Math.max(max - min, D.time ? 1e-7 : 2);
    var mid = (min + max) / 2;
    setView(mid - span / 2, mid + span / 2);
  }
  function zoom(factor, at) {
    var min = view.min, max = view.max;
    if (at === undefined) at = (min + max) / 2;
    zoomTo(at - (at - min) * factor, at + (max - at) * factor);
  }
  function pan(fraction) {
    var min = view.min, max = view.max, d = (max - min) * fraction;
    setView(min + d, max + d);
  }
  function scrollRows(delta) {
    var top = Math.max(0, Math.min(order.length - visibleRows(), scrollTop + delta));
    if (top === scrollTop) return false;
    scrollTop = top;
    u.redraw(false);
    return true;
  }
  u.root.addEventListener('wheel', function (e) {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      var o = u.over.getBoundingClientRect();
      zoom(e.deltaY > 0 ? 1.25 : 0.8, u.posToVal(e.clientX - o.left, 'x'));
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      pan((e.shiftKey ? e.deltaY : e.deltaX) > 0 ? 0.1 : -0.1);
    } else if (scrollRows(e.deltaY > 0 ? 3 : -3)) {
      e.preventDefault();
    }
  }, { passive: false });
  chartEl.addEventListener('keydown', function (e) {
    var keys = { '+': function () { zoom(0.8); }, '=': function () { zoom(0.8); }, '-': function () { zoom(1.25); },
      ArrowLeft: function () { pan(-0.1); }, ArrowRight: function () { pan(0.1); },
      ArrowUp: function () { scrollRows(-1); }, ArrowDown: function () { scrollRows(1); }, '0': function () { zoomTo(fullMin, fullMax); } };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(0.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(2); });
  document.getElementById('reset').addEventListener('click', function () { zoomTo(fullMin, fullMax); scrollTop = 0; u.redraw(false); });
  var expandButton = document.getElementById('expand');
  expandButton.addEventListener('click', function () {
    var all = !Object.keys(expanded).some(function (k) { return expanded[k]; });
    for (var i = 0; i < n; i++) if (threadsOf[i].length) expanded[i] = all;
    expandButton.textContent = all ? 'Fold threads' : 'Expand threads';
    relayout();
  });
  if (!rows.some(function (r) { return r.thread; })) expandButton.hidden = true;

  function relayout() {
    layout();
    scrollTop = Math.max(0, Math.min(scrollTop, order.length - visibleRows()));
    u.setSize({ width: u.width, height: plotHeight() });
    u.redraw(false);
  }
  window.addEventListener('resize', function () { u.setSize({ width: Math.max(400, chartEl.clientWidth - 2), height: plotHeight() }); });

  // ---- line references elsewhere in the page, and the editor ----------------------------------------------------------
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a.line') : null;
    if (!a) return;
    e.preventDefault();
    var line = parseInt(a.dataset.line, 10);
    if (vscode) vscode.postMessage({ type: 'reveal', line: line });
    highlightLine(line, null);
  });
  function markTree(row) {
    var old = document.querySelectorAll('.tree li.selected');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('selected');
    var r = rows[row];
    var owner = r && r.owner >= 0 ? r.owner : row;
    var li = document.querySelector('.tree li[data-row="' + owner + '"]');
    if (li) li.classList.add('selected');
  }
  /** The row of a line: from the pid in its text when the trace has a pid column, else the row whose lines hold it. */
  function rowOfLine(line, text) {
    var pid = -1;
    if (text && D.pidForm !== 'NONE') {
      var m = /^\s*(?:\[pid\s+(\d+)\]|(\d+)[\s<])/.exec(text);
      if (m) pid = parseInt(m[1] || m[2], 10);
    }
    var found = -1;
    for (var i = 0; i < n; i++) {
      var r = rows[i];
      if (pid >= 0 && r.pid !== pid) continue;
      if (r.first <= line && line <= r.last) { found = i; if (!r.thread || pid >= 0) break; }
    }
    if (found < 0 && pid < 0 && n === 1) found = 0;
    return found;
  }
  function highlightLine(line, text) {
    var row = rowOfLine(line, text);
    if (row < 0) return -1;
    selected = row;
    var d = displayOf[row];
    if (d < scrollTop || d >= scrollTop + visibleRows()) scrollTop = Math.max(0, Math.min(d, order.length - visibleRows()));
    markTree(row);
    u.redraw(false);
    return row;
  }
  window.addEventListener('message', function (e) {
    var msg = e.data;
    if (msg && msg.type === 'cursor' && typeof msg.line === 'number') highlightLine(msg.line, typeof msg.text === 'string' ? msg.text : null);
  });

  // ---- legend, summary, and a handle for tests -----------------------------------------------------------------------
  var legend = document.getElementById('legend');
  KINDS.forEach(function (k, i) {
    if (!counts[i]) return;
    var s = document.createElement('span');
    var sw = document.createElement('i');
    sw.style.background = k.color;
    s.appendChild(sw);
    s.appendChild(document.createTextNode(k.name + ' ' + counts[i]));
    legend.appendChild(s);
  });
  var processes = rows.filter(function (r) { return !r.thread; }).length;
  document.getElementById('summary').textContent = processes + (processes === 1 ? ' process' : ' processes')
    + (n > processes ? ', ' + (n - processes) + ' threads' : '')
    + (D.marksDropped ? ' \u00b7 ' + D.marksDropped + ' more marks not drawn' : '');

  window.straceReport = {
    rows: function () { return order.length; },
    processes: processes,
    threads: n - processes,
    marks: function () { var o = {}; KINDS.forEach(function (k, i) { o[k.name] = counts[i]; }); return o; },
    links: function () { return { clone: D.links.filter(function (l) { return l[0] === 0; }).length, wait: D.links.filter(function (l) { return l[0] === 1; }).length }; },
    time: D.time,
    zoom: zoom,
    pan: pan,
    reset: function () { zoomTo(fullMin, fullMax); },
    highlightLine: highlightLine,
    selectedRow: function () { return selected; },
    /**
     * Where on the page (CSS px) the mark, call or span of a line is drawn; null when not drawn. With {@code zoomIn},
     * first zooms to a narrow window around it, so that no neighbour shares its pixel.
     */
    locate: function (line, zoomIn) {
      var found = null;
      [[marksOf, 2, 1], [callsOf, 3, 1], [spansOf, 3, 1]].some(function (t) {
        for (var r = 0; r < n && !found; r++) {
          var list = t[0][r];
          for (var i = 0; i < list.length; i++) if (list[i][t[1]] === line) { found = { row: r, x: list[i][t[2]] }; break; }
        }
        return found;
      });
      if (!found) return null;
      if (zoomIn) { var w = D.time ? Math.max((fullMax - fullMin) / 5000, 1e-7) : 4; zoomTo(found.x - w, found.x + w); }
      else if (found.x < u.scales.x.min || found.x > u.scales.x.max) zoomTo(fullMin, fullMax);
      var d = displayOf[found.row];
      if (d < scrollTop || d >= scrollTop + visibleRows()) { scrollTop = Math.max(0, Math.min(d, order.length - visibleRows())); u.redraw(false); }
      var o = u.over.getBoundingClientRect();
      // uPlot applies a new scale in a microtask: place it in the range just asked for
      return { x: o.left + (found.x - view.min) / (view.max - view.min) * o.width, y: o.top + (d - scrollTop + 0.5) * ROW_H };
    },
    ready: true,
    /** ms from the start of navigation to the script's start, and to the first drawing's end (the page's clock) */
    timing: { scriptStart: started, drawn: performance.now() }
  };
})();
