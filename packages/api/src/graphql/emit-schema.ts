import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, printSchemaFile } from './schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

// Run by `schema:emit`; the schema test fails when the committed file differs.
if (require.main === module) {
  createSchema()
    .then((schema) => writeFileSync(SCHEMA_FILE, printSchemaFile(schema)))
    .then(() => console.log(`wrote ${SCHEMA_FILE}`));
}
