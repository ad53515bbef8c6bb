/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core, against `dyad serve`'s
 * app on 127.0.0.1 over a real SQLite store of the example articles. The bundle is built by the test
 * itself (vite, into a temp folder), so it always matches the sources. Every page is loaded; a search
 * is typed; an event shows its evidence highlighted; a network edge is followed; the map shows
 * points. No request may leave 127.0.0.1 and no console error may appear. Screenshots go to
 * artifacts/browser/ (gitignored). Without /usr/bin/chromium the tests skip with a message.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { createCoder } from '../src/index.js';
import { testServer, type TestServer } from '../src/api/testing.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const SHOTS = new URL('../artifacts/browser/', import.meta.url).pathname;
const skip = existsSync(CHROMIUM) ? false : `chromium is not installed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;
if (skip) console.log(`# SKIP browser tests: ${skip}`);

describe('dashboard in chromium', { skip }, () => {
  let server: TestServer;
  let base: string;
  let context: BrowserContext;
  let browser: Browser | null = null;
  let profile: string;
  let web: string;
  const outside: string[] = [];
  const consoleErrors: string[] = [];

  before(async () => {
    web = mkdtempSync(join(tmpdir(), 'dyad-web-build-'));
    await build({ configFile: new URL('../src/web/vite.config.ts', import.meta.url).pathname, logLevel: 'error', build: { outDir: web, emptyOutDir: true } });
    server = await testServer(createCoder(), { webRoot: web });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1360, height: 900 } });
    browser = context.browser();
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (web) rmSync(web, { recursive: true, force: true });
  });

  async function open(hash: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${hash}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${hash}: ${e.message}`));
    await page.goto(`${base}/${hash}`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  test('search: the table lists events; typing an actor filters it; a row opens its event with the evidence highlighted', async () => {
    const page = await open('#/search');
    await page.waitForSelector('table.events tbody tr');
    const all = await page.locator('table.events tbody tr').count();
    assert.ok(all > 3);
    await shot(page, 'search');
    await page.keyboard.press('/');
    await page.keyboard.type('Kishida');
    await page.keyboard.press('Enter');
    // The filtered table: fewer rows than before, and not the empty moment while it loads.
    await page.waitForFunction((n) => {
      const c = document.querySelectorAll('table.events tbody tr').length;
      return c > 0 && c < n;
    }, all);
    const rows = await page.locator('table.events tbody tr').allInnerTexts();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.match(r, /Kishida/);
    assert.match(page.url(), /actor=Kishida/);
    await page.locator('a.event-link').first().click();
    await page.waitForSelector('.doc-text mark.hl-focus.hl-trigger');
    const trigger = await page.locator('.doc-text mark.hl-focus.hl-trigger').first().innerText();
    const id = decodeURIComponent(page.url().split('#/event/')[1]);
    const api = await (await fetch(`${base}/api/v1/events/${id}`)).json() as { mentions: Array<{ trigger: { text: string } }> };
    assert.ok(api.mentions.some((m) => m.trigger.text.startsWith(trigger.trim()) || trigger.includes(m.trigger.text)), `${trigger} vs ${JSON.stringify(api.mentions)}`);
    assert.ok(await page.locator('.doc-text mark.hl-focus.hl-source').count() > 0);
    assert.match(await page.locator('code.rule').innerText(), /\S/);
    assert.match(await page.locator('.why code.knowledge').innerText(), /^dyad-/);
    await page.locator('button.evidence-link').first().click();
    await page.waitForSelector('mark.flash');
    await shot(page, 'event');
    await page.locator('a', { hasText: 'Open the whole document' }).click();
    await page.waitForSelector('section.document .doc-text mark.hl-date');
    assert.match(page.url(), /#\/document\//);
    assert.ok(await page.locator('section.document .doc-text mark.hl-trigger').count() > 0);
    await shot(page, 'document');
    await page.close();
  });

  test('network: clicking an edge lists its events', async () => {
    const page = await open('#/network');
    await page.waitForFunction(() => (window as unknown as { dyadNetwork?: { edges(): { length: number } } }).dyadNetwork?.edges().length);
    await page.waitForTimeout(300);
    const at = await page.evaluate(() => {
      const cy = (window as unknown as { dyadNetwork: { edges(): Array<{ renderedMidpoint(): { x: number; y: number }; source(): { id(): string }; target(): { id(): string } }> } }).dyadNetwork;
      const edge = cy.edges()[0];
      const box = (document.querySelector('.network-canvas') as HTMLElement).getBoundingClientRect();
      const m = edge.renderedMidpoint();
      return { x: box.left + m.x, y: box.top + m.y, source: edge.source().id(), target: edge.target().id() };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('.edge-events table.events tbody tr');
    assert.match(await page.locator('.edge-events h2').innerText(), new RegExp(`${at.source} → ${at.target}`));
    await shot(page, 'network');
    await page.close();
  });

  test('map: event places are drawn on the world map', async () => {
    const page = await open('#/map');
    await page.waitForSelector('svg.map circle.point');
    assert.ok(await page.locator('svg.map path.country').count() > 100);
    const titles = await page.locator('svg.map circle.point title').allTextContents();
    assert.ok(titles.length > 0);
    await shot(page, 'map');
    await page.close();
  });

  test('dyad timeline, visits, API docs and an unknown page load', async () => {
    const dyad = await open('#/dyad/JPN/IND?by=day');
    await dyad.waitForSelector('.chart canvas');
    await dyad.waitForSelector('table.events tbody tr');
    await shot(dyad, 'dyad');
    await dyad.close();
    const visits = await open('#/visits');
    await visits.waitForSelector('li.visit');
    assert.match(await visits.locator('li.visit').first().innerText(), /JPN|IND|Kishida/);
    await shot(visits, 'visits');
    await visits.locator('li.visit .evidence a').first().click();
    await visits.waitForSelector('.doc-text mark.hl-focus.hl-trigger');
    await visits.close();
    const empty = await open('#/search?actor=NOBODYATALL');
    await empty.waitForSelector('.notice-empty');
    assert.match(await empty.locator('.notice-empty').innerText(), /No events match/);
    await empty.close();
    const docs = await open('docs/');
    await docs.waitForSelector('.swagger-ui .opblock', { timeout: 20_000 });
    await shot(docs, 'api-docs');
    await docs.close();
  });

  test('no request left 127.0.0.1 and no console errors', () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors, []);
  });
});
