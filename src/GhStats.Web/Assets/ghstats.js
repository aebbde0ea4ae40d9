// Shared by every GhStats page: API calls with the antiforgery token, DOM building that only ever sets text,
// number and date formatting, the range picker, sortable tables and chart colours.

const body = document.body;
export const apiBase = body.dataset.api;
export const prefix = body.dataset.prefix;
const antiforgery = body.dataset.antiforgery;

/** An RFC 7807 problem the API answered with (the API's title and detail are in the page's language already). */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? t('errorWithDetail', { title, detail }) : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** Calls JSON API v1; writes send the antiforgery token; a problem becomes an ApiError. */
export async function api(path, { method = 'GET', body: payload } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers.RequestVerificationToken = antiforgery;
  }
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      credentials: 'same-origin',
    });
  } catch {
    throw noAnswer();
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw problemOf(response.status, data);
  }
  return data;
}

/** The ApiError for a request that got no answer at all (network down, server gone). */
const noAnswer = () => new ApiError(0, t('apiNoAnswer'), t('apiNoAnswerDetail'));

/** The ApiError for an answer that is not a success: a session that ended, or the API's problem. */
function problemOf(status, data) {
  if (status === 401) {
    return new ApiError(401, t('apiSessionEnded'), t('apiSessionEndedDetail'));
  }
  if (status === 413 && !data?.title) {
    return new ApiError(413, t('apiTooLarge'), t('apiTooLargeDetail'));
  }
  // The status is a code, not a quantity: no digit grouping.
  return new ApiError(status, data?.title ?? t('apiRequestFailed', { status: String(status) }), data?.detail ?? '');
}

/**
 * Posts a multipart form (FormData with files) to JSON API v1 with the antiforgery token, reporting how much of it is
 * sent through onProgress(sent, total) (fetch cannot tell); resolves with the JSON answer, or rejects with an ApiError.
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiBase + path);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('RequestVerificationToken', antiforgery);
    request.withCredentials = true;
    request.responseType = 'text';
    if (onProgress) {
      request.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : 0));
    }
    request.addEventListener('load', () => {
      const type = request.getResponseHeader('Content-Type') ?? '';
      let data = null;
      try {
        data = type.includes('json') && request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        data = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(data);
      else reject(problemOf(request.status, data));
    });
    request.addEventListener('error', () => reject(noAnswer()));
    request.addEventListener('abort', () => reject(new ApiError(0, t('apiUploadStopped'), '')));
    request.send(form);
  });
}

/** Builds an element; strings and numbers become text nodes, never markup. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** Shows a message in a live region: 'error', 'ok' or '' for plain. */
export function say(element, message, kind = '') {
  element.className = `status ${kind}`.trim();
  element.textContent = message;
}

/** The page's language (the html element's lang, chosen by the server): every text and format below follows it. */
export const lang = document.documentElement.lang || 'en';

// The page's strings: the shared module's and the page script's, from the same resource files as the server's texts.
const texts = JSON.parse(document.getElementById('ghstats-text')?.textContent || '{}');
const plurals = new Intl.PluralRules(lang);

/** Fills a string's {name} placeholders; numbers are formatted for the page's language. */
function fillIn(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

/** The page's string for a key with its {name} placeholders filled; a missing key shows as ⟦key⟧ so tests find it. */
export function t(key, values = {}) {
  const text = texts[key];
  return text === undefined ? `⟦${key}⟧` : fillIn(text, values);
}

/**
 * The page's string for a key as nodes to append: a placeholder whose value is a Node (a <time>, a link) puts that node
 * where the language's sentence has it; other values are filled in as t() fills them.
 */
export function tParts(key, values = {}) {
  const text = texts[key];
  if (text === undefined) return [`⟦${key}⟧`];
  return text.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined || !(name in values)) return part;
    const value = values[name];
    return value instanceof Node ? value : fillIn(part, values);
  });
}

/**
 * A string that depends on a count: key.one, key.few, key.many ... as the language's plural rules pick for count
 * (key.other when the language has no string for that form); {count} is filled in, formatted.
 */
