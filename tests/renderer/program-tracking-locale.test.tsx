/**
 * The program page's week figures are written the way the user's language writes numbers: a
 * walk logged in kilometres comes back as "1,5 km" in German, "1.5 km" in English.
 */
import { screen, within } from '@testing-library/react';
import { setI18n } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { addProgram, createFakeApi, makeState, NOW } from './fake-api';
import { renderApp } from './render';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  setI18n(createI18n('en'));
});

function withWalk(language: 'en' | 'de') {
  const fake = createFakeApi(makeState({ settings: { language } }));
  const program = addProgram(fake, { start: NOW.getTime() });
  cleanups.push(program.cleanup);
  program.service.dispatch({ type: 'program/start' });
  program.service.dispatch({ type: 'program/track-walk', minutes: 20, metres: 1500 });
  return fake;
}

describe('program tracking figures', { timeout: 30_000 }, () => {
  it.each([
    ['en', 'Tracking', 'Walking this week', '20 min · 1.5 km'],
    ['de', 'Verlauf', 'Gehen diese Woche', '20 Min. · 1,5 km'],
  ] as const)(
    '%s: the week walking figure uses the language’s decimal sign',
    async (language, title, label, expected) => {
      renderApp(withWalk(language), '#/program');
      const card = await screen.findByRole('region', { name: title });
      expect(within(card).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent).toBe(expected);
    },
  );
});
