// Launches Debian Chromium headless through playwright-core (never a
// downloaded browser), and opens pages that record every console message
// and uncaught error so tests can assert a clean console.
import { chromium } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, headless: true });
}

/** A new page whose console problems are collected in `page.problems`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') page.problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  return page;
}

/** Waits until the app has mounted (the loading message is gone). */
export async function appReady(page) {
  await page.waitForSelector('#main', { timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('boot'));
}

/**
 * Waits until the page has handled every message posted to it so far and
 * the console lines that handling wrote have reached the test: a marker is
 * posted to the back of the page's message queue, and a listener added now
 * (after the app's own, so the app has handled the marker and everything
 * before it) logs it when it arrives. The positive signal to wait for
 * before asserting that messages had no effect, instead of a fixed sleep.
 * The app logs the marker as an ignored message too.
 */
export async function messagesHandled(page) {
  const mark = `atlas test: messages handled (${Math.random()})`;
  const logged = page.waitForEvent('console', (m) => m.text() === mark);
  await page.evaluate((mark) => {
    const seen = (event) => {
      if (event.data !== mark) return;
      removeEventListener('message', seen);
      console.info(mark);
    };
    addEventListener('message', seen);
    postMessage(mark, location.origin);
  }, mark);
  await logged;
}