export function tn(key, count, values = {}) {
  const form = `${key}.${plurals.select(count)}`;
  return t(form in texts ? form : `${key}.other`, { ...values, count });
}

const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
const moment = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const calendarDay = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const shortDay = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthOfYear = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A whole number in the page's language ("1,234", "1.234", "1 234"). */
export const formatNumber = (value) => (value === null || value === undefined ? '' : integer.format(value));

/** A moment (an ISO date and time) in the reader's time zone and the page's language. */
export const formatDate = (iso) => (iso ? moment.format(new Date(iso)) : '');

/** A calendar day (yyyy-MM-dd, as the API gives days) in the page's language; never shifted by the time zone. */
export const formatDay = (day) => (day ? calendarDay.format(new Date(`${day.slice(0, 10)}T00:00:00Z`)) : '');

/** How long ago (or ahead) a moment is, in the page's language: "3 hours ago", "vor 3 Stunden", "3 時間前". */
export function formatRelative(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.35, 'week'], [12, 'month'], [Infinity, 'year']];
  let amount = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return '';
}

/**
 * A chart's slot label (yyyy-MM-dd) in the page's language: the month and year per month, the day and month on a narrow
 * chart, else the day in full; a label that is not a day (a name) as it is.
 */
function slotLabel(label, per, narrow) {
  if (typeof label !== 'string' || !isoDayPattern.test(label)) return label;
  const date = new Date(`${label}T00:00:00Z`);
  if (per === 'month') return monthOfYear.format(date);
  return narrow ? shortDay.format(date) : calendarDay.format(date);
}

/** yyyy-MM-dd of a Date in UTC, as the API takes it. */
function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** Reads the range picker (see RangePicker.razor) and keeps its choice in the address bar. */
export function rangePicker(onChange) {
  const days = document.getElementById('range-days');
  const from = document.getElementById('range-from');
  const to = document.getElementById('range-to');
  const custom = document.getElementById('range-custom');
  const query = new URLSearchParams(location.search);
  if (query.get('from') && query.get('to')) {
    days.value = 'custom';
    from.value = query.get('from');
    to.value = query.get('to');
  } else if (query.get('days') && [...days.options].some((o) => o.value === query.get('days'))) {
    days.value = query.get('days');
  }

  const current = () => {
    if (days.value === 'custom' && from.value && to.value) {
      return { from: from.value, to: to.value };
    }
    const end = new Date();
    const start = new Date(end.getTime() - (Number(days.value === 'custom' ? 30 : days.value) - 1) * 86400000);
    return { from: isoDay(start), to: isoDay(end) };
  };

  const changed = () => {
    custom.classList.toggle('hidden', days.value !== 'custom');
    if (days.value === 'custom' && (!from.value || !to.value)) {
      const range = current();
      from.value ||= range.from;
      to.value ||= range.to;
    }
    const params = new URLSearchParams(location.search);
    params.delete('days');
    params.delete('from');
    params.delete('to');
    if (days.value === 'custom') {
      params.set('from', from.value);
      params.set('to', to.value);
    } else {
      params.set('days', days.value);
    }
    history.replaceState(null, '', `${location.pathname}?${params}`);
    onChange(current());
  };

  days.addEventListener('change', changed);
  from.addEventListener('change', changed);
  to.addEventListener('change', changed);
  custom.classList.toggle('hidden', days.value !== 'custom');
  return current;
}

/**
 * Makes a table sortable by the buttons in its header cells (data-sort="key", data-type="number|text").
 * render(rows) draws the body; the rows are sorted in place before each draw.
 */
