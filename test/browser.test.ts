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
import { codeWithVisitFacts } from '../src/diplomacy/stored-facts.js';
import { TEXTS } from '../src/store/fixtures.js';

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
    const coder = createCoder();
    server = await testServer(coder, { webRoot: web });
    // A planned state visit beside the examples' occurred one, for the calendar.
    const planned = { id: 'planned-visit', text: TEXTS.original, published: '2024-05-13', title: 'A state visit is announced' };
    const coded = codeWithVisitFacts(coder, planned);
    await server.store.saveCoded({ ...planned, knowledgeVersion: coder.knowledge.version, visitFacts: coded.visitFacts, spans: coded.spans }, coded.result);
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

  test('visits calendar: planned and occurred visits on their days; arrows, PageDown/PageUp and Enter work from the keyboard; a day opens its meetings and outcomes', async () => {
    const page = await open('#/visits?month=2024-05');
    await page.waitForSelector('table.cal-grid');
    assert.equal(await page.locator('.cal-title').innerText(), 'May 2024');
    for (const day of ['2024-05-13', '2024-05-14', '2024-05-15']) assert.equal(await page.locator(`[data-day="${day}"] .cal-visit.status-occurred`).count(), 1, day);
    for (const day of ['2024-05-16', '2024-05-17']) assert.equal(await page.locator(`[data-day="${day}"] .cal-visit.status-planned`).count(), 1, day);
    assert.equal(await page.locator('[data-day="2024-05-18"] .cal-visit').count(), 0);
    assert.match(await page.locator('[data-day="2024-05-16"]').getAttribute('aria-label') ?? '', /Emmanuel Macron → DEU, planned/);
    // One tab stop in the grid; from the keyboard only.
    assert.equal(await page.locator('.cal-grid [tabindex="0"]').count(), 1);
    await page.locator('.cal-grid [tabindex="0"]').focus();
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.day ?? null);
    assert.equal(await focused(), '2024-05-01');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.day === '2024-05-16');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.cal-open li.visit');
    assert.match(page.url(), /day=2024-05-16/);
    const opened = await page.locator('.cal-open li.visit').innerText();
    assert.match(opened, /Emmanuel Macron/);
    assert.match(opened, /planned/);
    assert.match(opened, /Meetings: .*economy/);
    assert.match(opened, /Outcomes: joint statement \(planned\)/);
    await shot(page, 'visits-calendar');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.querySelector('.cal-title')?.textContent === 'June 2024');
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.day === '2024-06-16');
    assert.match(page.url(), /month=2024-06/);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.day === '2024-05-15');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => /Fumio Kishida/.test(document.querySelector('.cal-open')?.textContent ?? ''));
    assert.match(await page.locator('.cal-open').innerText(), /Outcomes: joint statement \(occurred\)/);
    await page.locator('.view-switch a', { hasText: 'timeline' }).click();
    await page.waitForSelector('svg.visit-timeline rect.bar.status-planned');
    await page.close();
  });

  test('no request left 127.0.0.1 and no console errors', () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors, []);
  });
});
