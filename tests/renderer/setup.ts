import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setI18n } from 'react-i18next';
import { createI18n } from '../../shared/i18n';

// Components rendered on their own (outside <App>'s I18nProvider) speak English, as the tests do.
setI18n(createI18n('en'));

// The app shell imports every screen, the Progress charts (uPlot) too, and uPlot reads
// matchMedia when it loads. A quiet one for every file where the DOM has none
// (progress.test.tsx stubs the canvas as well).
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener: () => {},
  removeEventListener: () => {},
  addListener: () => {},
  removeListener: () => {},
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;

// A browser has window.print (the printable report and the workstation sheet call it); the test DOM
// may not. Tests spy on it to see that it was called.
window.print ??= () => {};

// The first render of a screen can take a second on a busy 2-core machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.location.hash = '';
  document.documentElement.className = '';
  delete document.documentElement.dataset.theme;
});
