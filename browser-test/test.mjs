// Drives Debian's Chromium against a running frontend at three sizes; run by scripts/browser-test.sh.
// Environment: FRONTEND_URL, BACKEND_URL, MONSTER_SIZE, MONSTERSTACK_SALT, OUT_DIR, CHROMIUM, and
// README_SCREENSHOT: where to save the desktop card for the README (optional).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { check, inChromium, run } from './browser.mjs';

const base = process.env.FRONTEND_URL;
const backend = process.env.BACKEND_URL;
const monsterSize = Number(process.env.MONSTER_SIZE);
const salt = process.env.MONSTERSTACK_SALT;
const outDir = process.env.OUT_DIR;
const origin = new URL(base).origin;

const viewports = [
    { name: 'desktop', width: 1280, height: 800, mobile: false },
    { name: 'phone', width: 390, height: 844, mobile: true },
    { name: 'small-phone', width: 320, height: 640, mobile: true },
];
// Widths between the phone and a large desktop, each checked for sideways scrolling.
const sweep = [320, 340, 360, 375, 379, 380, 414, 480, 640, 641, 768, 1024, 1366, 1920];

const monsterPath = (name) => '/monster/' + createHash('sha256').update(salt + name, 'utf8').digest('hex');

// The side the backend draws, read from the PNG's IHDR (width at bytes 16–19).
async function backendSide(name) {
    const response = await fetch(`${backend}/monster/${encodeURIComponent(name)}?size=${monsterSize}`);
    const png = Buffer.from(await response.arrayBuffer());
    return png.readUInt32BE(16);
}

// Sideways scrolling: content wider than the window. A phone zooms out to show overflowing
// content, which widens innerWidth too, so the width the window was opened with counts as well.
async function fitsWidth(page) {
    const size = await page.evaluate(() => ({
        scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        innerWidth: window.innerWidth,
    }));
    size.width = page.viewportSize().width;
    return [size.scrollWidth <= Math.min(size.innerWidth, size.width), JSON.stringify(size)];
}

// Waits for the monster to load and decode, then reports its natural and drawn sizes.
const monster = (page) => page.evaluate(async () => {
    const img = document.querySelector('.monster img');
    try {
        await img.decode();
    } catch (error) {
        return { src: img.getAttribute('src'), error: String(error) };
    }
    const box = img.getBoundingClientRect();
    return {
        src: img.getAttribute('src'),
        naturalWidth: img.naturalWidth,
        naturalHeight: img.naturalHeight,
        width: box.width,
        right: box.right,
        rendering: getComputedStyle(img).imageRendering,
        caption: document.querySelector('.monster figcaption').textContent,
    };
});

async function checkMonster(label, page, name, side) {
    const shown = await monster(page);
    check(`${label}: the monster of "${name}" is shown`,
        shown.src === monsterPath(name) && shown.caption === name, JSON.stringify(shown));
    check(`${label}: the <img> decodes at the backend's size (${side} px)`,
        shown.naturalWidth === side && shown.naturalHeight === side, JSON.stringify(shown));
    check(`${label}: the monster fits the window and stays pixelated`,
        shown.right <= page.viewportSize().width && shown.rendering === 'pixelated' && shown.width >= 200,
        JSON.stringify(shown));
}

async function visit(viewport, defaultSide, typedSide, linkedSide) {
    await inChromium(viewport, 10_000, origin, async (page, context, label) => {
        const response = await page.goto(base + '/', { waitUntil: 'load' });
        check(`${label}: GET / answers 200`, response.status() === 200, String(response.status()));
        check(`${label}: no sideways scrolling`, ...await fitsWidth(page));
        await checkMonster(label, page, 'John Doe', defaultSide);
        await page.screenshot({ path: join(outDir, `${viewport.name}.png`), fullPage: true });
        if (viewport.name === 'desktop' && process.env.README_SCREENSHOT) {
            // The card and a rim of the background: what a visitor sees, in a small file.
            const card = await page.locator('.card').boundingBox();
            const rim = 24;
            await page.screenshot({ path: process.env.README_SCREENSHOT, clip: {
                x: card.x - rim, y: card.y - rim, width: card.width + 2 * rim, height: card.height + 2 * rim } });
        }

        // Keyboard: Tab from the name field reaches the button, which shows a focus ring.
        await page.focus('#name');
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
            const active = document.activeElement;
            const style = getComputedStyle(active);
            return { tag: active.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        check(`${label}: keyboard focus on the button is visible`,
            ring.tag === 'BUTTON' && ring.style !== 'none' && ring.width >= 2, JSON.stringify(ring));
        await page.screenshot({ path: join(outDir, `${viewport.name}-focus.png`) });

        // The form: type a name, press Summon, land on a shareable address showing its monster.
        await page.fill('#name', 'Ada Lovelace');
        await Promise.all([page.waitForURL('**/?name=*'), page.click('button[type=submit]')]);
        check(`${label}: the form lands on a shareable address`,
            page.url() === `${base}/?name=Ada+Lovelace`, page.url());
        await checkMonster(`${label} after Summon`, page, 'Ada Lovelace', typedSide);
        check(`${label} after Summon: no sideways scrolling`, ...await fitsWidth(page));
        await page.screenshot({ path: join(outDir, `${viewport.name}-summoned.png`), fullPage: true });

        // A link straight to a name, with characters that need encoding.
        await page.goto(`${base}/?name=${encodeURIComponent('Ωmega')}`, { waitUntil: 'load' });
        await checkMonster(`${label} GET /?name=Ωmega`, page, 'Ωmega', linkedSide);

        // Asked outside the page: its CSP (connect-src falls back to default-src 'none') forbids fetch().
        const icons = await Promise.all(['/favicon.svg', '/favicon.ico']
            .map(async (path) => (await context.request.get(base + path)).status()));
        check(`${label}: favicons answer 200`, icons.every((status) => status === 200), JSON.stringify(icons));

        if (viewport.name === 'desktop') {
            for (const width of sweep) {
                await page.setViewportSize({ width, height: 800 });
                check(`width ${width}: no sideways scrolling`, ...await fitsWidth(page));
            }
        }
    });
}

// The tutorial's `curl -X POST -d "name=Docker" http://<node>:5000/` must still print Docker's page.
async function tutorialPost() {
    const response = await fetch(base + '/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Docker',
    });
    const page = await response.text();
    check('POST name=Docker answers with the page and Docker\'s monster',
        response.status === 200 && page.includes(`<img src="${monsterPath('Docker')}"`), String(response.status));
}

await run('browser test', async () => {
    await tutorialPost();
    const sides = await Promise.all(['John Doe', 'Ada Lovelace', 'Ωmega'].map((name) => backendSide(monsterPath(name).slice(9))));
    for (const viewport of viewports) {
        await visit(viewport, ...sides);
    }
});
