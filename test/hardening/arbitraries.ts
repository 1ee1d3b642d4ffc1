import fc, { type Arbitrary } from 'fast-check';
import { deref, type JsonSchema } from './contract.js';

const deepArray = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 0);
const deepObject = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 0);

/** Strings that break naive parsers, renderers, SQL and FTS5 queries, and path handling. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  'a'.repeat(600),
  'x'.repeat(20_000),
  'nul\u0000byte',
  '\u0000',
  'bell\u0007',
  'שלום עולם',
  '\u202Eevil\u202C',
  'مرحبا',
  'Պաշինյան',
  'Пашинян',
  '👩‍👩‍👧‍👦🔥',
  'e\u0301\u0301\u0301',
  '\uD800',
  '\uFEFF',
  "' OR 1=1 --",
  "'; DROP TABLE articles; --",
  '"',
  '"unbalanced',
  'NEAR(',
  'NEAR(a b, 2)',
  '*',
  'a*',
  'AND OR NOT',
  'title:x',
  '^x',
  '{a b}',
  '(',
  '-x',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f',
  '%',
  '%00',
  '\\',
  '/',
  '?a=b',
  '#frag',
  'null',
  'true',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '0x10',
  ' 12 ',
  '2026-02-30T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  'Q0',
  '01890a5d-ac96-774b-bcce-b302099a8057',
  '00000000-0000-0000-0000-000000000000',
  'W3siYSI6MX1d',
  'WzEsMl0',
  'WzkwMDcxOTkyNTQ3NDA5OTAsOTAwNzE5OTI1NDc0MDk5MF0',
  'WyJ4IiwieCJd',
];

const HOSTILE_NUMBERS = [-1, 0, 1.5, -0, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER, 101, 1e-9];

/** Anything but what a field expects: wrong types, extremes, deep nesting. */
export const hostileValue: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(true, false, null, [], {}, [null], { __proto__: { admin: true } }, { constructor: { prototype: {} } }),
  fc.constantFrom(deepArray(2_000), deepObject(2_000), deepArray(50), deepObject(50)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

const isoInstant = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

function validString(schema: JsonSchema, known: string[]): Arbitrary<string> {
  if (schema.format === 'date-time') return isoInstant;
  // Mostly plain addresses: the API accepts fewer of RFC 5322's oddities than fc.emailAddress makes.
  if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z0-9.]{1,12}@(?:example\.org|news\.example)$/));
  if (schema.format === 'uri') return fc.webUrl({ validSchemes: ['https', 'http'] });
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 80, 300);
  const made = schema.pattern
    ? patternString(schema.pattern)
    : fc.oneof(
        fc.string({ minLength, maxLength }),
        fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 40) }),
        fc.constant('x'.repeat(Math.max(minLength, schema.maxLength ?? minLength))),
      );
  return known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, { arbitrary: made, weight: 1 }) : made;
}

// fast-check cannot build strings from Unicode property classes; slugs and tags get a pool.
function patternString(pattern: string): Arbitrary<string> {
  if (pattern.includes('\\p{')) return fc.constantFrom('summit', 'csto-summit', 'пашинян-подал', 'a-1', '2026');
  return fc.stringMatching(new RegExp(pattern, 'u'));
}

interface Generation {
  /** Ids and slugs of real rows by field name, mixed in so requests reach them. */
  known: (name: string) => string[];
  /** Whether any value may be replaced by a hostile one. */
  hostile: boolean;
}

/**
 * An arbitrary of JSON values for a schema of the committed contract: values it accepts
 * (valid and boundary ones), or with `hostile` set, now and then a hostile value in any position.
 */
export function fromSchema(schema: JsonSchema, generation: Generation, name = '', depth = 0): Arbitrary<unknown> {
  const valid = validFromSchema(deref(schema), generation, name, depth);
  return generation.hostile ? fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostileValue, weight: 1 }) : valid;
}

function validFromSchema(schema: JsonSchema, generation: Generation, name: string, depth: number): Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => validFromSchema(deref(alt), generation, name, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return validString(schema, generation.known(name));
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      const edges = generation.hostile ? [min, max, min - 1, max + 1] : [min, max];
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(...edges));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = schema.items ? fromSchema(schema.items, generation, name, depth + 1) : fc.anything();
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 6) });
    }
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(properties)) record[key] = fromSchema(child, generation, key, depth + 1);
      const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
      const value = fc.record(record, { requiredKeys });
      if (!generation.hostile) return value;
      const extra = fc.option(fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }));
      return fc.tuple(value, extra).map(([fields, unknown]) => (unknown ? { ...unknown, ...fields } : fields));
    }
    default:
      return fc.anything();
  }
}