export function sortable(table, rows, render, initial) {
  let key = initial?.key;
  let descending = initial?.descending ?? false;
  const headers = [...table.querySelectorAll('th[data-sort]')];
  const draw = () => {
    for (const th of headers) {
      th.setAttribute('aria-sort', th.dataset.sort === key ? (descending ? 'descending' : 'ascending') : 'none');
    }
    const header = headers.find((th) => th.dataset.sort === key);
    if (header) {
      const numeric = header.dataset.type === 'number';
      rows().sort((a, b) => {
        const x = a[key] ?? (numeric ? -1 : '');
        const y = b[key] ?? (numeric ? -1 : '');
        const order = numeric ? x - y : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
    }
    render();
  };
  for (const th of headers) {
    th.querySelector('button').addEventListener('click', () => {
      descending = th.dataset.sort === key ? !descending : th.dataset.type === 'number';
      key = th.dataset.sort;
      draw();
    });
  }
  return draw;
}

/** The theme's chart colours, read from the stylesheet so charts follow light and dark. */
function chartColors() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    series: [1, 2, 3, 4, 5, 6].map((n) => read(`--chart-${n}`)),
    text: read('--fg'),
    muted: read('--muted'),
    grid: read('--chart-grid'),
    gap: read('--gap-band'),
    gapHatch: read('--gap-hatch'),
    note: read('--marker-note'),
    release: read('--marker-release'),
  };
}

