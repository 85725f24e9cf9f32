/**
 * Issue 15: the user picks a language in Settings and the whole app follows at once, with no
 * reload: the dashboard, the break prompt and a routine speak it, and <html lang> says so.
 * The expected words come from the catalogues (shared/i18n/locales), so a translation can be
 * reworded without touching this test; a few are written out to prove they are not English.
 */
import { fixedT, type TFunction } from '../../shared/i18n';
import { exerciseText, routineText } from '../../shared/i18n/text';
import { MIN, describeViolations, expect, test, type App } from './fixtures';

const en = fixedT('en');

async function axeClean(app: App, where: string): Promise<void> {
  const violations = await app.axe();
  expect(violations, `axe on ${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Settings → Language → `code`, as a user does it; the page switches without a reload. */
async function chooseLanguage(app: App, code: 'de' | 'es', from: TFunction): Promise<void> {
  const { page } = app;
  await page.getByRole('combobox', { name: from('settings:language.label'), exact: true }).selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect.poll(async () => (await app.engine.state()).settings.language).toBe(code);
}

/** The dashboard, the due prompt and a routine, in the language `t` speaks. */
async function seeTheAppIn(app: App, t: TFunction, lang: string): Promise<void> {
  const { page, engine } = app;
  await page.getByRole('link', { name: t('app:routes.dashboard.nav'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('dashboard:title') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('dashboard:status.takeBreak') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('dashboard:pause.button'), exact: true })).toBeVisible();
  await axeClean(app, `dashboard (${lang})`);

  // A break comes due: the prompt, in the same language (opened as the shell's prompt window).
  await app.advance(30 * MIN);
  await app.open('prompt');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1, name: t('prompt:due.title') })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(escape(t('prompt:choices.start'))) })).toBeVisible();
  await expect(page.getByText(t('prompt:back.label'))).toBeVisible();
  await axeClean(app, `prompt (${lang})`);

  // The routine: its name, its first move and the player's buttons.
  await page.getByRole('button', { name: new RegExp(escape(t('prompt:choices.start'))) }).click();
  // The page's request reaches the engine over loopback: wait for the routine to start.
  await expect.poll(async () => (await engine.state()).phase).toBe('routine');
  const { routine } = await engine.state();
  expect(routine).not.toBeNull();
  const first = routine!.steps[0]!;
  await expect(page.locator('#rp-step-name')).toHaveText(exerciseText(t, first.id).name);
  await expect(page.getByText(routineText(t, routine!.id).name).first()).toBeVisible();
  await expect(page.getByRole('button', { name: t('routine:controls.pause'), exact: true })).toBeVisible();
  await axeClean(app, `routine (${lang})`);
  await engine.dispatch({ type: 'routine/complete', feeling: 'same' });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('choosing German, then Spanish, in Settings: dashboard, prompt and routine follow at once', async ({ app }) => {
  test.slow();
  const { page } = app;
  const de = fixedT('de');
  const es = fixedT('es');

  await app.open('settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: en('settings:title') })).toBeVisible();

  // German: Settings itself switches at once, without a reload.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await chooseLanguage(app, 'de', en);
  await expect(page.getByRole('heading', { level: 1, name: de('settings:title') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await axeClean(app, 'settings (de)');
  await seeTheAppIn(app, de, 'de');
  // Written out once: German, not a fallback to English.
  await app.open('dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Heute' })).toBeVisible();

  // Spanish, chosen from the German Settings.
  await page.getByRole('link', { name: de('app:routes.settings.nav'), exact: true }).click();
  await chooseLanguage(app, 'es', de);
  await expect(page.getByRole('heading', { level: 1, name: es('settings:title') })).toBeVisible();
  await seeTheAppIn(app, es, 'es');
  await app.open('dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Hoy' })).toBeVisible();
});
