// Regenerates the committed OpenAPI document from the zod schemas: `npm run openapi`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, OPENAPI_FILE } from '../src/contract/openapi.js';

const target = fileURLToPath(new URL(`../${OPENAPI_FILE}`, import.meta.url));
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
