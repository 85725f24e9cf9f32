// @vitest-environment happy-dom
/**
 * The React binding (renderer/i18n): a screen calling useT() speaks the setting's language,
 * <html lang dir> follow, and a new settings.language switches the text at once.
 * (A .ts file with createElement, so it runs with the other i18n tests.)
 */
import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, pageLanguage, useT } from '../../renderer/i18n';
import { formatLength } from '../../shared/i18n/format';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Probe(): ReactNode {
  const { t, lang, locale } = useT();
  return createElement(
    'p',
    null,
    `${t('tray:status.away')} | ${t('common:breaks', { count: 2 })} | ${lang} | ${formatLength(locale, 48, 'imperial')}`,
  );
}

let container: HTMLDivElement;
afterEach(() => {
  container?.remove();
  window.history.replaceState(null, '', '/');
});

function mount(language: string) {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const render = (lang: string) => act(() => root.render(createElement(I18nProvider, { language: lang, children: createElement(Probe) })));
  render(language);
  return { render, text: () => container.textContent, unmount: () => act(() => root.unmount()) };
}

describe('I18nProvider and useT', () => {
  it('speaks the chosen language, sets <html lang dir>, and switches live', () => {
    const view = mount('de');
    expect(view.text()).toBe('Nicht am Platz | 2 Pausen | de | 18,9 in');
    expect(document.documentElement.lang).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    view.render('fr');
    expect(view.text()).toMatch(/^Loin du poste \| 2 pauses \| fr \| 18,9\spo$/);
    expect(document.documentElement.lang).toBe('fr');
    view.unmount();
  });

  it("'system' follows navigator.languages; ?pseudo=1 turns on the pseudo-locale", () => {
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
    Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => ['pt-BR', 'es-MX'] });
    try {
      expect(pageLanguage('system')).toBe('es');
      expect(pageLanguage('de')).toBe('de');
      window.history.replaceState(null, '', '/?pseudo=1');
      expect(pageLanguage('de')).toBe('en-XA');
      const view = mount('system');
      expect(view.text()).toMatch(/^⟦Áŵáý ƒŕöɱ ţĥé ðéšķ ~+⟧ \| ⟦2 ƀŕéáķš ~+⟧ \| en-XA \| 18\.9 in$/);
      view.unmount();
    } finally {
      delete (window.navigator as { languages?: unknown }).languages;
      if (languages) Object.defineProperty(Navigator.prototype, 'languages', languages);
    }
  });
});
