import { readFileSync } from 'node:fs';

/** This build's version, from package.json (read from src/ and dist/ alike). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
