import type { Locator } from '@playwright/test';
import { expect, type App } from './fixtures';

declare global {
  interface Window {
    /** Every step name the player showed since playRoutineToEnd began, in order. */
    __stepNames?: string[];
    __stepWatch?: MutationObserver;
  }
}

/** The player's display tick (renderer/pages/routine/RoutinePlayer.tsx TICK_MS). */
const TICK_MS = 250;
/** The player counts at most this much time between two ticks (its MAX_TICK_GAP_MS). */
const STEP_MS = 2000;
/** The most routine time played in one go: the engine's clock moves, then the page catches up. */
const CHUNK_MS = 15_000;

/** Playwright's clock in the page (page.clock drives it; see playFor). */
interface PageClock {
  setFixedTime(time: number): void;
  runFor(ms: number): Promise<void>;
}

/**
 * `ms` pass: the engine's clock moves first, then the page's Date moves STEP_MS at a time (the
 * most the player counts between two ticks) and its timers run one tick after each move.
 *
 * The steps are taken in the page, on the clock page.clock installed there, in one round trip
 * instead of two per step; page.clock.setFixedTime then records the final time, so a page load
 * keeps it. Where that clock is not found (another Playwright), the same steps go through
 * page.clock one by one.
 */
async function playFor(app: App, ms: number): Promise<void> {
  const { page, engine } = app;
  const from = await engine.now();
  await engine.advance(ms);
  const stepped = await page.evaluate(
    async ({ from, ms, step, tick }) => {
      const clock = (globalThis as { __pwClock?: { controller?: PageClock } }).__pwClock?.controller;
      if (!clock) return false;
      for (let t = 0; t < ms;) {
        t = Math.min(ms, t + step);
        clock.setFixedTime(from + t);
        await clock.runFor(tick);
      }
      return true;
    },
    { from, ms, step: STEP_MS, tick: TICK_MS },
  );
  if (!stepped) {
    for (let t = 0; t < ms;) {
      t = Math.min(ms, t + STEP_MS);
      await page.clock.setFixedTime(from + t);
      await page.clock.runFor(TICK_MS);
    }
  }
  await page.clock.setFixedTime(from + ms);
  await app.settled();
}

export const feelingQuestion = (app: App): Locator =>
  app.page.getByRole('heading', { name: 'How does your back feel now?' });

/**
 * Plays the routine on screen to its end on a fast-forwarded clock, the way time passes for a
 * user (playFor). It plays in chunks of up to 15 s, the last one ending where the player's
 * "left of the minute" says the routine ends, so the engine hears the end when it happens.
 * Returns the step names shown, in order (recorded in the page each time the heading changes).
 */
export async function playRoutineToEnd(app: App, maxSeconds = 90): Promise<string[]> {
  const { page } = app;
  const feeling = feelingQuestion(app);
  await expect(page.locator('#rp-step-name').or(feeling)).toBeVisible();
  await page.evaluate(() => {
    window.__stepWatch?.disconnect();
    const names: string[] = (window.__stepNames = []);
    const record = () => {
      const name = document.getElementById('rp-step-name')?.textContent?.trim();
      if (name && names.at(-1) !== name) names.push(name);
    };
    record();
    window.__stepWatch = new MutationObserver(record);
    window.__stepWatch.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const left = page.locator('.rp-minute-time');
  let played = 0;
  while (played <= maxSeconds * 1000) {
    await expect(feeling.or(left)).toBeVisible();
    if (await feeling.isVisible()) break;
    // "0:42": what the player says is left of the routine, rounded up to the second. Gone
    // meanwhile: the player has just finished (the next round sees the question).
    const text = await left.textContent({ timeout: 500 }).catch(() => null);
    if (text === null) continue;
    const match = /^(\d+):(\d\d)$/.exec(text.trim());
    expect(match, `the time left reads "${text}"`).not.toBeNull();
    const leftMs = (Number(match![1]) * 60 + Number(match![2])) * 1000;
    const chunk = Math.min(CHUNK_MS, Math.max(leftMs, 250));
    await playFor(app, chunk);
    played += chunk;
  }
  await expect(feeling).toBeVisible();
  return page.evaluate(() => {
    window.__stepWatch?.disconnect();
    return window.__stepNames ?? [];
  });
}
