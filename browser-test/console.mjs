// Drives Debian's Chromium against Prometheus' MonsterStack console (images/prometheus/consoles/);
// run by scripts/browser-test.sh. Environment: PROMETHEUS_URL, OUT_DIR, CHROMIUM, and
// SCREENSHOT: where to save the desktop page (optional).
import { join } from 'node:path';
import { check, inChromium, run } from './browser.mjs';

const base = process.env.PROMETHEUS_URL;
const outDir = process.env.OUT_DIR;
const origin = new URL(base).origin;
const page = `${base}/consoles/monsterstack.html`;

const viewports = [
    { name: 'console-desktop', width: 1440, height: 900, mobile: false },
    { name: 'console-phone', width: 390, height: 844, mobile: true },
];

// What the page shows once its charts are drawn: per chart, its lines and legend; the map.
const shown = (tab) => tab.evaluate(() => ({
    title: document.title,
    heading: document.querySelector('h1').textContent,
    charts: [...document.querySelectorAll('figure.chart')].map((figure) => ({
        caption: figure.querySelector('figcaption').textContent,
        failed: figure.classList.contains('failed') ? figure.querySelector('.plot').textContent : '',
        lines: [...figure.querySelectorAll('path.line')].filter((path) => /L/.test(path.getAttribute('d'))).length,
        legend: [...figure.querySelectorAll('.legend li')].map((item) => item.textContent),
    })),
    nodes: [...document.querySelectorAll('.map .node')].map((node) => ({
        name: node.querySelector('h3').textContent,
        tasks: [...node.querySelectorAll('.task')].map((task) => ({
            what: task.querySelector('.what').textContent,
            version: task.querySelector('.version').textContent,
            id: task.querySelector('.id').textContent,
            state: task.querySelector('.state').textContent,
        })),
    })),
    rows: [...document.querySelectorAll('table.tasks tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
}));

const chart = (view, caption) => view.charts.find((c) => c.caption.startsWith(caption)) ?? { lines: 0, legend: [] };

async function visit(viewport) {
    const refused = [];
    const size = await inChromium(viewport, 20_000, origin, async (tab, context, label) => {
        context.on('response', (response) => response.status() >= 400 && refused.push(`${response.status()} ${response.url()}`));

        const response = await tab.goto(page, { waitUntil: 'load' });
        check(`${label}: the console answers 200`, response.status() === 200, String(response.status()));
        await tab.waitForFunction(() => document.body.dataset.chartsDrawn);
        const view = await shown(tab);
        check(`${label}: titled for MonsterStack`, view.title.includes('MonsterStack') && view.heading.includes('MonsterStack'),
            `${view.title} / ${view.heading}`);
        check(`${label}: every chart loaded`, view.charts.length >= 7 && view.charts.every((c) => !c.failed),
            JSON.stringify(view.charts.filter((c) => c.failed)));
        const byVersion = chart(view, 'Requests per second');
        check(`${label}: request rate drawn by service and version`,
            byVersion.lines >= 2 && byVersion.legend.some((l) => l.startsWith('frontend ')) && byVersion.legend.some((l) => l.startsWith('imagebackend ')),
            JSON.stringify(byVersion));
        check(`${label}: p99 drawn by version`, chart(view, 'p99 latency').lines >= 1, JSON.stringify(chart(view, 'p99 latency')));
        check(`${label}: 5xx share drawn`, chart(view, '5xx answers').lines >= 1, JSON.stringify(chart(view, '5xx answers')));
        const layers = chart(view, 'Monsters answered');
        check(`${label}: monsters drawn by cache layer`, layers.lines >= 1 && layers.legend.some((l) => /^(memory|redis|backend) /.test(l)),
            JSON.stringify(layers));
        check(`${label}: visits drawn`, chart(view, 'Visits per minute').lines >= 1, JSON.stringify(chart(view, 'Visits per minute')));
        const perTask = chart(view, 'Requests per second, by task');
        check(`${label}: request rate drawn per task, with its node`, perTask.lines >= 2 && perTask.legend.length >= 2,
            JSON.stringify(perTask));

        const tasks = view.nodes.flatMap((node) => node.tasks);
        check(`${label}: the map shows each node with its tasks`,
            view.nodes.length >= 1 && view.nodes.every((node) => node.name && node.tasks.length > 0), JSON.stringify(view.nodes));
        check(`${label}: the map has frontend and image backend tasks, each with version, task ID and health`,
            tasks.some((t) => t.what.startsWith('frontend.')) && tasks.some((t) => t.what.startsWith('imagebackend.'))
                && tasks.every((t) => t.version && /^[a-z0-9]{12}$/.test(t.id) && ['ready', 'warming', 'down', 'gone'].includes(t.state)),
            JSON.stringify(tasks));
        check(`${label}: every task is ready`, tasks.length > 0 && tasks.every((t) => t.state === 'ready'), JSON.stringify(tasks));
        check(`${label}: the task table has a row per task with its node and request rate`,
            view.rows.length === tasks.length && view.rows.every((row) => row[2] && /^[0-9]+\.[0-9]{2}$/.test(row[5])),
            JSON.stringify(view.rows));
        check(`${label}: no sideways scrolling`, view.scrollWidth <= view.innerWidth, `${view.scrollWidth} > ${view.innerWidth}`);

        // The map and the table are fetched again and swapped in place.
        await tab.waitForFunction(() => document.body.dataset.refreshed || document.body.dataset.refreshFailed);
        const refreshed = await tab.evaluate(() => ({
            failed: document.body.dataset.refreshFailed,
            tasks: document.querySelectorAll('.map .task').length,
        }));
        check(`${label}: the map refreshes in place`, !refreshed.failed && refreshed.tasks === tasks.length, JSON.stringify(refreshed));

        await tab.screenshot({ path: join(outDir, `${viewport.name}.png`), fullPage: true });
        if (viewport.name === 'console-desktop' && process.env.SCREENSHOT) {
            await tab.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
        }
    });
    check(`${size}: no request refused`, refused.length === 0, refused.join(' '));
}

await run('console test', async () => {
    for (const viewport of viewports) {
        await visit(viewport);
    }
});
