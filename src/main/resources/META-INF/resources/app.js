'use strict';
// Fanout's web page: the plan list with an "add a plan" box at /, one plan at /?plan={id}. Plain JS and SVG,
// talking to the same REST API as every other client. progress.js adds progress updates and versions to the plan's view.

const $ = (selector) => document.querySelector(selector);
const SVG = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** Where the API key typed into the key dialog is kept: this tab's session, never longer. */
const KEY_STORAGE = 'fanout.apiKey';

/** The request's headers, with the API key when one was given. */
function withKey(headers = {}) {
  const all = new Headers(headers);
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) all.set('Authorization', 'Bearer ' + key);
  return all;
}

/**
 * A call of the API. A 401 (the service has API keys and this tab none, or a refused one) asks for a key and sends
 * the call again with it; a 403 (the key's role may not make this change) is shown at the top of the page.
 */
async function api(path, options = {}) {
  for (;;) {
    const sent = sessionStorage.getItem(KEY_STORAGE);
    const response = await fetch(path, { ...options, headers: withKey(options.headers) });
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : await response.text();
    if (response.status === 401 && await askForKey(sent)) continue;
    if (response.status === 401 || response.status === 403) showNotice(body); // no key given, or a read key's change
    return { ok: response.ok, status: response.status, body, headers: response.headers };
  }
}

let askingForKey = null;

/**
 * Asks for an API key in a dialog, once for all the calls refused together. True when a key was given (kept for the
 * session), false when the dialog was cancelled. {@code refused}: the key the refused call sent, if any.
 */
function askForKey(refused) {
  const current = sessionStorage.getItem(KEY_STORAGE);
  if (current && current !== refused) return Promise.resolve(true); // another call's dialog got a newer key
  if (refused) sessionStorage.removeItem(KEY_STORAGE);
  if (!askingForKey) {
    askingForKey = new Promise((resolve) => {
      const dialog = $('#key-dialog');
      $('#key-message').textContent = refused
        ? 'The service refused that key. Type a key it knows.'
        : 'This service needs an API key for its plans.';
      $('#api-key').value = '';
      dialog.addEventListener('close', () => {
        askingForKey = null;
        const key = dialog.returnValue === 'use' ? $('#api-key').value.trim() : '';
        if (key) sessionStorage.setItem(KEY_STORAGE, key);
        $('#forget-key').hidden = !key;
        resolve(Boolean(key));
      }, { once: true });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }
  return askingForKey;
}

/** A refusal that belongs to no form (a 403), at the top of the page until the next one. */
function showNotice(problem) {
  const notice = $('#notice');
  clear(notice);
  const detail = typeof problem === 'object' ? problem.detail : String(problem);
  notice.append(el('strong', {}, (problem && problem.title) || 'Refused'), ': ', detail || '');
  notice.hidden = false;
}

/** Up to two decimals, no trailing zeros: 49, 6.5, 40.91. */
function fmt(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(Math.round(value * 100) / 100);
}

/** A figure with its time unit, singular for exactly 1: "1 day", "0.5 days". */
function amount(value, unit) {
  const figure = fmt(value);
  return `${figure} ${(figure === '1' || figure === '-1') && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}

/** A share as the page writes percentages: 0.71 → "71 %"; a dash when there is none. */
function share(fraction) {
  return fraction === null || fraction === undefined ? '—' : `${fmt(fraction * 100)} %`;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** The current plan's API address, with a path under it: planPath('/schedule'). */
function planPath(suffix = '') {
  return '/api/plans/' + encodeURIComponent(view.id) + suffix;
}

/** A refusal's violations (problem+json): its `errors`, or one made of its `detail`. */
function violationsOf(problem) {
  return problem.errors && problem.errors.length ? problem.errors : [{ field: '', message: problem.detail }];
}

/** One violation as a list item: the field, the value refused, and what is wrong with it. */
function violationItem(violation) {
  const item = el('li');
  if (violation.field) item.append(el('code', {}, violation.field), ' ');
  if (violation.value) item.append('= ', el('code', {}, violation.value), ' ');
  item.append(violation.message);
  return item;
}

/** A pattern of stripes over a background, for hatched and striped fills: url(#id) draws it. */
function stripes(id, background, stroke, angle, size, strokeWidth) {
  return svg('pattern', { id, width: size, height: size, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${angle})` },
    svg('rect', { width: size, height: size, fill: background }),
    svg('line', { x1: 1, y1: 0, x2: 1, y2: size, stroke, 'stroke-width': strokeWidth }));
}

/** One entry of a chart's legend: its swatch (a class, or a colour) and what it stands for. */
function legendEntry(swatchClass, text, color) {
  return el('span', {}, el('span', { class: 'swatch' + (swatchClass ? ' ' + swatchClass : ''), style: color ? `background:${color}` : null }), text);
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function statusBadge(status, optimal) {
  if (status === 'SOLVED' && optimal) return el('span', { class: 'badge optimal' }, 'proven optimal');
  const names = { SOLVING: 'solving', SOLVED: 'solved', FAILED: 'failed', NOT_SOLVED: 'not solved' };
  const classes = { SOLVING: 'solving', FAILED: 'failed', NOT_SOLVED: 'not-solved' };
  return el('span', { class: 'badge ' + (classes[status] || '') }, names[status] || status);
}

/** Tick step of about `target` ticks over [0, max]: 1, 2 or 5 × 10^k. */
function niceStep(max, target) {
  const raw = Math.max(max, 1e-9) / target;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const unit = raw / power;
  return power * (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Start

document.addEventListener('DOMContentLoaded', () => {
  const forget = $('#forget-key');
  forget.hidden = !sessionStorage.getItem(KEY_STORAGE);
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    location.reload();
  });
  // A link cannot send the API key: with one, a download is fetched with it and saved from memory.
  for (const link of document.querySelectorAll('#downloads a[download]')) {
    link.addEventListener('click', (event) => {
      if (sessionStorage.getItem(KEY_STORAGE)) {
        event.preventDefault();
        downloadWithKey(link.getAttribute('href'), link.getAttribute('download'));
      }
    });
  }
  const id = new URLSearchParams(location.search).get('plan');
  if (id) {
    showPlan(id);
  } else {
    showPlans();
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The plan list and adding a plan

async function showPlans() {
  $('#plans-view').hidden = false;
  document.title = 'Plans — Fanout';
  const response = await api('/api/plans');
  const tbody = $('#plans-table tbody');
  clear(tbody);
  const plans = response.ok ? response.body : [];
  $('#plans-empty').hidden = plans.length > 0;
  for (const plan of plans) {
    const link = el('a', { href: '/?plan=' + encodeURIComponent(plan.id) }, plan.name);
    tbody.append(el('tr', {},
      el('th', { scope: 'row' }, link),
      el('td', { class: 'num' }, String(plan.tasks)),
      el('td', { class: 'num' }, String(plan.agents)),
      el('td', {}, statusBadge(plan.status, plan.optimal)),
      el('td', { class: 'num' }, fmt(plan.makespan)),
      el('td', { class: 'num' }, fmt(plan.lowerBound))));
  }
  setUpAddForm();
}

function setUpAddForm() {
  const text = $('#plan-text');
  const gutter = $('#gutter');
  const zone = $('#drop-zone');
  let errorLines = new Map();

  const drawGutter = () => {
    const count = Math.max(1, text.value.split('\n').length);
    clear(gutter);
    for (let line = 1; line <= count; line++) {
      const marked = errorLines.has(line);
      gutter.append(marked ? el('span', { class: 'bad', title: errorLines.get(line) }, String(line)) : String(line));
      gutter.append('\n');
    }
    gutter.scrollTop = text.scrollTop;
  };
  text.addEventListener('input', () => { errorLines = new Map(); drawGutter(); });
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });
  drawGutter();

  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', async (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer.files[0];
    if (!file) return;
    text.value = await file.text();
    $('#plan-format').value = formatOfFile(file.name) || 'json';
    errorLines = new Map();
    drawGutter();
  });

  // A file chosen sets the format from its extension (the picker can still be changed); uploading puts it in the box
  // and adds it as the box's text is added, then solves it.
  const fileInput = $('#plan-file');
  const uploadButton = $('#upload-button');
  const fileChosen = () => {
    const file = fileInput.files[0];
    uploadButton.disabled = !file;
    const format = file ? formatOfFile(file.name) : null;
    if (format) $('#plan-format').value = format;
  };
  fileInput.addEventListener('change', fileChosen);
  fileChosen();
  uploadButton.addEventListener('click', async () => {
    const file = fileInput.files[0];
    if (!file) return;
    text.value = await file.text();
    errorLines = new Map();
    drawGutter();
    await addPlan(true);
  });

  $('#add-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    await addPlan(false);
  });

  /**
   * Sends the box's text in the format picked (with the agent count for a spec-kit tasks.md): stored, the page opens
   * the new plan, solving it first when `solve`; refused, each violation is listed and the line it names marked.
   */
  async function addPlan(solve) {
    const format = $('#plan-format').value;
    const types = { json: 'application/json', yaml: 'application/yaml', imopse: 'text/plain', 'spec-kit': 'text/markdown',
      mspdi: 'application/vnd.ms-project+xml' };
    const agents = $('#plan-agents').value.trim();
    const query = 'format=' + encodeURIComponent(format)
      + (format === 'spec-kit' && agents ? '&agents=' + encodeURIComponent(agents) : '');
    const response = await api('/api/plans?' + query, {
      method: 'POST', headers: { 'Content-Type': types[format] }, body: text.value,
    });
    const errors = $('#add-errors');
    clear(errors);
    if (response.ok) {
      const id = response.body.id;
      if (solve) await api('/api/plans/' + encodeURIComponent(id) + '/solve?seconds=10', { method: 'POST' });
      location.href = '/?plan=' + encodeURIComponent(id);
      return;
    }
    const problem = typeof response.body === 'object' ? response.body : { detail: String(response.body) };
    const lines = format === 'json' ? jsonPathLines(text.value) : new Map();
    errorLines = new Map();
    const list = el('ul');
    for (const violation of violationsOf(problem)) {
      const line = lineOf(violation, lines);
      const item = violationItem(violation);
      if (line) {
        errorLines.set(line, violation.message);
        const jump = el('button', { type: 'button', class: 'link' }, 'line ' + line);
        jump.addEventListener('click', () => selectLine(text, line));
        item.append(' (', jump, ')');
      }
      list.append(item);
    }
    errors.append(el('strong', {}, problem.title || 'Refused'), list);
    drawGutter();
  }
}

