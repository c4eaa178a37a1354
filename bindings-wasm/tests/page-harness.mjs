// Shared by the page tests and the 1 M benchmark: serve bindings-wasm/page on 127.0.0.1
// with `python3 -m http.server` and drive Debian's Chromium (headless) through
// playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const PAGE_DIR = fileURLToPath(new URL('../page/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts the static server; resolves when it answers. */
export async function serve() {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', PAGE_DIR, String(port)], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i += 1) {
    try {
      const r = await fetch(url);
      if (r.ok) return { url, stop: () => proc.kill('SIGTERM') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGTERM');
  throw new Error('http.server did not start');
}

/** Launches headless Chromium with a fresh profile (playwright passes it as
 * `--user-data-dir`); `env` adds environment variables (e.g. `FONTCONFIG_FILE`). */
export async function browser(env = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'ssj-chromium-'));
  const b = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, ...env },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser: b,
    close: async () => {
      await b.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page, refusing any request that leaves the local server. */
export async function openPage(b, url, query = '') {
  const page = await b.newPage();
  const outside = [];
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(url)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, outside, errors };
}

/** Loads files into the page's file inputs: `{input: path, result: path, roster?: path}`. */
export async function load(page, files) {
  for (const [slot, path] of Object.entries(files)) {
    await page.setInputFiles(`#f-${slot}`, path);
  }
}

/** Clicks verify and waits for the verdict. */
export async function verify(page, timeout = 60_000) {
  await page.click('#verify');
  await page.waitForFunction(() => !document.querySelector('#verify').disabled && !document.querySelector('#outcome').hidden, null, { timeout });
  return {
    verdict: await page.textContent('#verdict'),
    cls: await page.getAttribute('#verdict', 'class'),
    detail: await page.textContent('#detail'),
  };
}
