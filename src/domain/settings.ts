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
}

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: RETENTION_RANGE.default,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  theme: 'system',
  persistenceRequested: false,
};
