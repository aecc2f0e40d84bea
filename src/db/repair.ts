import type { RapportDatabase } from './database';
import { listingScope, progressScope, quickCheck, repairDerived, type DerivedTable } from './derived';

/**
 * Compares every derived row with a rebuild from the log, the cards and the packs, and rebuilds
 * the rows that disagree, in one transaction. Returns the tables that were repaired.
 */
export async function checkAndRepairProgress(db: RapportDatabase): Promise<DerivedTable[]> {
  return db.transaction('rw', [...progressScope(db), ...listingScope(db)], () => repairDerived(db));
}

/** The cheap check, and the repair when it finds rows out of step: what each opening of the database runs. */
export async function checkAtOpening(db: RapportDatabase): Promise<DerivedTable[]> {
  const wrong = await db.transaction('r', [...progressScope(db), ...listingScope(db)], () => quickCheck(db));
  if (wrong.length === 0) return [];
  const repaired = await checkAndRepairProgress(db);
  // Said once the rebuild has committed, so whoever reads it (a person, a test) sees repaired figures next.
  console.warn(`Rapport: derived rows were out of step with the review log (${wrong.join(', ')}); rebuilt them.`);
  return repaired;
}

/** How long after opening the check waits for the page to be idle at most: the first screen comes first. */
const CHECK_DELAY_MS = 3000;

const CHECKED_KEY = 'rapport-derived-rows-checked';

/**
 * Runs the opening check once the page is idle, off the path of the first screen, and once per tab:
 * moving between screens reloads no page, but a reload or a link opened anew would check again.
 */
export function scheduleOpeningCheck(db: RapportDatabase): void {
  if (checkedInThisTab()) return;
  const run = () => {
    if (!db.isOpen()) return;
    checkAtOpening(db).catch((error: unknown) => {
      // A closed database (another tab upgraded it, a test deleted it) has nothing left to check.
      if (db.isOpen()) console.error('Rapport: the check of derived rows failed', error);
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: CHECK_DELAY_MS });
  else setTimeout(run, CHECK_DELAY_MS);
}

/** Whether this tab has had its check; notes that it has. Without session storage, every opening checks. */
function checkedInThisTab(): boolean {
  try {
    if (sessionStorage.getItem(CHECKED_KEY)) return true;
    sessionStorage.setItem(CHECKED_KEY, '1');
  } catch {
    // No session storage (a test, a locked-down browser): check.
  }
  return false;
}