/** The format a file's name says: .def iMOPSE, .md a spec-kit tasks.md, .xml Microsoft Project, .yaml/.yml, .json; else null. */
function formatOfFile(fileName) {
  const name = fileName.toLowerCase();
  const byExtension = { '.def': 'imopse', '.md': 'spec-kit', '.xml': 'mspdi', '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };
  const extension = Object.keys(byExtension).find((ending) => name.endsWith(ending));
  return extension ? byExtension[extension] : null;
}

/** The line a violation points at: its JSON path, or the line a syntax error names, or "line N" for .def and .md files. */
function lineOf(violation, lines) {
  let path = violation.field || '';
  while (path) {
    if (lines.has(path)) return lines.get(path);
    path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, ''); // fall back to the closest enclosing field
    if (path === (violation.field || '')) break;
  }
  const syntax = /line:? (\d+)/.exec((violation.field || '') + ' ' + (violation.message || ''));
  return syntax ? Number(syntax[1]) : null;
}

function selectLine(textarea, line) {
  const lines = textarea.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  textarea.focus();
  textarea.setSelectionRange(start, start + (lines[line - 1] || '').length);
}

/**
 * Where each field of a JSON text starts: "tasks[3].duration" → its line. Tolerant: on malformed text it returns
 * what it found before the error.
 */
function jsonPathLines(text) {
  const lines = new Map();
  let pos = 0;
  let line = 1;
  const whitespace = () => {
    while (pos < text.length && /\s/.test(text[pos])) {
      if (text[pos] === '\n') line++;
      pos++;
    }
  };
  const string = () => {
    if (text[pos] !== '"') throw new Error('string expected');
    let result = '';
    pos++;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') { result += text[pos + 1]; pos += 2; continue; }
      if (text[pos] === '\n') line++;
      result += text[pos++];
    }
    pos++;
    return result;
  };
  const value = (path) => {
    whitespace();
    if (path && !lines.has(path)) lines.set(path, line);
    const c = text[pos];
    if (c === '{') {
      pos++;
      whitespace();
      if (text[pos] === '}') { pos++; return; }
      for (;;) {
        whitespace();
        const keyLine = line;
        const key = string();
        const child = path ? path + '.' + key : key;
        lines.set(child, keyLine);
        whitespace();
        if (text[pos++] !== ':') throw new Error(': expected');
        value(child);
        whitespace();
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] === '}') { pos++; return; }
        throw new Error(', or } expected');
      }
    } else if (c === '[') {
      pos++;
      whitespace();
      if (text[pos] === ']') { pos++; return; }
      for (let index = 0; ; index++) {
        value(path + '[' + index + ']');
        whitespace();
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] === ']') { pos++; return; }
        throw new Error(', or ] expected');
      }
    } else if (c === '"') {
      string();
    } else {
      while (pos < text.length && /[^\s,\]}]/.test(text[pos])) pos++;
    }
  };
  try { value(''); } catch (ignored) { /* malformed: keep what was found */ }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// One plan

// `version` is the plan's current version, `shown` the earlier one shown instead (null: the current one, live).
const view = { id: null, plan: null, schedule: null, report: null, polling: null, selected: null, forecastStrategy: 'optimized',
  version: null, shown: null };

async function showPlan(id) {
  view.id = id;
  const detail = await api(planPath());
  if (!detail.ok) {
    $('#not-found').hidden = false;
    $('#not-found-detail').textContent = detail.body && detail.body.detail ? detail.body.detail : 'No plan has id ' + id;
    return;
  }
  $('#plan-view').hidden = false;
  view.plan = detail.body.plan;
  setUpProgress(detail.body);
  document.title = view.plan.name + ' — Fanout';
  $('#plan-name').textContent = view.plan.name;
  if (view.plan.description) {
    $('#plan-description').textContent = view.plan.description;
  } else {
    $('#plan-description-box').hidden = true;
  }
  $('#solve-form').addEventListener('submit', startSolving);
  $('#stop-button').addEventListener('click', stopSolving);
  $('#whatif-form').addEventListener('submit', runWhatIf);
  $('#fewest-form').addEventListener('submit', findFewest);
  $('#caps-form').addEventListener('submit', runCapSweep);
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') selectTask(null); });
  window.addEventListener('resize', () => view.schedule && renderGantt());
  await refresh();
  $('#fewest-unit').textContent = timeUnit();
  if (view.plan.deadline) $('#fewest-deadline').value = String(view.plan.deadline);
  const last = await api(planPath('/what-if'));
  if (last.ok) renderWhatIf(last.body);
}

/** Reloads the schedule, the report and the versions, and keeps polling while the plan is being solved. */
async function refresh() {
  const schedule = await api(planPath('/schedule'));
  view.schedule = schedule.ok ? schedule.body : null;
  const report = await api(planPath('/report'));
  view.report = report.ok ? report.body : null;
  renderAll();
  await refreshVersions();
  if (view.schedule && view.schedule.status === 'SOLVING') {
    schedulePoll();
  }
}

/** Everything drawn from the plan, its schedule and its report, for the version shown. */
function renderAll() {
  renderFacts();
  renderProgress();
  renderGantt();
  renderSavings();
  renderForecast();
  renderDownloads();
}

/**
 * Links to the schedule as Microsoft Project XML and iCalendar and to the report as Markdown and CSV (its assignments),
 * named after the plan; shown once the current version has a schedule and a report.
 */
