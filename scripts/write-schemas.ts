/** `npm run schema`: writes docs/schema/*.schema.json from the content schema (a test keeps them current). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { contentJsonSchemas } from '../src/domain/content/jsonSchemas';

mkdirSync('docs/schema', { recursive: true });
for (const [name, schema] of Object.entries(contentJsonSchemas())) {
  writeFileSync(`docs/schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote docs/schema/${name}`);
}