/** Runs of consecutive true entries, as [first, last] index pairs. */
function runsOf(flags) {
  const runs = [];
  let start = -1;
  for (let i = 0; i <= flags.length; i += 1) {
    if (i < flags.length && flags[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * Shades the slots of points that were not collected with a hatched band behind the lines, and records the bands as
 * chart.$gapBands ({ from, to, left, right } in canvas pixels) for tests and tools.
 */
const gapBand = {
  id: 'ghstatsGapBand',
  beforeDatasetsDraw(chart, _args, options) {
    const gaps = options.gaps ?? [];
    const { ctx, chartArea: area, scales: { x } } = chart;
    const step = gaps.length > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : area.width;
    const labels = chart.data.labels;
    chart.$gapBands = runsOf(gaps).map(([first, last]) => {
      const left = Math.max(area.left, x.getPixelForValue(first) - step / 2);
      const right = Math.min(area.right, x.getPixelForValue(last) + step / 2);
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, area.top, right - left, area.height);
      ctx.clip();
      ctx.fillStyle = options.color;
      ctx.fillRect(left, area.top, right - left, area.height);
      // Hatching, so the band reads as "no data" without relying on its colour.
      ctx.strokeStyle = options.hatch;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let offset = left - area.height; offset < right; offset += 8) {
        ctx.moveTo(offset, area.bottom);
        ctx.lineTo(offset + area.height, area.top);
      }
      ctx.stroke();
      ctx.restore();
      return { from: labels[first], to: labels[last], left, right };
    });
  },
};

const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

/**
 * Where a marker's date falls on a category axis of dates (labels, yyyy-MM-dd, ascending), as a slot index: the label
 * equal to the date; per 'week' or 'month' the period containing it; between two labels of an irregular series
 * (snapshot captures) a fraction between them. Null when the date is off the chart.
 */
function markerSlot(labels, date, per) {
  const day = dayNumber(date);
  const days = labels.map(dayNumber);
  if (per === 'week' || per === 'month') {
    const index = days.findLastIndex((start) => start <= day);
    if (index < 0) return null;
    const inPeriod = per === 'week' ? day < days[index] + 7 : labels[index].slice(0, 7) === date.slice(0, 7);
    return inPeriod ? index : null;
  }
  const exact = days.indexOf(day);
  if (exact >= 0) return exact;
  const after = days.findIndex((d) => d > day);
  if (after <= 0) return null;
  return after - 1 + (day - days[after - 1]) / (days[after] - days[after - 1]);
}

/** The markers that land on the chart, each with its slot and a key unique on the chart. */
function placeMarkers(labels, markers, per) {
  return (markers ?? []).map((marker, index) => ({ ...marker, key: `${marker.kind}-${marker.id ?? index}`, slot: markerSlot(labels, marker.date, per) }))
    .filter((marker) => marker.slot !== null);
}

/**
 * Draws chart markers: a vertical line at each marker's slot with a small flag at the top (a note dashed with a square
 * flag, a release solid with a triangle), the active one (focused or hovered in the list) thicker; records them as
 * chart.$markers ({ key, kind, date, x, active }) for tests and tools.
 */
const markerLines = {
  id: 'ghstatsMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales: { x } } = chart;
    const step = chart.data.labels.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : 0;
    chart.$markers = (options.markers ?? []).map((marker) => {
      const whole = Math.floor(marker.slot);
      const left = x.getPixelForValue(whole) + (marker.slot - whole) * step;
      const active = options.active === marker.key;
      const color = marker.kind === 'release' ? options.release : options.note;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = active ? 3 : 1.5;
      ctx.setLineDash(marker.kind === 'release' ? [] : [4, 3]);
      ctx.beginPath();
      ctx.moveTo(left, area.top);
      ctx.lineTo(left, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      const size = active ? 9 : 6;
      ctx.beginPath();
      if (marker.kind === 'release') {
        ctx.moveTo(left, area.top);
        ctx.lineTo(left + size * 1.5, area.top + size / 1.2);
        ctx.lineTo(left, area.top + size * 1.6);
      } else {
        ctx.rect(left, area.top, size * 1.5, size * 1.5);
      }
      ctx.fill();
      if (active) {
        ctx.font = 'bold 12px system-ui, sans-serif';
        ctx.fillStyle = options.text;
        const label = marker.title.length > 40 ? `${marker.title.slice(0, 39)}…` : marker.title;
        const width = ctx.measureText(label).width;
        ctx.fillText(label, Math.min(left + size * 1.5 + 4, area.right - width), area.top + 12);
      }
      ctx.restore();
      return { key: marker.key, kind: marker.kind, date: marker.date, x: left, active };
    });
  },
};

const markerWords = { note: 'markerNote', release: 'markerRelease' };

/**
 * The list of a chart's markers next to it (date, kind, title, text, link), each item focusable: focusing or hovering
 * one highlights its line; the canvas is described by a sentence that counts them. No markers: no list.
 */
function markerList(canvas, chart, placed) {
  const box = canvas.closest('.chart-box') ?? canvas;
  const id = `${canvas.id}-markers`;
  document.getElementById(id)?.remove();
  const described = (canvas.getAttribute('aria-describedby') ?? '').split(' ').filter((ref) => ref && ref !== `${id}-summary`);
  if (placed.length === 0) {
    if (described.length) canvas.setAttribute('aria-describedby', described.join(' '));
    else canvas.removeAttribute('aria-describedby');
    return;
  }
  const notes = placed.filter((m) => m.kind === 'note').length;
  const releases = placed.length - notes;
  const counted = [notes ? tn('markerNotes', notes) : '', releases ? tn('markerReleases', releases) : ''].filter(Boolean);
  const parts = counted.length === 2 ? t('markerBoth', { notes: counted[0], releases: counted[1] }) : counted[0];
  const highlight = (key) => {
    chart.options.plugins.ghstatsMarkers.active = key;
    chart.update('none');
  };
  const items = placed.map((marker) => el('li', {
    tabindex: '0',
    class: `marker ${marker.kind}`,
    'data-marker': marker.key,
    onfocus: () => highlight(marker.key),
    onblur: () => highlight(null),
    onmouseenter: () => highlight(marker.key),
    onmouseleave: () => highlight(document.activeElement?.dataset?.marker ?? null),
  },
  el('time', { datetime: marker.date, class: 'nowrap' }, formatDay(marker.date)), ' ',
  el('span', { class: `tag marker-kind ${marker.kind}` }, marker.kind === 'note' && marker.scope === 'tenant' ? t('markerTenantNote') : markerWords[marker.kind] ? t(markerWords[marker.kind]) : marker.kind), ' ',
  el('strong', { translate: 'no' }, marker.title),
  marker.text && marker.text !== marker.title ? [' ', el('span', { class: 'marker-text', translate: 'no' }, marker.text)] : '',
  marker.link ? [' ', el('a', { href: marker.link, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('markerReadMore'), el('span', { class: 'sr-only', translate: 'no' }, `: ${marker.title}`))] : ''));
  box.after(el('div', { class: 'chart-markers', id },
    el('p', { class: 'note', id: `${id}-summary` }, t('markerSummary', { markers: parts })),
    el('ul', { class: 'marker-list' }, items)));
  canvas.setAttribute('aria-describedby', [...described, `${id}-summary`].join(' '));
}

/**
 * The x axis of a chart over days, weeks or months: ticks and tooltip titles in the page's language (the year goes on a
 * narrow chart; the table and tooltips keep the full date).
 */
function slotAxis(per) {
  return {
    ticks: { callback(value) { return slotLabel(this.getLabelForValue(value), per, this.chart.width < 640); } },
  };
}

const slotTitle = (per) => (items) => (items.length === 0 ? '' : slotLabel(items[0].label, per, false));

/**
 * On a weekly chart, says in a line under it (and in the chart, for screenshots) that weeks start on Monday, as GitHub's
 * weeks do; gone again when the chart shows days or months.
 */
function weekNote(canvas, per) {
  const box = canvas.closest('.chart-box') ?? canvas;
  const id = `${canvas.id}-week-note`;
  document.getElementById(id)?.remove();
  const described = (canvas.getAttribute('aria-describedby') ?? '').split(' ').filter((ref) => ref && ref !== id);
  if (per === 'week') {
    box.after(el('p', { class: 'note week-note', id }, t('weeksStartOnMonday')));
    described.push(id);
  }
  if (described.length) canvas.setAttribute('aria-describedby', described.join(' '));
  else canvas.removeAttribute('aria-describedby');
}

/** What the marker plugin of a chart draws, in the theme's colours; nothing active at first. */
function markerOptions(placed, colors) {
  return { markers: placed, active: null, note: colors.note, release: colors.release, text: colors.text };
}

/**
 * A line chart with the theme's colours; datasets: [{ label, data, dashed }]. Nulls are bridged (snapshot histories).
 * markers: the API's chart markers, drawn on the chart and listed next to it; per: 'day', 'week' or 'month' slots.
 */
export function lineChart(canvas, labels, datasets, { title, markers, per } = {}) {
  const colors = chartColors();
  const Chart = globalThis.Chart;
  Chart.defaults.color = colors.muted;
  Chart.defaults.borderColor = colors.grid;
  const placed = placeMarkers(labels, markers, per);
  const chart = new Chart(canvas, {
    type: 'line',
    plugins: [markerLines],
    data: {
      labels,
      datasets: datasets.map((set, index) => ({
        label: set.label,
        data: set.data,
        borderColor: colors.series[index % colors.series.length],
        backgroundColor: colors.series[index % colors.series.length],
        borderDash: set.dashed ? [6, 4] : undefined,
        pointRadius: labels.length > 60 ? 0 : 2,
        spanGaps: true,
        tension: 0.2,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: lang,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: slotAxis(per) },
      plugins: {
        legend: { labels: { color: colors.text } },
        title: title ? { display: true, text: title, color: colors.text } : undefined,
        subtitle: { display: per === 'week', text: t('weeksStartOnMonday'), color: colors.muted },
        tooltip: { callbacks: { title: slotTitle(per) } },
        ghstatsMarkers: markerOptions(placed, colors),
      },
    },
  });
  weekNote(canvas, per);
  markerList(canvas, chart, placed);
  return chart;
}

/**
 * A traffic chart that tells what is known: one slot per period (labels), nulls for periods not collected drawn as a
 * gap (no line across) over a hatched band, partly known periods marked with a diamond, both in the legend, and a
 * tooltip that says "Not collected" on a gap and what each period's coverage is (coverage.describe(index)).
 * coverage: { gaps: bool[], partial: bool[], partialLabel, describe(index) -> string }; a dataset may carry its own
 * partial: bool[] (several repositories on one chart), and its own nulls break its line where the others go on;
 * markers and per as lineChart's.
 */
export function coverageChart(canvas, labels, datasets, coverage, { markers, per } = {}) {
  const colors = chartColors();
  const placed = placeMarkers(labels, markers, per);
  const Chart = globalThis.Chart;
  Chart.defaults.color = colors.muted;
  Chart.defaults.borderColor = colors.grid;
  const plain = labels.length > 60 ? 0 : 2;
  const lines = datasets.map((set, index) => ({
    label: set.label,
    data: set.data,
    borderColor: colors.series[index % colors.series.length],
    backgroundColor: colors.series[index % colors.series.length],
    borderDash: set.dashed ? [6, 4] : undefined,
    pointStyle: (set.partial ?? coverage.partial).map((partial) => (partial ? 'rectRot' : 'circle')),
    pointRadius: (set.partial ?? coverage.partial).map((partial) => (partial ? 5 : plain)),
    pointHoverRadius: (set.partial ?? coverage.partial).map((partial) => (partial ? 7 : 4)),
    spanGaps: false,
    // Monotone curves never dip below a zero day or overshoot a peak that GitHub did not report.
    cubicInterpolationMode: 'monotone',
  }));
  // Invisible points on every slot, so that the tooltip has something to show over a gap, where every line is empty.
  const slots = {
    label: 'coverage', data: labels.map(() => 0), coverageSlots: true, showLine: false, pointRadius: 0, pointHoverRadius: 0,
  };
  const extras = [];
  if (coverage.gaps.some(Boolean)) {
    extras.push({ text: t('chartNotCollected'), fillStyle: colors.gap, strokeStyle: colors.gapHatch, lineWidth: 1, pointStyle: 'rect', hidden: false, fontColor: colors.text });
  }
  if (coverage.partial.some(Boolean) || datasets.some((set) => set.partial?.some(Boolean))) {
    extras.push({ text: coverage.partialLabel, fillStyle: colors.text, strokeStyle: colors.text, lineWidth: 1, pointStyle: 'rectRot', hidden: false, fontColor: colors.text });
  }
  const defaults = Chart.defaults.plugins.legend;
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels, datasets: [...lines, slots] },
    plugins: [gapBand, markerLines],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: lang,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
        x: slotAxis(per),
      },
      plugins: {
        ghstatsGapBand: { gaps: coverage.gaps, color: colors.gap, hatch: colors.gapHatch },
        ghstatsMarkers: markerOptions(placed, colors),
        subtitle: { display: per === 'week', text: t('weeksStartOnMonday'), color: colors.muted },
        legend: {
          labels: {
            color: colors.text,
            usePointStyle: true,
            generateLabels: (chart) => [
              ...defaults.labels.generateLabels(chart)
                .filter((item) => !chart.data.datasets[item.datasetIndex].coverageSlots)
                .map((item) => ({ ...item, pointStyle: 'line' })),
              ...extras,
            ],
          },
          // The coverage entries explain markings; they hide nothing.
          onClick(event, item, legend) {
            if (item.datasetIndex !== undefined) defaults.onClick.call(this, event, item, legend);
          },
        },
        tooltip: {
          filter: (item) => !item.dataset.coverageSlots || coverage.gaps[item.dataIndex],
          callbacks: {
            title: slotTitle(per),
            label: (item) => (item.dataset.coverageSlots ? t('chartNotCollected') : t('chartSeriesValue', { series: item.dataset.label, value: item.formattedValue })),
            footer: (items) => (items.length === 0 ? '' : coverage.describe(items[0].dataIndex)),
          },
        },
      },
    },
  });
  weekNote(canvas, per);
  markerList(canvas, chart, placed);
  return chart;
}