function renderDownloads() {
  const schedule = view.schedule;
  const box = $('#downloads');
  box.hidden = view.shown !== null || !view.report || !schedule || !(schedule.assignments || []).length;
  const slug = (view.plan.name || 'plan').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'plan';
  const links = {
    mspdi: [planPath('/schedule?format=mspdi'), `${slug}.xml`],
    ics: [planPath('/schedule?format=ics'), `${slug}.ics`],
    markdown: [planPath('/report?format=markdown'), `${slug}-report.md`],
    csv: [planPath('/report?format=csv&table=assignments'), `${slug}-assignments.csv`],
  };
  for (const [key, [href, name]] of Object.entries(links)) {
    const link = $('#download-' + key);
    link.setAttribute('href', href);
    link.setAttribute('download', name);
  }
}

/** A download of the API's, fetched with the API key (a 401 asks for one again), then saved under its name. */
async function downloadWithKey(href, name) {
  const response = await api(href);
  if (!response.ok) return;
  const type = response.headers.get('Content-Type') || 'application/octet-stream';
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const url = URL.createObjectURL(new Blob([body], { type }));
  const save = el('a', { href: url, download: name });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function schedulePoll() {
  clearTimeout(view.polling);
  view.polling = setTimeout(async () => {
    const schedule = await api(planPath('/schedule'));
    // An earlier version chosen meanwhile stays shown; choosing the current one again reloads.
    if (!schedule.ok || view.shown) return;
    view.schedule = schedule.body;
    renderProgress();
    renderGantt();
    if (view.schedule.status === 'SOLVING') {
      schedulePoll();
    } else {
      await refresh();
    }
  }, 700);
}

/** The plan's time unit, as the schedule names it. */
function timeUnit() {
  return (view.schedule && view.schedule.timeUnit) || view.plan.timeUnit || 'days';
}

/** A point in time in the plan's unit, as the report's sentences write it: "day 4", "week 2.5". */
function at(time) {
  return `${timeUnit().replace(/s$/, '')} ${fmt(time)}`;
}

/**
 * What the plan says about an agent: its window, its speed, its pool and that pool's cap. An agent the plan lists
 * has its own window and speed; a pool's generated worker (`<pool>-N`) has its pool's.
 */
function agentFacts(agent) {
  const pools = view.plan.pools || [];
  const load = view.report ? view.report.agentLoads.find((l) => l.agent === agent) : null;
  const poolId = load ? load.pool : null;
  const own = (view.plan.agents || []).find((a) => a.id === agent);
  const generatedBy = own ? null : pools.find((p) => p.id === poolId)
    || pools.find((p) => agent.startsWith(p.id + '-') && /^\d+$/.test(agent.slice(p.id.length + 1)));
  const pool = own ? pools.find((p) => p.id === (own.pool || poolId)) : generatedBy;
  const source = own || generatedBy || {};
  return {
    from: Number(source.availableFrom ?? 0),
    until: source.availableUntil === undefined || source.availableUntil === null ? null : Number(source.availableUntil),
    speed: Number(source.speed ?? 1),
    pool: pool ? pool.id : null,
    cap: pool && pool.maxConcurrent ? pool.maxConcurrent : null,
  };
}

/** Whether a task's duration is a range, {min, likely, max}, rather than one figure. */
function ranged(duration) {
  return duration !== null && typeof duration === 'object';
}

/** A task's duration in the plan's unit: "3 weeks", or for a range "2 to 6 weeks, most likely 3". */
function durationText(duration, unit) {
  if (!ranged(duration)) return amount(duration, unit);
  const likely = duration.likely === undefined || duration.likely === null ? '' : `, most likely ${fmt(duration.likely)}`;
  return `${fmt(duration.min)} to ${amount(duration.max, unit)}${likely}`;
}

/** The files and folders a task changes: "src/api/, docs/api.md"; empty when it names none. */
function areasOf(task) {
  return (task.areas || []).join(', ');
}

/** The resources a task uses, with the units when the resource has more than one: "db (2 units), lock". */
function usesOf(task) {
  const uses = Array.isArray(task.uses) ? Object.fromEntries(task.uses.map((id) => [id, 1])) : (task.uses || {});
  const capacity = new Map((view.plan.resources || []).map((r) => [r.id, r.capacity ?? 1]));
  return Object.entries(uses).map(([id, units]) =>
    (capacity.get(id) ?? 1) > 1 ? `${id} (${units} ${units === 1 ? 'unit' : 'units'})` : id).join(', ');
}

function renderFacts() {
  const facts = $('#plan-facts');
  clear(facts);
  const report = view.report;
  // Before a report counts them, the plan's agents: those it lists and those its pools generate.
  const agents = report ? report.agents
    : (view.plan.agents || []).length + (view.plan.pools || []).reduce((sum, pool) => sum + (pool.workers || 0), 0);
  facts.append(`${view.plan.tasks.length} tasks · ${agents} agents · times in ${timeUnit()}`);
  const cap = view.plan.maxConcurrent;
  if (cap) facts.append(' · ', el('span', { id: 'plan-cap' }, `at most ${cap} ${cap === 1 ? 'task' : 'tasks'} at once (the plan's cap)`));
  const bottleneck = $('#bottleneck');
  bottleneck.textContent = report && report.bottleneck ? report.bottleneck.summary : '';
}

function renderProgress() {
  const progress = $('#progress');
  clear(progress);
  const schedule = view.schedule;
  const solving = schedule && schedule.status === 'SOLVING';
  $('#solve-button').disabled = solving || view.shown !== null; // an earlier version is not solved again
  $('#stop-button').disabled = !solving;
  if (!schedule || schedule.makespan === undefined || schedule.makespan === null) {
    progress.append(statusBadge(schedule ? schedule.status : 'NOT_SOLVED'), ' Not solved yet: press Solve.');
    return;
  }
  const unit = schedule.timeUnit;
  const gap = schedule.lowerBound ? (schedule.makespan - schedule.lowerBound) / schedule.lowerBound * 100 : 0;
  progress.append(statusBadge(schedule.status, schedule.optimal), ' ',
    solving ? 'Best so far: ' : 'Makespan: ', el('strong', {}, amount(schedule.makespan, unit)),
    ` · lower bound ${amount(schedule.lowerBound, unit)}`,
    schedule.optimal ? ' · nothing shorter exists' : ` · at most ${fmt(gap)} % above the best possible`);
  const now = nowOf();
  if (now > 0) progress.append(` · now ${at(now)}: ${amount(schedule.makespan - now, unit)} to go`);
  if (schedule.message) progress.append(el('br'), schedule.message);
}

async function startSolving(event) {
  event.preventDefault();
  const seconds = $('#solve-seconds').value || '10';
  const response = await api(planPath(`/solve?seconds=${encodeURIComponent(seconds)}`), { method: 'POST' });
  if (!response.ok) {
    $('#progress').textContent = response.body.detail || 'Could not start solving';
    return;
  }
  view.schedule = response.body;
  renderProgress();
  schedulePoll();
}

async function stopSolving() {
  await api(planPath('/solve'), { method: 'DELETE' });
  schedulePoll();
}

// ---------------------------------------------------------------------------------------------------------------
// The Gantt chart

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#332288', '#117733', '#882255'];
const LIGHT = new Set(['#E69F00', '#56B4E9', '#F0E442']);
const NO_POOL = '#6b7785';

function poolColors() {
  const colors = new Map();
  const pools = [...(view.plan.pools || []).map((pool) => pool.id)];
  for (const load of (view.report ? view.report.agentLoads : [])) {
    if (load.pool && !pools.includes(load.pool)) pools.push(load.pool);
  }
  pools.forEach((pool, index) => colors.set(pool, PALETTE[index % PALETTE.length]));
  return colors;
}

/** The waits drawn before a bar, by the report's reason: their class, their hatching and their legend entry. */
const DRAWN_WAITS = {
  area: { className: 'area-wait', color: '#b42318', angle: 45, legend: 'waiting for an area another task changes' },
  resource: { className: 'resource-wait', color: '#6f42c1', angle: -45, legend: 'waiting for a full resource' },
  cap: { className: 'cap-wait', color: '#9a6700', angle: 0, legend: 'waiting at a cap on tasks at once' },
};

/** What a task waited for, from the report's wait: "waits for area src/api/, held by A". */
function waitText(wait, facts) {
  if (wait.reason === 'area') return `waits for area ${wait.limit}, held by ${wait.on}`;
  if (wait.reason === 'resource') {
    const resource = (view.plan.resources || []).find((r) => r.id === wait.limit);
    return `waits for resource ${wait.limit}${resource && resource.name ? ` (${resource.name})` : ''}, full until ${wait.on} ends`;
  }
  const pool = facts.cap && facts.pool === wait.limit;
  const cap = pool ? facts.cap : view.plan.maxConcurrent;
  if (!cap) return `waits at the cap of ${wait.limit}, until ${wait.on} ends`;
  return `waits: ${pool ? 'pool ' + wait.limit : 'the plan'} runs ${cap} ${cap === 1 ? 'task' : 'tasks'} at once, its cap, until ${wait.on} ends`;
}

function renderGantt() {
  const chart = $('#gantt');
  const schedule = view.schedule;
  for (const node of [...chart.childNodes]) if (node.nodeName !== 'desc') chart.removeChild(node);
  if (!schedule || !schedule.assignments || schedule.assignments.length === 0) {
    $('#legend').textContent = '';
    chart.setAttribute('width', 0);
    chart.setAttribute('height', 0);
    return;
  }
  const tasks = new Map(view.plan.tasks.map((task) => [task.id, task]));
  const byTask = new Map(schedule.assignments.map((assignment) => [assignment.task, assignment]));
  const critical = new Set(view.report ? view.report.criticalPath.tasks : []);
  const agentPool = new Map((view.report ? view.report.agentLoads : []).map((load) => [load.agent, load.pool]));
  const agents = view.report ? view.report.agentLoads.map((load) => load.agent)
    : [...new Set(schedule.assignments.filter((a) => a.agent).map((a) => a.agent))];
  // Done tasks take no more time: they get a row of their own, below the milestones (CONTRACT §6).
  const done = schedule.assignments.filter((a) => a.status === 'done');
  const milestones = schedule.assignments.filter((a) => a.agent === null && a.status !== 'done');
  const doneRow = agents.length + (milestones.length ? 1 : 0);
  const rows = doneRow + (done.length ? 1 : 0);
  const colors = poolColors();
  const changes = changesOf(view.report);
  const now = nowOf();

  const width = Math.max(760, $('#gantt-scroll').clientWidth - 2);
  const labelWidth = 150;
  // Rows whose agent has a cap or a speed to show under its name are a little taller.
  const rowHeight = agents.some((agent) => { const f = agentFacts(agent); return f.cap || f.speed !== 1; }) ? 32 : 28;
  const top = now > 0 ? 44 : 30; // room above the axis for the now line's label
  const height = top + rows * rowHeight + 8;
  const span = Math.max(schedule.makespan, 1e-9);
  const x = (t) => labelWidth + (t / span) * (width - labelWidth - (changes.size ? 56 : 24)); // and after a bar for its slip
  const rowY = (row) => top + row * rowHeight;
  chart.setAttribute('width', width);
  chart.setAttribute('height', height);
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);

  const defs = svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7',
    markerHeight: '7', orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#0b5cad' })));
  for (const kind of Object.values(DRAWN_WAITS)) defs.append(stripes('hatch-' + kind.className, '#fff', kind.color, kind.angle, 6, 2));
  chart.append(defs);

  // Time axis, in the plan's unit.
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  const step = niceStep(span, 10);
  for (let t = 0; t <= span + 1e-9; t += step) {
    axis.append(svg('line', { x1: x(t), x2: x(t), y1: top - 6, y2: height - 8 }));
    axis.append(svg('text', { x: x(t), y: top - 10, 'text-anchor': 'middle' }, fmt(t)));
  }
  axis.append(svg('text', { x: labelWidth - 8, y: top - 10, 'text-anchor': 'end' }, schedule.timeUnit));
  chart.append(axis);

  // Each agent's row: its name, its pool's cap and its speed when they matter, and the time outside its window shaded.
  const bands = svg('g', { 'aria-hidden': 'true' });
  const labels = svg('g', { id: 'row-labels' });
  const shades = svg('g', { id: 'unavailable', 'aria-hidden': 'true' });
  const factsOf = new Map(agents.map((agent) => [agent, agentFacts(agent)]));
  const shade = (agent, row, from, until, text) => {
    if (until - from <= 1e-9) return;
    shades.append(svg('rect', { class: 'unavailable', 'data-agent': agent, x: x(from), y: rowY(row), width: x(until) - x(from),
      height: rowHeight }, svg('title', {}, text)));
  };
  agents.forEach((agent, row) => {
    if (row % 2 === 0) bands.append(svg('rect', { class: 'row-band', x: 0, y: rowY(row), width, height: rowHeight }));
    const facts = factsOf.get(agent);
    const notes = [];
    const spoken = [];
    if (facts.cap) {
      notes.push(`pool cap ${facts.cap}`);
      spoken.push(`pool ${facts.pool} runs at most ${facts.cap} ${facts.cap === 1 ? 'task' : 'tasks'} at once`);
    }
    if (facts.speed !== 1) {
      notes.push(`×${fmt(facts.speed)}`);
      spoken.push(`works at ${fmt(facts.speed)} times the normal speed`);
    }
    if (facts.from > 0) spoken.push(`available from ${at(facts.from)}`);
    if (facts.until !== null) spoken.push(`available until ${at(facts.until)}`);
    const label = svg('g', { class: 'agent-label', 'data-agent': agent, role: 'img',
      'aria-label': spoken.length ? `${agent}: ${spoken.join('; ')}` : agent });
    if (notes.length) {
      label.append(svg('text', { class: 'row-label', x: 8, y: rowY(row) + rowHeight / 2 - 1 }, agent));
      label.append(svg('text', { class: 'row-facts', x: 8, y: rowY(row) + rowHeight / 2 + 10 }, notes.join(' · ')));
    } else {
      label.append(svg('text', { class: 'row-label', x: 8, y: rowY(row) + rowHeight / 2 + 4 }, agent));
    }
    labels.append(label);
    shade(agent, row, 0, Math.min(facts.from, span), `${agent} is not available before ${at(facts.from)}`);
    if (facts.until !== null) shade(agent, row, facts.until, span, `${agent} is not available after ${at(facts.until)}`);
  });
  if (milestones.length) {
    labels.append(svg('text', { class: 'row-label', x: 8, y: rowY(agents.length) + rowHeight / 2 + 4, 'aria-hidden': 'true' }, 'Milestones'));
  }
  if (done.length) labels.append(svg('text', { class: 'row-label', x: 8, y: rowY(doneRow) + rowHeight / 2 + 4, 'aria-hidden': 'true' }, 'Done'));
  chart.append(bands, shades, labels);
  chart.append(svg('g', { id: 'dependency-lines', 'aria-hidden': 'true' }));

  const waits = new Map((view.report ? view.report.waits : []).map((wait) => [wait.task, wait]));
  const rowOf = new Map(agents.map((agent, row) => [agent, row]));
  const ordered = schedule.assignments.filter((a) => a.status !== 'done').sort((a, b) =>
    (rowOf.get(a.agent) ?? rows) - (rowOf.get(b.agent) ?? rows) || a.start - b.start);

  // A task that waited for an area, a resource or a cap: the time from when it was otherwise ready (its agent free
  // and available, its dependencies done) to its start, hatched on its agent's row.
  const waitsGroup = svg('g', { id: 'waits', 'aria-hidden': 'true' });
  const drawnWaits = new Set();
  for (const assignment of ordered) {
    const wait = waits.get(assignment.task);
    // While solving, the report may still describe an earlier schedule: only its waits for these very bars count.
    if (!assignment.agent || !wait || !DRAWN_WAITS[wait.reason] || wait.agent !== assignment.agent
      || Math.abs(wait.start - assignment.start) > 1e-9) continue;
    const task = tasks.get(assignment.task) || { id: assignment.task };
    const facts = factsOf.get(assignment.agent) || agentFacts(assignment.agent);
    const ready = Math.max(facts.from,
      ...ordered.filter((other) => other.agent === assignment.agent && other.start < assignment.start).map((other) => other.end),
      ...(task.dependsOn || []).map((dependency) => (byTask.get(dependency) ? byTask.get(dependency).end : 0)));
    if (assignment.start - ready <= 1e-9) continue;
    const row = rowOf.get(assignment.agent);
    const kind = DRAWN_WAITS[wait.reason];
    waitsGroup.append(svg('rect', { class: 'wait ' + kind.className, 'data-wait': task.id, 'data-limit': wait.limit,
      x: x(ready), y: rowY(row) + 4, width: x(assignment.start) - x(ready), height: rowHeight - 8, rx: 3 },
    svg('title', {}, `${task.id} ${waitText(wait, facts)}: ${schedule.timeUnit} ${fmt(ready)} to ${fmt(assignment.start)}`)));
    drawnWaits.add(wait.reason);
  }
  chart.append(waitsGroup);

  const bars = svg('g', { id: 'bars' });
  const chips = doneChips(done, x, labelWidth);
  for (const assignment of [...ordered, ...done]) {
    const task = tasks.get(assignment.task) || { id: assignment.task };
    const name = `${task.id}${task.title ? ' ' + task.title : ''}`;
    const label = assignment.status === 'done' ? `${name}: done${assignment.agent ? ' by ' + assignment.agent : ''}`
      : `${name}: ${assignment.agent || 'milestone'}, ${schedule.timeUnit} ${fmt(assignment.start)} to ${fmt(assignment.end)}`
        + `${critical.has(task.id) ? ', critical' : ''}${assignment.status === 'started' ? ', started' : ''}`;
    const why = waits.get(task.id);
    const change = changes.get(task.id);
    const title = [label + '.', why ? why.explanation : '', changeText(change), areasOf(task) ? `Changes: ${areasOf(task)}.` : '',
      usesOf(task) ? `Uses: ${usesOf(task)}.` : ''].filter(Boolean).join(' ');
    const group = svg('g', {
      class: 'task' + (critical.has(task.id) ? ' critical' : '') + (assignment.agent ? '' : ' milestone')
        + (assignment.status === 'planned' ? '' : ' ' + assignment.status) + changeClasses(change),
      'data-task': task.id, tabindex: '0', role: 'button', 'aria-label': label,
    }, svg('title', {}, title));
    const color = colors.get(agentPool.get(assignment.agent)) || NO_POOL;
    if (assignment.status === 'done') {
      group.append(...doneChip(chips.get(task.id), task.id, rowY(doneRow), rowHeight, color));
    } else if (assignment.agent) {
      const row = rowOf.get(assignment.agent);
      if (LIGHT.has(color)) group.classList.add('light');
      const left = x(assignment.start);
      const barWidth = Math.max(2, x(assignment.end) - left);
      group.append(svg('rect', { x: left, y: rowY(row) + 4, width: barWidth, height: rowHeight - 8, rx: 3,
        fill: assignment.status === 'started' ? startedFill(defs, color) : color }));
      if (barWidth > task.id.length * 7 + 6) {
        group.append(svg('text', { x: left + 4, y: rowY(row) + rowHeight / 2 + 4 }, task.id));
      }
      if (change) group.append(changeMark(change, left + barWidth + 4, rowY(row) + rowHeight / 2 + 4));
    } else {
      const cx = x(assignment.start);
      const cy = rowY(agents.length) + rowHeight / 2;
      group.append(svg('path', { d: `M ${cx} ${cy - 8} L ${cx + 8} ${cy} L ${cx} ${cy + 8} L ${cx - 8} ${cy} z` }));
      if (change) group.append(changeMark(change, cx + 12, cy + 4));
    }
    group.addEventListener('click', () => selectTask(task.id));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); selectTask(task.id); }
    });
    bars.append(group);
  }
  chart.append(bars);
  if (now > 0) chart.append(nowMarker(x(now), 12, top - 6, height - 8, width));

  const legend = $('#legend');
  clear(legend);
  for (const [pool, color] of colors) legend.append(legendEntry(null, 'pool ' + pool, color));
  if ([...agentPool.values()].some((pool) => !pool)) legend.append(legendEntry(null, 'no pool', NO_POOL));
  legend.append(legendEntry('critical', 'critical path'));
  for (const [reason, kind] of Object.entries(DRAWN_WAITS)) {
    if (drawnWaits.has(reason)) legend.append(legendEntry(kind.className, kind.legend));
  }
  if (shades.childNodes.length) legend.append(legendEntry('unavailable', 'agent not available'));
  legend.append(...progressLegend(schedule.assignments, changes, now));
  if (view.selected) selectTask(view.selected);
}

