/** Words for a failed write that a candidate can act on. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'This device is out of storage space, so nothing was saved. Free some space, and download a backup from Settings so your progress is safe.';
  }
  if (name === 'DatabaseClosedError' || name === 'VersionChangeError') {
    return 'Rapport was updated in another tab. Reload this page to continue; your saved answers are safe.';
  }
  return `Saving failed: ${error instanceof Error ? error.message : String(error)}`;
}
