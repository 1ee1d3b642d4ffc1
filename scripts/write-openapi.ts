import { writeFileSync } from 'node:fs';
import { renderOpenApiDocument } from '../src/openapi-document.js';

// Regenerates the committed API document; test/openapi.test.ts fails when it is stale.
const target = new URL('../openapi/openapi.json', import.meta.url);
writeFileSync(target, await renderOpenApiDocument());
process.stdout.write('openapi/openapi.json written\n');
