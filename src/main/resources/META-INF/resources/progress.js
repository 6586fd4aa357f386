'use strict';
// Progress and versions on a plan's page (CONTRACT §6): the form that marks a task done or started and moves `now`,
// the version picker with what changed since the last version, and what the Gantt chart draws for them (started bars
// striped, done tasks on a row of their own, the now line, slipped tasks and tasks that changed agent marked). Loaded
// after app.js, whose helpers and `view` it uses.

/** The plan's now, as the version shown states it: the time since the plan began (0 when it states none). */
function nowOf() {
  return Number((view.plan && view.plan.now) || 0);
}

/** Once the plan is read: the version it is at, and the handlers of the picker and the form. */
function setUpProgress(detail) {
  view.version = detail.version;
  view.shown = null;
  $('#version-select').addEventListener('change', (event) => showVersion(Number(event.target.value)));
  $('#update-task').addEventListener('change', fillTask);
  $('#update-status').addEventListener('change', fitStatus);
  $('#update-form').addEventListener('submit', sendProgress);
}

/** The plan as it is now: its document and its current version. */
async function reloadPlan() {
  const detail = await api(planPath());
  if (!detail.ok) return;
  view.plan = detail.body.plan;
  view.version = detail.body.version;
}

/** The versions listed again, and what depends on the version shown: the picker, "since the last version", the form. */
async function refreshVersions() {
  const response = await api(planPath('/versions'));
  view.versions = response.ok ? response.body : [];
  renderVersionParts();
}

function renderVersionParts() {
  renderVersionPicker();
  renderSince();
  renderUpdateForm();
}

/** Shows a version: the current one live (polling while it is re-planned), an earlier one as it was, read-only. */
async function showVersion(number) {
  if (number === view.version) {
    view.shown = null;
    await reloadPlan();
    await refresh();
    return;
  }
  clearTimeout(view.polling);
  const response = await api(planPath('/versions/' + number));
  if (!response.ok) {
    $('#update-message').textContent = response.body.detail || `Version ${number} could not be read.`;
    return;
  }
  view.shown = number;
  view.plan = response.body.plan;
  view.schedule = response.body.schedule;
  view.report = response.body.report || null;
  renderAll();
  renderVersionParts();
}

/** One option per version, first to current: its number, its now and its finish. */
function renderVersionPicker() {
  const select = $('#version-select');
  clear(select);
  const unit = timeUnit();
  for (const version of view.versions) {
    const finish = version.status === 'SOLVING' ? 're-planning'
      : version.makespan === null || version.makespan === undefined ? 'not solved' : `finish ${amount(version.makespan, unit)}`;
    select.append(el('option', { value: String(version.version) },
      `Version ${version.version}${version.current ? ' (current)' : ''} · now ${fmt(version.now)} · ${finish}`));
  }
  select.value = String(view.shown ?? view.version);
  $('#version-note').textContent = view.shown === null ? ''
    : `Version ${view.shown} as it was, read-only: choose the current version to update progress.`;
}

/** The tasks that changed agent or slipped since the last version, by task: {agent, slip} from the report. */
function changesOf(report) {
  const changes = new Map();
  const since = report ? report.sinceLastVersion : null;
  if (!since) return changes;
  const entry = (task) => changes.get(task) || changes.set(task, {}).get(task);
  for (const move of since.changedAgent) entry(move.task).agent = move;
  for (const slip of since.slipped) entry(slip.task).slip = slip;
  return changes;
}

/** The report's "Since the last version": its summary, the tasks the update touched, and a row per change. */
function renderSince() {
  const report = view.report;
  const since = report ? report.sinceLastVersion : null;
  const box = $('#since-last');
  box.hidden = !since;
  if (!since) return;
  const unit = report.timeUnit;
  $('#since-title').textContent = `Since the last version (${since.previousVersion})`;
  $('#since-summary').textContent = since.summary;
  $('#since-touched').textContent = [since.changed.length ? `The update changed ${since.changed.join(', ')}.` : '',
    since.removed.length ? `It removed ${since.removed.join(', ')}.` : ''].filter(Boolean).join(' ');
  const tbody = $('#since-table tbody');
  clear(tbody);
  const row = (task, change, className, ...cells) => el('tr', { 'data-task': task, class: className },
    el('th', { scope: 'row' }, task), el('td', {}, change), ...cells.map((cell) => el('td', {}, cell)));
  for (const move of since.changedAgent) tbody.append(row(move.task, 'changed agent', 'changed-agent', move.from, move.to, '', ''));
  for (const slip of since.slipped) {
    tbody.append(row(slip.task, 'slipped', 'slipped', `ends ${at(slip.from)}`, `ends ${at(slip.to)}`, `+${amount(slip.by, unit)}`,
      slip.because));
  }
  $('#since-table').hidden = tbody.childNodes.length === 0;
}

