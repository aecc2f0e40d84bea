const STORAGE_KEY = 'rapport-eliminator-in-study';

/**
 * Whether study sessions offer the answer eliminator (the exam always does). Kept in this browser's
 * storage beside the theme, not in the settings row, which a backup carries in a fixed shape.
 */
export function eliminatorInStudy(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Returns whether the choice could be kept. */
export function setEliminatorInStudy(on: boolean): boolean {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, 'on');
    else localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}