/** A tiny line of values drawn as SVG (no chart library needed per row); nulls leave a gap. */
export function sparkline(values, label) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 100 24');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const max = Math.max(1, ...values.filter((v) => v !== null));
  const step = values.length > 1 ? 100 / (values.length - 1) : 100;
  // A null (a day not collected) breaks the line: the next known value starts a new segment.
  const path = values.map((v, i) => (v === null ? ''
    : `${i === 0 || values[i - 1] === null ? 'M' : 'L'}${(i * step).toFixed(2)},${(22 - (v / max) * 20).toFixed(2)}`)).filter(Boolean).join(' ');
  const line = document.createElementNS(ns, 'path');
  line.setAttribute('d', path || 'M0,22 L100,22');
  svg.append(line);
  return svg;
}

/** Opens a <dialog> whose buttons submit it; resolves with the value of the button pressed, or null for cancel or Escape. */
export function ask(dialog) {
  return new Promise((resolve) => {
    const done = () => {
      dialog.removeEventListener('close', done);
      resolve(dialog.returnValue && dialog.returnValue !== 'cancel' ? dialog.returnValue : null);
    };
    dialog.returnValue = '';
    dialog.addEventListener('close', done);
    dialog.showModal();
  });
}

/** Asks to confirm a destructive action in the page's #confirm-dialog (ConfirmDialog.razor); resolves true if confirmed. */
export async function confirmAction(question, action) {
  fill(document.getElementById('confirm-text'), question);
  fill(document.getElementById('confirm-yes'), action);
  return (await ask(document.getElementById('confirm-dialog'))) === 'yes';
}

