// What both browser tests share: the ok/FAIL lines and their tally, and Debian's Chromium opened at
// one viewport, with the page's console errors and requests recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// Chromium's own traffic (updates, sync, field trials) is switched off so every request is the page's.
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let passed = 0;
let failed = 0;

export function check(what, ok, detail = '') {
    if (ok) {
        passed++;
        console.log(`ok   ${what}`);
    } else {
        failed++;
        console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
    }
}

// Opens Chromium at the viewport with a fresh profile and runs steps(tab, context, label) in it: one
// broken step fails this size, the other sizes are still checked. Then the page must have logged no
// error and asked nothing outside origin. Returns the size's label, which starts each line.
export async function inChromium(viewport, timeout, origin, steps) {
    const profile = mkdtempSync(join(tmpdir(), 'monsterstack-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM,
        headless: true,
        args,
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.mobile,
        hasTouch: viewport.mobile,
        deviceScaleFactor: viewport.mobile ? 2 : 1,
    });
    context.setDefaultTimeout(timeout);
    const label = `${viewport.name} ${viewport.width}x${viewport.height}`;
    const requests = [];
    const errors = [];
    context.on('request', (request) => requests.push(request.url()));
    try {
        const tab = context.pages()[0] ?? await context.newPage();
        tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        tab.on('pageerror', (error) => errors.push(String(error)));
        await steps(tab, context, label);
    } catch (error) {
        check(`${label}: every step ran`, false, error.message.split('\n')[0]);
    } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
    }
    check(`${label}: no console errors`, errors.length === 0, errors.join(' | '));
    const foreign = requests.filter((url) => new URL(url).origin !== origin);
    check(`${label}: all ${requests.length} requests stay on ${origin}`, foreign.length === 0, foreign.join(' '));
    return label;
}

// Runs the test, prints the tally and sets the exit code: 0 only with nothing failed.
export async function run(what, test) {
    try {
        await test();
    } catch (error) {
        check(`the ${what} ran to the end`, false, error.stack);
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
}
