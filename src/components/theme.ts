import type { Theme } from '../domain/progress';

const STORAGE_KEY = 'rapport-theme';

/** Light or dark regardless of the device, or follow it ('system'). Remembered for the next start. */
export function applyTheme(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private modes may refuse storage; the theme still applies for this visit.
  }
}

/** The theme chosen last time, applied before the first paint so the page does not flash. */
export function restoreTheme() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
  } catch {
    // No storage: follow the device.
  }
}