/** Runs a form's submission with its buttons disabled, so a double click sends it once. */
export async function submitting(form, task) {
  const buttons = [...form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  try {
    return await task();
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

/** The page's string for a key, or fallback where the page has none (a wire name the resources do not name yet). */
export const textOr = (key, fallback) => (key in texts ? t(key) : fallback);

/** A camelCase wire name as words ("noPushAccess" -> "no push access"), for a wire name the page has no words for. */
export const wireWords = (name) => String(name).replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);

/** A list joined as the page's language joins one ("a, b", "a、b"), narrow. */
const lists = new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' });
export const formatList = (items) => lists.format(items);

/** A collection's outcome in words: "ok" or the error kind the API names (NotFound, RateLimited ...). */
export const statusName = (name) => textOr(`status.${name}`, name);

/** Words for a repository's data-loss horizon state: the page says it in text, colour only repeats it. */
export const horizonNames = { fine: t('horizonFine'), atRisk: t('horizonAtRisk'), losingDays: t('horizonLosingDays') };
const horizonBadgeKinds = { fine: 'ok', atRisk: 'warn', losingDays: 'failed' };

/** A badge naming a horizon state ({ state, lastDailyReadOn, daysSinceRead }). */
export const horizonBadge = (horizon) =>
  el('span', { class: `badge ${horizonBadgeKinds[horizon.state] ?? ''}`.trim() }, horizonNames[horizon.state] ?? horizon.state);

/** How many days ago, in the page's language: "today", "yesterday", "20 days ago". */
const sinceRead = (horizon) => relative.format(-horizon.daysSinceRead, 'day');

/**
 * When daily traffic was last read, in words: "last daily read Nov 16, 2026, 20 days ago" or "daily traffic never read
 * (added 3 days ago)", as nodes to append; the date never breaks inside.
 */
export function horizonText(horizon) {
  const ago = sinceRead(horizon);
  return horizon.lastDailyReadOn
    ? tParts('horizonLastRead', { day: el('time', { class: 'nowrap', datetime: horizon.lastDailyReadOn }, formatDay(horizon.lastDailyReadOn)), ago })
    : [t('horizonNeverRead', { ago })];
}

/** The day of the last successful daily read, short, for a table cell: the date, or "never read"; how long ago in its title. */
export function horizonDay(horizon) {
  const ago = sinceRead(horizon);
  return horizon.lastDailyReadOn
    ? el('time', { class: 'nowrap', datetime: horizon.lastDailyReadOn, title: t('horizonLastReadTitle', { ago }) }, formatDay(horizon.lastDailyReadOn))
    : el('span', { title: t('horizonAddedTitle', { ago }) }, t('horizonNeverReadShort'));
}

// The menu's language picker: choosing a language submits its form at once (the Apply button is there without scripts).
const languageForm = document.getElementById('language-form');
if (languageForm) {
  languageForm.querySelector('#language-apply').hidden = true;
  languageForm.querySelector('#language').addEventListener('change', () => languageForm.requestSubmit());
}