/** Highlights a task, draws arrows from its dependencies, and says why it starts when it does. */
function selectTask(id) {
  view.selected = id;
  const chart = $('#gantt');
  const lines = chart.querySelector('#dependency-lines');
  const details = $('#task-details');
  if (!lines) return;
  clear(lines);
  chart.querySelectorAll('.task, .wait').forEach((bar) => bar.classList.remove('selected', 'dimmed'));
  if (!id) {
    clear(details);
    details.append(el('p', { class: 'hint' }, 'Select a task (click, or Tab then Enter) to see its dependencies and why it starts when it does.'));
    return;
  }
  const task = view.plan.tasks.find((t) => t.id === id) || { id };
  const byTask = new Map(view.schedule.assignments.map((a) => [a.task, a]));
  const bar = chart.querySelector(`[data-task="${CSS.escape(id)}"]`);
  if (bar) bar.classList.add('selected');
  const related = new Set([id, ...(task.dependsOn || [])]);
  chart.querySelectorAll('.task').forEach((other) => {
    if (!related.has(other.getAttribute('data-task'))) other.classList.add('dimmed');
  });
  chart.querySelectorAll('.wait').forEach((other) => {
    if (!related.has(other.getAttribute('data-wait'))) other.classList.add('dimmed');
  });
  const box = (taskId) => {
    const node = chart.querySelector(`[data-task="${CSS.escape(taskId)}"] rect, [data-task="${CSS.escape(taskId)}"] path`);
    return node ? node.getBBox() : null;
  };
  const target = box(id);
  for (const dependency of task.dependsOn || []) {
    const from = box(dependency);
    if (!from || !target) continue;
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = target.x;
    const y2 = target.y + target.height / 2;
    const bend = Math.max(12, (x2 - x1) / 2);
    lines.append(svg('path', { class: 'dependency', d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
      'marker-end': 'url(#arrow)' }));
  }
  const assignment = byTask.get(id);
  const unit = view.schedule.timeUnit;
  const wait = view.report ? view.report.waits.find((w) => w.task === id) : null;
  const slack = view.report && view.report.slack ? view.report.slack[id] : null;
  const speed = assignment && assignment.agent ? agentFacts(assignment.agent).speed : 1;
  clear(details);
  details.append(el('h3', {}, `${task.id}${task.title ? ' — ' + task.title : ''}`));
  details.append(el('p', {}, `${assignment && assignment.agent ? assignment.agent : 'Milestone (no agent)'} · `
    + `${unit} ${fmt(assignment ? assignment.start : 0)} to ${fmt(assignment ? assignment.end : 0)}`
    + (slack !== null && slack !== undefined ? ` · slack ${amount(slack, unit)}` : '')
    + (speed !== 1 ? ` · ${durationText(task.duration, unit)} of work at ×${fmt(speed)}` : '')));
  const standing = [standingText(task, assignment, unit), changeText(changesOf(view.report).get(id))].filter(Boolean).join(' ');
  if (standing) details.append(el('p', { class: 'standing' }, standing));
  if (ranged(task.duration)) details.append(el('p', {}, `Duration: ${durationText(task.duration, unit)}; the schedule uses its PERT mean.`));
  if (wait) details.append(el('p', {}, el('strong', {}, 'Why then: '), wait.explanation));
  details.append(el('p', {}, 'Depends on: ' + ((task.dependsOn || []).length ? task.dependsOn.join(', ') : 'nothing')));
  if (areasOf(task)) details.append(el('p', {}, 'Changes: ' + areasOf(task)));
  if (usesOf(task)) details.append(el('p', {}, 'Uses: ' + usesOf(task)));
  if (task.description) details.append(el('p', { class: 'hint' }, task.description));
}

