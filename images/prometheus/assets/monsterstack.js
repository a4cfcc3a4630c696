// MonsterStack console: draws each <figure class="chart"> from Prometheus' own range API as an
// SVG line chart, and reloads the server-rendered parts (task map, task table) in place.
// Nothing leaves this origin; no library is needed.
'use strict';

const prefix = document.body.dataset.pathPrefix || '';
const params = new URLSearchParams(location.search);
const rangeSeconds = parseDuration(params.get('range') || '15m');
const svgNs = 'http://www.w3.org/2000/svg';
const colours = ['#6d28d9', '#db2777', '#0891b2', '#ca8a04', '#16a34a', '#ea580c', '#4f46e5', '#64748b'];
const chartRefreshMs = 10_000;
const liveRefreshMs = 5_000;

function parseDuration(text) {
    const match = /^(\d+)([smhd])$/.exec(text);
    const unit = { s: 1, m: 60, h: 3600, d: 86400 };
    return match ? Number(match[1]) * unit[match[2]] : 900;
}

// The value as the unit reads best: seconds as ms, shares as %, at most 3 significant digits.
function format(value, unit) {
    const short = (v) => String(Number(v.toPrecision(3)));
    if (unit === 's') return value < 1 ? `${short(value * 1000)} ms` : `${short(value)} s`;
    if (unit === '%') return `${short(value * 100)} %`;
    return `${short(value)} ${unit}`;
}

// A round step for about four gridlines up to max.
function niceStep(max) {
    const raw = max / 4;
    const power = 10 ** Math.floor(Math.log10(raw));
    return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw);
}

function svg(name, attributes, parent) {
    const element = document.createElementNS(svgNs, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    parent.appendChild(element);
    return element;
}

function legendOf(metric, names) {
    const parts = names.map((name) => metric[name]).filter(Boolean);
    return parts.length ? parts.join(' ') : (metric.__name__ || 'total');
}

function draw(figure, series, start, end, stepSeconds) {
    const plot = figure.querySelector('.plot');
    const unit = figure.dataset.unit;
    const threshold = figure.dataset.threshold ? Number(figure.dataset.threshold) : null;
    const names = figure.dataset.legend ? figure.dataset.legend.split(',') : [];
    const width = Math.max(plot.clientWidth, 280);
    const height = 170;
    const margin = { left: 64, right: 8, top: 8, bottom: 20 };
    const lines = series.map((s) => ({
        label: legendOf(s.metric, names),
        points: s.values.map(([t, v]) => [t, Number(v)]),
    })).sort((a, b) => a.label.localeCompare(b.label));
    const values = lines.flatMap((line) => line.points.map(([, v]) => v)).filter(Number.isFinite);
    const top = Math.max(...values, threshold ? threshold * 1.25 : 0) || 1;
    const step = niceStep(top);
    const yMax = Math.ceil(top / step) * step;
    const x = (t) => margin.left + (t - start) / (end - start) * (width - margin.left - margin.right);
    const y = (v) => height - margin.bottom - v / yMax * (height - margin.top - margin.bottom);

    plot.replaceChildren();
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height }, plot);
    for (let v = 0; v <= yMax + step / 2; v += step) {
        svg('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v), class: 'grid' }, chart);
        svg('text', { x: margin.left - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, chart).textContent = format(v, unit);
    }
    const timeTicks = width < 480 ? 2 : 4;  // a phone has room for three times, not five
    for (let i = 0; i <= timeTicks; i++) {
        const t = start + (end - start) * i / timeTicks;
        const label = new Date(t * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        svg('text', { x: x(t), y: height - 4, class: 'tick', 'text-anchor': i === 0 ? 'start' : i === timeTicks ? 'end' : 'middle' }, chart).textContent = label;
    }
    if (threshold !== null) {
        svg('line', { x1: margin.left, x2: width - margin.right, y1: y(threshold), y2: y(threshold), class: 'threshold' }, chart);
    }
    const legend = document.createElement('ul');
    legend.className = 'legend';
    lines.forEach((line, i) => {
        const colour = colours[i % colours.length];
        // A gap (NaN, or a scrape missing) breaks the line instead of joining across it.
        const path = line.points.map(([t, v], j) => {
            if (!Number.isFinite(v)) return '';
            const move = j === 0 || !Number.isFinite(line.points[j - 1][1]) ? 'M' : 'L';
            return `${move}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
        }).join('');
        svg('path', { d: path, stroke: colour, class: 'line' }, chart);
        // The value now, for a line that reaches now: a task gone or a version replaced has none.
        const last = line.points.filter(([, v]) => Number.isFinite(v)).pop();
        const live = last && last[0] >= end - 2 * stepSeconds;
        const item = document.createElement('li');
        item.style.setProperty('--colour', colour);
        item.textContent = `${line.label}${live ? ` · ${format(last[1], unit)}` : ''}`;
        if (!live) item.classList.add('ended');
        legend.appendChild(item);
    });
    if (!lines.length) {
        svg('text', { x: width / 2, y: height / 2, class: 'nodata', 'text-anchor': 'middle' }, chart).textContent = 'no data yet';
    }
    plot.appendChild(legend);
}

async function refreshChart(figure) {
    const end = Math.floor(Date.now() / 1000);
    const start = end - rangeSeconds;
    const step = Math.max(5, Math.round(rangeSeconds / 240));
    const query = new URLSearchParams({ query: figure.dataset.query, start, end, step });
    try {
        const response = await fetch(`${prefix}/api/v1/query_range?${query}`);
        const body = await response.json();
        if (body.status !== 'success') throw new Error(body.error || response.statusText);
        draw(figure, body.data.result, start, end, step);
        figure.classList.remove('failed');
    } catch (error) {
        figure.classList.add('failed');
        figure.querySelector('.plot').textContent = `cannot load: ${error.message}`;
    }
}

// The map and the table are rendered by the console template: fetch the page again and
// swap them in, so they follow tasks as Swarm starts and stops them.
async function refreshLive() {
    try {
        const response = await fetch(location.href);
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        for (const part of document.querySelectorAll('[data-refresh]')) {
            const fresh = page.querySelector(`[data-refresh="${part.dataset.refresh}"]`);
            if (fresh) part.replaceChildren(...fresh.childNodes);
        }
        document.body.dataset.refreshed = String(Date.now());
    } catch (error) {
        document.body.dataset.refreshFailed = error.message;
    }
}

const charts = [...document.querySelectorAll('figure.chart')];
const refreshCharts = () => Promise.all(charts.map(refreshChart))
    .then(() => { document.body.dataset.chartsDrawn = String(Date.now()); });
refreshCharts();
setInterval(refreshCharts, chartRefreshMs);
setInterval(refreshLive, liveRefreshMs);
