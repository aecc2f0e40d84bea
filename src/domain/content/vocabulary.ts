/** The fixed vocabularies an author picks from. One place, so the schema, the docs and the app agree. */

export const CONTENT_AREAS = {
  'development-diversity': {
    label: 'Human development, diversity and behaviour in the environment',
    fourArea: 'Human Development, Diversity, and Behavior in the Environment',
    threeDomain: 'assessment-planning',
  },
  'assessment-planning': {
    label: 'Assessment and planning',
    fourArea: 'Assessment, Diagnosis, and Treatment Planning',
    threeDomain: 'assessment-planning',
  },
  'intervention-practice': {
    label: 'Intervention and practice',
    fourArea: 'Psychotherapy, Clinical Interventions, and Case Management',
    threeDomain: 'intervention-practice',
  },
  'values-ethics': {
    label: 'Values and ethics',
    fourArea: 'Professional Values and Ethics',
    threeDomain: 'values-ethics',
  },
} as const;

export type ContentArea = keyof typeof CONTENT_AREAS;
export const CONTENT_AREA_IDS = Object.keys(CONTENT_AREAS) as [ContentArea, ...ContentArea[]];

/** The domains of the newer three-domain outline, named by the area ids they share with the older one. */
export const THREE_DOMAINS = {
  'values-ethics': 'Values and Ethics',
  'assessment-planning': 'Assessment and Planning',
  'intervention-practice': 'Intervention and Practice',
} as const;

export const OUTLINES = {
  'four-area': CONTENT_AREA_IDS,
  'three-domain': Object.keys(THREE_DOMAINS),
} as const;

export const QUALIFIERS = ['FIRST', 'NEXT', 'BEST', 'MOST', 'PRIMARY'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

export const DIFFICULTY_LABELS = { 1: 'easy', 2: 'medium', 3: 'hard' } as const;
export type Difficulty = keyof typeof DIFFICULTY_LABELS;