// ---------------------------------------------------------------------------------------------------------------
// Savings and claims

/** The plan's deadline, if it states one: met with how much to spare, or missed by how much and whether any schedule could. */
function renderDeadline(report) {
  const box = $('#deadline');
  clear(box);
  const deadline = report.deadline;
  box.hidden = !deadline;
  if (!deadline) return;
  const unit = report.timeUnit;
  box.className = deadline.met ? 'deadline met' : 'deadline missed';
  box.append(el('strong', {}, `Deadline: ${amount(deadline.at, unit)}. `),
    deadline.met
      ? `The optimized schedule meets it with ${amount(deadline.margin, unit)} to spare.`
      : `The optimized schedule misses it by ${amount(-deadline.margin, unit)}` + (deadline.provenMissed
        ? `, and no schedule can meet it: the lower bound is ${amount(report.lowerBound, unit)}.`
        : `; the lower bound (${amount(report.lowerBound, unit)}) does not rule it out.`));
}

/** Where the author's waves as written disagree with the plan: a dependency inside a wave, files a wave's tasks share. */
function renderWaveFindings(report) {
  const box = $('#wave-findings');
  clear(box);
  const findings = report && report.waves ? report.waves.findings : [];
  box.hidden = findings.length === 0;
  if (box.hidden) return;
  box.append(el('p', {}, 'Where the author\'s waves cannot run as written, the plan wins:'),
    el('ul', {}, ...findings.map((finding) => el('li', { 'data-kind': finding.kind }, finding.message))));
}

