import '../zodSetup';
import { z } from 'zod';
import { blueprintSchema, packMetaSchema, principleFrontMatterSchema, questionFrontMatterSchema } from './schema';

/** JSON Schemas of the same zod schemas the checker uses, for editors with YAML support. */
export function contentJsonSchemas(): Record<string, unknown> {
  const describe = (schema: z.ZodType, title: string, description: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title,
    description,
  });
  return {
    'pack.schema.json': describe(packMetaSchema, 'Rapport pack.yaml', 'The title, version and authors of a question pack.'),
    'question.schema.json': describe(questionFrontMatterSchema, 'Rapport question front matter', 'The fields between the --- lines of a question file.'),
    'principle.schema.json': describe(principleFrontMatterSchema, 'Rapport principle front matter', 'The fields between the --- lines of a principle file.'),
    'blueprint.schema.json': describe(blueprintSchema, 'Rapport exam blueprint', 'An exam format: items, time, sections and domain weights.'),
  };
}
