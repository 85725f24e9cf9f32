import { useEffect } from 'react';
import type { Theme } from '../../shared/settings';

export const THEME_CLASSES = { light: 'theme-light', dark: 'theme-dark' } as const;

/**
 * Applies settings.theme to <html>: a class for an explicit choice, none for "system"
 * (then the CSS follows prefers-color-scheme).
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.classList.toggle(THEME_CLASSES.light, theme === 'light');
  root.classList.toggle(THEME_CLASSES.dark, theme === 'dark');
  root.dataset.theme = theme;
}

export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    applyTheme(theme ?? 'system');
  }, [theme]);
}