/** The execution strategies' names in the savings and forecast tables. */
function strategyNames(report) {
  return {
    optimized: 'Optimized (Fanout)',
    sequential: 'Sequential (one agent)',
    waves: `Author's waves (${report.waves ? report.waves.count : 0} waves)`,
    tiers: `Dependency tiers (${report.tiers.levels.length} tiers)`,
  };
}

function renderSavings() {
  const tbody = $('#savings-table tbody');
  clear(tbody);
  const report = view.report;
  renderWaveFindings(report);
  if (!report) {
    tbody.append(el('tr', {}, el('td', { colspan: '5' }, 'Solve the plan to compare it with doing it one by one.')));
    return;
  }
  const unit = report.timeUnit;
  const names = strategyNames(report);
  for (const saving of report.savings) {
    tbody.append(el('tr', {},
      el('th', { scope: 'row' }, names[saving.against] || saving.against),
      el('td', { class: 'num' }, amount(saving.makespan, unit)),
      el('td', { class: 'num' }, amount(saving.saved, unit)),
      el('td', { class: 'num' }, `${fmt(saving.percent)} %`),
      el('td', { class: 'num' }, `${fmt(saving.speedup)}×`)));
  }
  tbody.append(el('tr', { class: 'optimized' },
    el('th', { scope: 'row' }, 'Optimized (Fanout)'),
    el('td', { class: 'num' }, amount(report.optimized.makespan, unit)),
    el('td', { class: 'num' }, '—'), el('td', { class: 'num' }, '—'), el('td', { class: 'num' }, '—')));
  const bounds = { criticalPath: 'critical path', skillSet: 'scarcest skill set', agentChain: 'dependencies and scarce agents',
    work: view.plan.maxConcurrent ? 'total work ÷ agents or the plan\'s cap' : 'total work ÷ agents',
    sharedLimit: ['area', 'resource', 'cap'].includes(report.bottleneck && report.bottleneck.kind)
      ? report.bottleneck.subject : 'a shared area, resource or cap' };
  tbody.append(el('tr', {},
    el('th', { scope: 'row' }, `Lower bound (${bounds[report.lowerBounds.binding] || report.lowerBounds.binding})`),
    el('td', { class: 'num' }, amount(report.lowerBound, unit)),
    el('td', { class: 'num' }, ''), el('td', { class: 'num' }, ''), el('td', { class: 'num' }, '')));
  renderDeadline(report);

  const claims = $('#claims');
  clear(claims);
  if (!report.claims || report.claims.length === 0) return;
  const table = el('table', { class: 'data' },
    el('caption', {}, 'The plan\'s own figures, checked'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Figure'), el('th', { scope: 'col', class: 'num' }, 'Claimed'),
      el('th', { scope: 'col', class: 'num' }, 'Computed'), el('th', { scope: 'col' }, 'Verdict'))));
  const body = el('tbody');
  const list = el('ul');
  for (const claim of report.claims) {
    const claimed = claim.claimedMin === claim.claimedMax ? fmt(claim.claimedMin) : `${fmt(claim.claimedMin)}–${fmt(claim.claimedMax)}`;
    body.append(el('tr', {}, el('th', { scope: 'row' }, claim.label), el('td', { class: 'num' }, claimed),
      el('td', { class: 'num' }, fmt(claim.computed)), el('td', { class: 'verdict-' + claim.verdict }, claim.verdict)));
    list.append(el('li', {}, claim.remark));
  }
  table.append(body);
  claims.append(el('div', { class: 'table-wrap' }, table), list);
}

// ---------------------------------------------------------------------------------------------------------------
// Forecast

/** The strategies a forecast compares, in the savings table's order: the optimized schedule first. */
function forecastStrategies(forecast) {
  const others = forecast.strategies || {};
  const keys = ['sequential', 'waves', 'tiers'].filter((key) => others[key]);
  for (const key of Object.keys(others)) if (!keys.includes(key)) keys.push(key);
  return ['optimized', ...keys];
}

/** The spread of one strategy: the forecast's own figures for the optimized schedule, else its strategy's. */
function spreadOf(forecast, key) {
  return key === 'optimized' ? forecast : (forecast.strategies || {})[key];
}

/** What running a strategy means, for the sentence under the chart. */
const RUN_BY = {
  optimized: 'the optimized schedule', sequential: 'one agent doing everything', waves: 'the author\'s waves',
  tiers: 'the dependency tiers',
};

/**
 * The report's Monte Carlo forecast: how the makespan spreads when durations are ranges. With no range, every run
 * takes the makespan, and the forecast's note says so instead of a chart; otherwise the chart of one strategy's runs
 * (the optimized schedule unless another is picked), its percentiles and the deadline, every strategy's percentiles
 * in a table, and the tasks most often on the chain that ends last.
 */
