import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../scripts/security-headers';
import { launchChromium } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
let otherOrigin: Server;
beforeAll(async () => {
  browser = await launchChromium();
  // A page on another origin (another port) that tries to show the app in a frame.
  otherOrigin = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(`<!doctype html><title>Other site</title><iframe id="framed" src="${E2E_URL}/" width="600" height="400"></iframe>`);
  });
  await new Promise<void>((resolve) => otherOrigin.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await browser?.close();
  otherOrigin?.close();
});

describe('served with security headers', () => {
  it('sends the headers docs/deploy.md lists', async () => {
    const response = await fetch(`${E2E_URL}/principles`);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  });

  it('cannot be shown inside a frame on another origin', async () => {
    const page = await browser.newPage();
    const { port } = otherOrigin.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForTimeout(1500);
    const direct = await browser.newPage();
    await direct.goto(`${E2E_URL}/`);
    const appHeading = (await direct.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(appHeading).not.toBe('');
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    // A blocked frame holds the browser's error page, never the app.
    const framedText = framed ? await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(framedText).not.toContain(appHeading);
    expect(framedText).not.toContain('Statistics');
    await page.close();
    await direct.close();
  });
});
