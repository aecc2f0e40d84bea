import '../zodSetup.ts';
import { z } from 'zod';
import { CONTENT_AREA_IDS, OPTION_LETTERS, QUALIFIERS } from './vocabulary.ts';
import { ID_MAX_LENGTH } from '../ids.ts';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idMessage = 'use lower-case letters, digits and single hyphens, such as "trust-basics" or "ta-014"';

export const idSchema = z.string().trim().max(ID_MAX_LENGTH, `an id can be at most ${ID_MAX_LENGTH} characters long`).regex(ID_PATTERN, idMessage);
const text = z.string().trim().min(1, 'cannot be empty');

export const packMetaSchema = z.strictObject({
  id: idSchema,
  title: text,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'write the version as three numbers, such as 1.0.0'),
  description: text,
  authors: z.array(text).min(1, 'name at least one author'),
  licence: text.optional(),
  order: z
    .array(idSchema)
    .optional()
    .describe('Question ids in the order candidates meet them; questions not listed follow in file-name order.'),
});

export const questionFrontMatterSchema = z.strictObject({
  id: idSchema.describe('The question\'s id, unique in the whole content folder. Never change it once shared.'),
  area: z.enum(CONTENT_AREA_IDS).describe('ASWB content area; maps onto both the four-area and the three-domain outline.'),
  qualifier: z.enum(QUALIFIERS).describe('The capitalised key word of the lead-in.'),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], {
    error: 'must be 1 (easy), 2 (medium) or 3 (hard)',
  }).describe('1 easy, 2 medium, 3 hard.'),
  answer: z.enum(OPTION_LETTERS, { error: 'must be exactly one letter, A, B, C or D: the one best option' }).describe('The letter of the one best option.'),
  principles: z.array(idSchema).min(1, 'link at least one principle').describe('Ids of the principles this question rests on.'),
  tags: z.array(idSchema).default([]).describe('Topic words, lower-case with hyphens.'),
});

export const principleFrontMatterSchema = z.strictObject({
  id: idSchema,
  title: text,
  summary: text,
  sources: z.array(text).min(1, 'cite at least one source'),
});

const positiveWhole = z.number().int().positive();

export const blueprintSchema = z.strictObject({
  id: idSchema,
  title: text,
  description: text,
  outline: z.enum(['four-area', 'three-domain']),
  items: positiveWhole,
  /** Items that count towards the score; the rest are unscored pretest items. */
  scoredItems: positiveWhole.optional(),
  minutes: positiveWhole,
  sections: z.array(z.strictObject({ title: text, items: positiveWhole })).min(1).optional(),
  break: z
    .strictObject({
      minutes: positiveWhole,
      pausesClock: z.boolean(),
    })
    .optional(),
  passPercent: z.number().min(1).max(100).optional(),
  weights: z.record(z.string(), z.number().positive()),
});

export type PackMeta = z.infer<typeof packMetaSchema>;
export type QuestionFrontMatter = z.infer<typeof questionFrontMatterSchema>;
export type PrincipleFrontMatter = z.infer<typeof principleFrontMatterSchema>;
export type Blueprint = z.infer<typeof blueprintSchema>;
