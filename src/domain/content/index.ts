// Types and vocabularies only: the parser (zod, yaml) stays out of the app's first load.
// Import it from './compile' or './check' where it is needed.
export type * from './types';
export * from './vocabulary';
