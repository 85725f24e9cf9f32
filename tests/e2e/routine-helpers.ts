import type { Locator } from '@playwright/test';
import { expect, type App } from './fixtures';

/** The player's display tick (renderer/routine/RoutinePlayer.tsx TICK_MS). */
const TICK_MS = 250;
/** The player counts at most this much time between two ticks (its MAX_TICK_GAP_MS). */
const STEP_MS = 2000;

export const feelingQuestion = (app: App): Locator =>
  app.page.getByRole('heading', { name: 'How does your back feel now?' });

/**
 * Plays the routine on screen to its end on a fast-forwarded clock, the way time passes for a
 * user: the engine's clock and the page's Date move 2 s at a time (the most the player counts
 * between two ticks), then the page's timers run one tick so the player sees it. Returns the
 * step names shown, in order.
 */
export async function playRoutineToEnd(app: App, maxSeconds = 90): Promise<string[]> {
  const { page } = app;
  const stepName = page.locator('#rp-step-name');
  const seen: string[] = [];
  const feeling = feelingQuestion(app);
  for (let elapsed = 0; elapsed <= maxSeconds * 1000; elapsed += STEP_MS) {
    if (await feeling.isVisible()) break;
    const name = (await stepName.textContent({ timeout: 1000 }).catch(() => null))?.trim();
    if (name && seen.at(-1) !== name) seen.push(name);
    await app.advance(STEP_MS);
    await page.clock.runFor(TICK_MS);
  }
  await expect(feeling).toBeVisible();
  return seen;
}