/** What changed for a task since the last version, in a sentence; empty when nothing did. */
function changeText(change) {
  if (!change) return '';
  const unit = timeUnit();
  return [change.slip ? `Slipped by ${amount(change.slip.by, unit)} since the last version (it ended ${at(change.slip.from)}): `
    + `${change.slip.because}.` : '',
  change.agent ? `Moved from ${change.agent.from} to ${change.agent.to} since the last version.` : ''].filter(Boolean).join(' ');
}

function changeClasses(change) {
  return (change && change.slip ? ' slipped' : '') + (change && change.agent ? ' changed-agent' : '');
}

/** The mark after a changed task's bar: "+1" for a slip of 1, "⇄" for a change of agent. */
function changeMark(change, x, y) {
  const text = [change.slip ? '+' + fmt(change.slip.by) : '', change.agent ? '⇄' : ''].filter(Boolean).join(' ');
  return svg('text', { class: 'change-mark', x, y, 'aria-hidden': 'true' }, text);
}

/** Where a task stands, when it is under way or done: "Started on dev-1, 25 % done; 2.25 days to go." */
function standingText(task, assignment, unit) {
  if (task.status === 'done') return `Done${task.agent ? ' by ' + task.agent : ''}.`;
  if (task.status !== 'started' || !assignment) return '';
  const done = task.progress === undefined || task.progress === null ? '' : `, ${share(task.progress)} done`;
  return `Started on ${assignment.agent}${done}; ${amount(assignment.end - assignment.start, unit)} to go.`;
}

/** The fill of a started bar: its pool's colour under white stripes, one pattern per colour. */
function startedFill(defs, color) {
  const id = 'started-' + color.replace('#', '');
  if (!defs.querySelector('#' + id)) defs.append(stripes(id, color, 'rgba(255, 255, 255, .6)', 45, 8, 3));
  return `url(#${id})`;
}

/**
 * Where the done tasks are drawn on their row: chips ending where each task ended (now, or before), packed leftwards
 * so that none covers another, narrowed when the row cannot hold them all and moved right when they would reach
 * into the labels.
 */
function doneChips(done, x, labelWidth) {
  const sorted = [...done].sort((a, b) => b.end - a.end || a.task.localeCompare(b.task));
  const natural = sorted.map((a) => a.task.length * 7 + 28);
  const total = natural.reduce((sum, width) => sum + width + 2, 0);
  const scale = Math.min(1, (x(Math.max(0, ...sorted.map((a) => a.end))) - labelWidth - 4) / Math.max(total, 1));
  const shrink = Math.max(scale, 0.25);
  const chips = new Map();
  let edge = Infinity;
  sorted.forEach((assignment, index) => {
    const width = natural[index] * shrink;
    const right = Math.min(x(assignment.end), edge);
    chips.set(assignment.task, { left: right - width, width, full: shrink === 1 });
    edge = right - width - 2;
  });
  const shift = Math.max(0, labelWidth + 4 - Math.min(Infinity, ...[...chips.values()].map((chip) => chip.left)));
  for (const chip of chips.values()) chip.left += shift;
  return chips;
}

/** A done task's chip: faded, a check and its id when they fit. */
function doneChip(chip, id, y, rowHeight, color) {
  const parts = [svg('rect', { x: chip.left, y: y + 5, width: chip.width, height: rowHeight - 10, rx: 8, fill: color })];
  const text = chip.full ? '✓ ' + id : chip.width >= 14 ? '✓' : '';
  if (text) parts.push(svg('text', { x: chip.left + 6, y: y + rowHeight / 2 + 4 }, text));
  return parts;
}

/** The vertical line at now, labelled above the axis. */
function nowMarker(left, labelY, top, bottom, width) {
  const now = nowOf();
  return svg('g', { class: 'now-marker', 'data-now': now, role: 'img', 'aria-label': `now: ${at(now)}` },
    svg('line', { class: 'now-line', x1: left, x2: left, y1: labelY + 4, y2: bottom }),
    svg('text', { class: 'now-label', x: left, y: labelY, 'text-anchor': left > width - 60 ? 'end' : 'middle' }, `now: ${at(now)}`));
}