function renderForecast() {
  const section = $('#forecast');
  const report = view.report;
  const forecast = report ? report.forecast : null;
  section.hidden = !forecast;
  if (!forecast) return;
  const unit = report.timeUnit;
  const many = forecast.runs > 1;
  $('#forecast-note').textContent = forecast.note || '';
  $('#forecast-note').hidden = !forecast.note;
  $('#forecast-lead').textContent = many
    ? `P50, P80 and P95: the makespan that half, 80 % and 95 % of the runs finish within. The draws start from seed `
      + `${forecast.seed}, so the same plan gives the same figures every time.`
    : '';
  $('#forecast-lead').hidden = !many;
  $('#forecast-body').hidden = !many;
  if (!many) return;

  const keys = forecastStrategies(forecast);
  if (!keys.includes(view.forecastStrategy)) view.forecastStrategy = 'optimized';
  const names = strategyNames(report);
  const deadline = report.deadline ? report.deadline.at : null;

  const buttons = $('#forecast-strategies');
  clear(buttons);
  buttons.append(el('span', {}, 'Chart:'));
  for (const key of keys) {
    const button = el('button', { type: 'button', class: 'forecast-strategy', 'data-strategy': key,
      'aria-pressed': String(key === view.forecastStrategy) }, names[key] || key);
    button.addEventListener('click', () => {
      view.forecastStrategy = key;
      renderForecast();
      $(`#forecast-strategies [data-strategy="${CSS.escape(key)}"]`).focus();
    });
    buttons.append(button);
  }

  const tbody = $('#forecast-table tbody');
  clear(tbody);
  $('#forecast-ontime-header').hidden = deadline === null;
  for (const key of keys) {
    const spread = spreadOf(forecast, key);
    const row = el('tr', { 'data-strategy': key, class: key === 'optimized' ? 'optimized' : null },
      el('th', { scope: 'row' }, names[key] || key),
      el('td', { class: 'num forecast-p50' }, amount(spread.p50, unit)),
      el('td', { class: 'num forecast-p80' }, amount(spread.p80, unit)),
      el('td', { class: 'num forecast-p95' }, amount(spread.p95, unit)),
      el('td', { class: 'num forecast-mean' }, amount(spread.mean, unit)));
    if (deadline !== null) row.append(el('td', { class: 'num forecast-ontime' }, share(spread.onTime)));
    tbody.append(row);
  }

  const key = view.forecastStrategy;
  const spread = spreadOf(forecast, key);
  renderForecastChart(spread, forecast.runs, names[key] || key, deadline, unit);
  const onTime = $('#forecast-ontime');
  clear(onTime);
  onTime.hidden = deadline === null || spread.onTime === undefined || spread.onTime === null;
  if (!onTime.hidden) {
    onTime.append(el('strong', {}, share(spread.onTime)),
      ` of runs meet the deadline (${amount(deadline, unit)}) with ${RUN_BY[key] || names[key] || key}.`);
  }

  const critical = $('#forecast-critical');
  const list = critical.querySelector('ul');
  clear(list);
  const ranked = Object.entries(forecast.criticality || {}).filter(([, fraction]) => fraction > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  critical.hidden = ranked.length === 0;
  for (const [task, fraction] of ranked) {
    const button = el('button', { type: 'button', class: 'link' }, task);
    button.addEventListener('click', () => {
      selectTask(task);
      $('#gantt-title').scrollIntoView();
    });
    list.append(el('li', { 'data-task': task }, button,
      fraction >= 1 ? ' lies on the chain that ends last in every run.' : ` lies on the chain that ends last in ${share(fraction)} of runs.`));
  }
}

/**
 * One strategy's runs as a histogram: a bar per bin of the report's (bins without a run are left out), the P50, P80
 * and P95 marked, and the deadline when the plan has one; the runs that end past it drawn in the deadline's colour.
 */
function renderForecastChart(spread, runs, name, deadline, unit) {
  const chart = $('#forecast-chart');
  for (const node of [...chart.childNodes]) if (node.nodeName !== 'title' && node.nodeName !== 'desc') chart.removeChild(node);
  chart.setAttribute('data-strategy', view.forecastStrategy);
  $('#forecast-chart-title').textContent = `Makespan over ${runs} runs: ${name}`;
  const histogram = spread.histogram || { from: spread.p50, width: 0, counts: [] };
  const counts = histogram.counts || [];
  // Every run ending at the same time makes one bar of width 0: drawn a little wide, and titled with that one time.
  const single = !(histogram.width > 0);
  const binWidth = single ? Math.max(Math.abs(histogram.from) * 0.02, 0.1) : histogram.width;
  const width = 760;
  const height = 290;
  const margin = { left: 56, right: 24, top: 62, bottom: 46 };
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);

  // The bins' span, widened to take the deadline in when it lies near; a deadline far off is pointed at from the edge.
  let low = single ? histogram.from - 2 * binWidth : histogram.from;
  let high = single ? histogram.from + 3 * binWidth : histogram.from + binWidth * counts.length;
  const reach = (high - low) * 0.5;
  if (deadline !== null && deadline < low && low - deadline <= reach) low = deadline - binWidth;
  if (deadline !== null && deadline > high && deadline - high <= reach) high = deadline + binWidth;
  const x = (value) => margin.left + (value - low) / Math.max(high - low, 1e-9) * (width - margin.left - margin.right);
  const most = Math.max(...counts, 1);
  const bottom = height - margin.bottom;
  const y = (count) => bottom - count / most * (bottom - margin.top);

  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  const countStep = niceStep(most, 4);
  for (let c = 0; c <= most; c += countStep) {
    axis.append(svg('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(c), y2: y(c) }));
    axis.append(svg('text', { x: margin.left - 8, y: y(c) + 4, 'text-anchor': 'end' }, String(c)));
  }
  const step = niceStep(high - low, 8);
  for (let t = Math.ceil(low / step - 1e-9) * step; t <= high + 1e-9; t += step) {
    axis.append(svg('line', { x1: x(t), x2: x(t), y1: bottom, y2: bottom + 5 }));
    axis.append(svg('text', { x: x(t), y: bottom + 18, 'text-anchor': 'middle' }, fmt(t)));
  }
  axis.append(svg('line', { x1: margin.left, x2: width - margin.right, y1: bottom, y2: bottom }));
  axis.append(svg('text', { x: (margin.left + width - margin.right) / 2, y: height - 8, 'text-anchor': 'middle' }, `makespan (${unit})`));
  axis.append(svg('text', { x: 14, y: (margin.top + bottom) / 2, 'text-anchor': 'middle',
    transform: `rotate(-90 14 ${(margin.top + bottom) / 2})` }, 'runs'));
  chart.append(axis);

  const bars = svg('g', { id: 'forecast-bars' });
  counts.forEach((count, index) => {
    if (count === 0) return;
    const from = histogram.from + index * binWidth;
    const late = deadline !== null && (single ? from > deadline + 1e-9 : from >= deadline - 1e-9);
    const when = single ? amount(from, unit) : `${fmt(from)} to ${amount(from + binWidth, unit)}`;
    bars.append(svg('rect', { class: 'bar' + (late ? ' late' : ''), 'data-count': count, x: x(from) + 0.5,
      y: y(count), width: Math.max(1, x(from + binWidth) - x(from) - 1), height: bottom - y(count) },
    svg('title', {}, `${when}: ${count} ${count === 1 ? 'run' : 'runs'} (${share(count / runs)})`)));
  });
  chart.append(bars);

  if (deadline !== null) {
    const inside = deadline >= low && deadline <= high;
    const at = Math.min(Math.max(x(deadline), margin.left), width - margin.right);
    const marker = svg('g', { class: 'deadline-marker', 'data-deadline': deadline });
    if (inside) marker.append(svg('line', { class: 'deadline-line', x1: at, x2: at, y1: margin.top, y2: bottom }));
    const right = at > width - margin.right - 140;
    const label = inside ? `deadline ${fmt(deadline)}` : deadline < low ? `← deadline ${fmt(deadline)}` : `deadline ${fmt(deadline)} →`;
    marker.append(svg('text', { class: 'deadline-label', x: right ? at - 5 : at + 5, y: margin.top + 12,
      'text-anchor': right ? 'end' : 'start' }, label));
    chart.append(marker);
  }

  // One label row each, so that close percentiles do not print over one another.
  const marks = svg('g', { id: 'forecast-marks' });
  [['p50', 'P50'], ['p80', 'P80'], ['p95', 'P95']].forEach(([field, label], row) => {
    const value = spread[field];
    const at = x(value);
    const top = 16 + row * 15;
    const anchor = at < margin.left + 40 ? 'start' : at > width - margin.right - 40 ? 'end' : 'middle';
    marks.append(svg('g', { class: 'marker marker-' + field, 'data-value': value },
      svg('line', { x1: at, x2: at, y1: top + 3, y2: bottom }),
      svg('text', { x: at, y: top, 'text-anchor': anchor }, `${label} ${fmt(value)}`)));
  });
  chart.append(marks);

  $('#forecast-chart-desc').textContent = `P50 ${amount(spread.p50, unit)}, P80 ${amount(spread.p80, unit)}, `
    + `P95 ${amount(spread.p95, unit)}, mean ${amount(spread.mean, unit)}`
    + (deadline !== null && spread.onTime !== undefined && spread.onTime !== null
      ? `; ${share(spread.onTime)} of runs meet the deadline (${amount(deadline, unit)}).` : '.');
}

// ---------------------------------------------------------------------------------------------------------------
// What if

/** The whole numbers of 1 or more typed into a box, or null (and the status says why) when any is not one. */
function countsIn(input, what) {
  const counts = input.value.split(/[\s,;]+/).filter(Boolean).map(Number);
  if (counts.length === 0 || counts.some((n) => !Number.isInteger(n) || n < 1)) {
    $('#whatif-status').textContent = `${what} must be whole numbers of 1 or more, separated by commas.`;
    return null;
  }
  return counts;
}

async function runWhatIf(event) {
  event.preventDefault();
  const counts = countsIn($('#whatif-counts'), 'Agent counts');
  if (counts) await askWhatIf({ agentCounts: counts }, 'Comparing…');
}

/** The plan's cap on tasks at once, swept: the plan's own agents, at most that many tasks running. */
async function runCapSweep(event) {
  event.preventDefault();
  const caps = countsIn($('#whatif-caps'), 'Caps');
  if (caps) await askWhatIf({ maxConcurrent: caps }, 'Comparing caps…');
}

/** "How few agents finish by this deadline?": the deadline is checked here first, as the counts are. */
async function findFewest(event) {
  event.preventDefault();
  const text = $('#fewest-deadline').value.trim();
  const deadline = Number(text);
  if (text === '' || !Number.isFinite(deadline) || deadline <= 0) {
    $('#whatif-status').textContent = `The deadline must be a number above 0, in ${timeUnit()}.`;
    return;
  }
  await askWhatIf({ fewestAgents: { deadline } }, 'Finding the fewest agents…');
}

/** Sends a what-if question, one at a time (every button waits), and shows the answer or why it was refused. */
async function askWhatIf(question, waiting) {
  const status = $('#whatif-status');
  const buttons = [$('#whatif-button'), $('#caps-button'), $('#fewest-button')];
  status.textContent = waiting;
  buttons.forEach((button) => { button.disabled = true; });
  const response = await api(planPath('/what-if'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(question),
  });
  buttons.forEach((button) => { button.disabled = false; });
  if (!response.ok) {
    status.textContent = response.body.detail || 'The comparison failed';
    return;
  }
  status.textContent = '';
  renderWhatIf(response.body);
}

/** The count sweeps the page draws: generalist agents, and the plan's cap on tasks running at once. */
const SWEEPS = {
  agents: {
    title: 'Makespan by number of agents', axis: 'agents', column: 'Agents', attribute: 'data-agents',
    point: (n) => `${n} agents`, knee: (n) => `${n} agents`,
  },
  maxConcurrent: {
    title: 'Makespan by cap on tasks at once', axis: 'cap: tasks at once', column: 'Cap', attribute: 'data-cap',
    point: (n) => `cap ${n}`, knee: (n) => `a cap of ${n} ${n === 1 ? 'task' : 'tasks'} at once`,
  },
};

/**
 * The last answer, whatever question it was: a count sweep (agents, or the plan's cap) draws its curve and knee; a
 * fewest-agents answer says its sentence instead (the counts it tried are no sweep, so no curve), and all list their
 * rows.
 */
function renderWhatIf(result) {
  const series = result.kind === 'maxConcurrent' ? 'maxConcurrent' : 'agents';
  const sweep = SWEEPS[series];
  const rows = result.rows.filter((row) => row.series === series && row.makespan !== undefined && row.makespan !== null);
  const fewest = result.kind === 'fewestAgents' ? result.fewestAgents : null;
  renderFewest(fewest);
  const chart = $('#whatif-chart');
  for (const node of [...chart.childNodes]) if (node.nodeName !== 'title' && node.nodeName !== 'desc') chart.removeChild(node);
  chart.toggleAttribute('hidden', Boolean(fewest));
  chart.setAttribute('data-series', series);
  $('#whatif-chart-title').textContent = sweep.title;
  const knee = (result.knees || []).find((k) => k.series === series);
  $('#knee').textContent = knee ? `Knee: ${sweep.knee(knee.count)}. ${knee.reason}` : '';
  const unit = result.timeUnit;
  renderWhatIfRows(rows, unit, sweep);
  if (rows.length === 0 || fewest) return;
  const width = 760;
  const height = 340;
  const margin = { left: 64, right: 24, top: 24, bottom: 52 };
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const top = Math.max(...rows.map((row) => row.makespan)) * 1.1;
  const x = (index) => margin.left + (rows.length === 1 ? 0.5 : index / (rows.length - 1)) * (width - margin.left - margin.right);
  const y = (value) => height - margin.bottom - (value / top) * (height - margin.top - margin.bottom);
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  const step = niceStep(top, 6);
  for (let v = 0; v <= top; v += step) {
    axis.append(svg('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v) }));
    axis.append(svg('text', { x: margin.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  rows.forEach((row, index) => axis.append(svg('text', { x: x(index), y: height - margin.bottom + 18, 'text-anchor': 'middle' }, String(row.count))));
  axis.append(svg('text', { x: (margin.left + width - margin.right) / 2, y: height - 10, 'text-anchor': 'middle' }, sweep.axis));
  axis.append(svg('text', { x: 14, y: margin.top + (height - margin.top - margin.bottom) / 2, 'text-anchor': 'middle',
    transform: `rotate(-90 14 ${margin.top + (height - margin.top - margin.bottom) / 2})` }, `makespan (${unit})`));
  chart.append(axis);
  if (result.criticalPath <= top) {
    chart.append(svg('line', { class: 'bound', x1: margin.left, x2: width - margin.right, y1: y(result.criticalPath), y2: y(result.criticalPath) }));
    chart.append(svg('text', { class: 'bound-label', x: width - margin.right, y: y(result.criticalPath) - 6, 'text-anchor': 'end' },
      `critical path ${fmt(result.criticalPath)}`));
  }
  chart.append(svg('path', { class: 'curve', d: rows.map((row, index) => `${index ? 'L' : 'M'} ${x(index)} ${y(row.makespan)}`).join(' ') }));
  rows.forEach((row, index) => {
    chart.append(svg('circle', { class: 'point', cx: x(index), cy: y(row.makespan), r: 4, [sweep.attribute]: row.count },
      svg('title', {}, `${sweep.point(row.count)}: ${amount(row.makespan, unit)}`)));
    if (knee && row.count === knee.count) {
      chart.append(svg('circle', { class: 'knee-mark', cx: x(index), cy: y(row.makespan), r: 10, 'data-knee': String(knee.count) }));
      chart.append(svg('text', { class: 'knee-label', x: x(index), y: y(row.makespan) - 16, 'text-anchor': 'middle' }, `knee: ${knee.count}`));
    }
  });
  $('#whatif-chart-desc').textContent = rows.map((row) => `${sweep.point(row.count)}: ${amount(row.makespan, unit)}`).join('; ')
    + (knee ? `. The knee is at ${sweep.knee(knee.count)}.` : '');
}

/** The fewest agents found for a deadline, the count in bold, or why none was; empty for other questions. */
function renderFewest(fewest) {
  const box = $('#fewest');
  clear(box);
  box.className = 'fewest';
  if (!fewest) return;
  box.classList.add('deadline', fewest.agents ? 'met' : 'missed');
  const lead = fewest.agents ? `${fewest.agents} ${fewest.agents === 1 ? 'agent' : 'agents'}` : '';
  if (lead && fewest.reason.startsWith(lead)) {
    box.append(el('strong', {}, lead), fewest.reason.slice(lead.length));
  } else {
    box.append(fewest.reason);
  }
  $('#fewest-deadline').value = String(fewest.deadline);
}

/** One table row per count solved; the first column names what was counted. */
function renderWhatIfRows(rows, unit, sweep) {
  $('#whatif-count-header').textContent = sweep.column;
  $('#whatif-caption').textContent = sweep.title;
  const tbody = $('#whatif-table tbody');
  clear(tbody);
  for (const row of rows) {
    tbody.append(el('tr', {},
      el('td', { class: 'num' }, String(row.count)),
      el('td', { class: 'num' }, amount(row.makespan, unit)),
      el('td', { class: 'num' }, amount(row.lowerBound, unit)),
      el('td', {}, row.optimal ? 'yes' : 'no'),
      el('td', { class: 'num' }, `${fmt(row.savingsPercent)} %`),
      el('td', { class: 'num' }, `${fmt(row.speedup)}×`),
      el('td', { class: 'num' }, share(row.meanUtilization))));
  }
  $('#whatif-table').hidden = rows.length === 0;
}
