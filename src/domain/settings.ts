// The candidate's settings. Apart from scheduling.ts, so that reading them loads no FSRS.

/** The share of reviews a candidate may ask to get right. */
export const RETENTION_RANGE = { min: 0.8, max: 0.97, default: 0.9 } as const;

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  examDate?: string | undefined;
  theme: Theme;
  /** Whether the browser has been asked to keep our storage (asked once, after a few answers). */
  persistenceRequested: boolean;
  /** When each synced setting was last changed here or on another device, for merging. */
  changedAt?: SettingsStamps | undefined;
}

/** Settings that follow the candidate from device to device; the rest belong to one browser. */
export const SYNCED_SETTINGS = ['desiredRetention', 'newPerDay', 'maxReviewsPerDay', 'examDate', 'theme'] as const;
export type SyncedSetting = (typeof SYNCED_SETTINGS)[number];

/** When each synced setting was last changed, in milliseconds since 1970; a missing field counts as never (0). */
export type SettingsStamps = Partial<Record<SyncedSetting, number>>;

/** `changes` with the synced fields among them stamped as changed at `now`. */
export function stampChanges(current: Settings, changes: Partial<Settings>, now: Date): Settings {
  const changedAt: SettingsStamps = { ...current.changedAt };
  for (const field of SYNCED_SETTINGS) if (field in changes) changedAt[field] = now.getTime();
  return { ...current, ...changes, changedAt };
}

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: RETENTION_RANGE.default,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  theme: 'system',
  persistenceRequested: false,
};