/** The legend's entries for where tasks stand and what changed, each only when the chart draws it. */
function progressLegend(assignments, changes, now) {
  const entries = [];
  if (assignments.some((a) => a.status === 'started')) entries.push(legendEntry('started', 'started (goes on from now)'));
  if (assignments.some((a) => a.status === 'done')) entries.push(legendEntry('done', 'done'));
  if (now > 0) entries.push(legendEntry('now', 'now'));
  const all = [...changes.values()];
  if (all.some((change) => change.slip)) entries.push(legendEntry('slipped', 'slipped since the last version (+ by how much)'));
  if (all.some((change) => change.agent)) entries.push(legendEntry('changed-agent', 'changed agent since the last version (⇄)'));
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// The progress form

/** The agents a task can be given: the report's, else those the plan lists and its pools generate. */
function agentIds() {
  if (view.report) return view.report.agentLoads.map((load) => load.agent);
  return [...(view.plan.agents || []).map((agent) => agent.id),
    ...(view.plan.pools || []).flatMap((pool) => Array.from({ length: pool.workers || 0 }, (_, i) => `${pool.id}-${i + 1}`))];
}

/**
 * The form, read-only while an earlier version is shown. Filled again only when the current version changes, so that
 * what is being typed survives a re-plan's polling.
 */
function renderUpdateForm() {
  $('#update-fields').disabled = view.shown !== null;
  if (view.shown !== null || view.formVersion === view.version) return;
  view.formVersion = view.version;
  const taskSelect = $('#update-task');
  const chosen = taskSelect.value;
  clear(taskSelect);
  for (const task of view.plan.tasks) {
    taskSelect.append(el('option', { value: task.id },
      `${task.id}${task.title ? ' — ' + task.title : ''} (${task.status || 'planned'})`));
  }
  const next = view.plan.tasks.find((task) => task.id === chosen) || view.plan.tasks.find((task) => task.status !== 'done');
  if (next) taskSelect.value = next.id;
  const agentSelect = $('#update-agent');
  clear(agentSelect);
  agentSelect.append(el('option', { value: '' }, 'none (any agent)'));
  for (const agent of agentIds()) agentSelect.append(el('option', { value: agent }, agent));
  $('#update-now').value = String(nowOf());
  fillTask();
}

/** The schedule's agent for a task, if it has one. */
function scheduledAgent(id) {
  const assignment = view.schedule ? (view.schedule.assignments || []).find((a) => a.task === id) : null;
  return assignment && assignment.agent ? assignment.agent : '';
}

/** The chosen task as the plan has it: its status, its progress and its agent (the schedule's, when under way). */
function fillTask() {
  const id = $('#update-task').value;
  const task = view.plan.tasks.find((t) => t.id === id) || {};
  $('#update-status').value = task.status || 'planned';
  $('#update-progress').value = task.progress === undefined || task.progress === null ? '' : String(task.progress);
  $('#update-agent').value = task.agent || '';
  fitStatus();
}

/** Progress is asked for a started task only; a started or done task is given its scheduled agent unless one is chosen. */
function fitStatus() {
  const status = $('#update-status').value;
  $('#update-progress').disabled = status !== 'started';
  const agent = $('#update-agent');
  if (status !== 'planned' && !agent.value) agent.value = scheduledAgent($('#update-task').value);
}

/** A number typed into a box: the number, or the text as typed (for the service to name what is wrong with it). */
function typed(text) {
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

/** The update the form describes: one task's status (with progress and agent as the status needs), and now. */
function formUpdate() {
  const status = $('#update-status').value;
  const agent = $('#update-agent').value || null;
  const entry = { status };
  const progress = $('#update-progress').value.trim();
  if (status === 'started' && progress !== '') entry.progress = typed(progress);
  // A planned task's agent pins it (none unpins it); a started one needs its agent; a done one keeps it when named.
  if (status !== 'done' || agent) entry.agent = agent;
  const update = { tasks: { [$('#update-task').value]: entry } };
  const now = $('#update-now').value.trim();
  if (now !== '') update.now = typed(now);
  return update;
}

/** The boxes a refused field names, marked invalid. */
const FIELD_BOXES = { progress: '#update-progress', remaining: '#update-progress', agent: '#update-agent',
  status: '#update-status', now: '#update-now' };

/**
 * Sends the update, made from the version the page shows (If-Match): a refusal names its fields beside the form; an
 * update from a version another one replaced meanwhile is refused (409), and the page reloads the current one to be
 * checked and sent again; once stored, the new version's re-plan is followed as a solve is.
 */
async function sendProgress(event) {
  event.preventDefault();
  const errors = $('#update-errors');
  const message = $('#update-message');
  clear(errors);
  document.querySelectorAll('#update-form [aria-invalid]').forEach((box) => box.removeAttribute('aria-invalid'));
  const button = $('#update-button');
  button.disabled = true;
  message.textContent = 'Sending the update…';
  const shown = view.version;
  const response = await api(planPath('/progress'), {
    method: 'PATCH', headers: { 'Content-Type': 'application/json', 'If-Match': `"${shown}"` },
    body: JSON.stringify(formUpdate()),
  });
  button.disabled = false;
  if (response.status === 409) {
    message.textContent = `Not applied: this page showed version ${shown}, but another update made version `
      + `${response.body.currentVersion} meanwhile. The current version is shown now: check the form and update again.`;
    view.formVersion = null;
    view.shown = null;
    await reloadPlan();
    await refresh();
    return;
  }
  if (!response.ok) {
    message.textContent = '';
    const problem = typeof response.body === 'object' ? response.body : { detail: String(response.body) };
    const list = el('ul');
    for (const violation of violationsOf(problem)) {
      list.append(violationItem(violation));
      const box = FIELD_BOXES[(violation.field || '').split('.').pop()];
      if (box) $(box).setAttribute('aria-invalid', 'true');
    }
    errors.append(el('strong', {}, problem.title || 'Refused'), list);
    return;
  }
  message.textContent = `Version ${response.body.version} stored (now ${at(response.body.now)}); the schedule is re-planned from it.`;
  view.shown = null;
  await reloadPlan();
  await refresh();
}
