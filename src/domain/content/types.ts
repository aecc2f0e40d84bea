import type { Blueprint, PackMeta, PrincipleFrontMatter, QuestionFrontMatter } from './schema';
import type { OptionLetter } from './vocabulary';

export type Severity = 'error' | 'warning';

/** One finding about one place in one file, worded for the instructor who wrote it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

export interface SourceFile {
  /** Path relative to the content folder, with forward slashes: `packs/trust-alliance/ta-001.md`. */
  path: string;
  text: string;
}

export interface QuestionOption {
  letter: OptionLetter;
  text: string;
  rationale: string;
}

export interface Question extends Omit<QuestionFrontMatter, 'answer'> {
  answer: OptionLetter;
  stem: string;
  leadIn: string;
  options: QuestionOption[];
  /** Changes whenever the wording a candidate sees changes; progress is keyed by id, not by this. */
  contentHash: string;
  /** Where the question came from, for messages. */
  file: string;
}

/** A question without its text: see facts.ts. */
export type QuestionFacts = Pick<Question, 'id' | 'principles' | 'area' | 'contentHash' | 'qualifier' | 'difficulty' | 'answer'>;

export interface Pack extends PackMeta {
  questions: Question[];
}

export interface Principle extends PrincipleFrontMatter {
  body: string;
  file: string;
}

export type { Blueprint, PackMeta };

export interface ContentBundle {
  principles: Principle[];
  packs: Pack[];
  blueprints: Blueprint[];
}

export interface CompileResult extends ContentBundle {
  problems: Problem[];
}
