import { COMMON_TERM, createTextGenerator, RARE_TERM, toWireCopy, type Vocabulary } from './corpus-text.js';
import { createRandom } from './random.js';

/** What a target compares an endpoint against. */
export type Target =
  | { kind: 'ratio'; min: number }
  | { kind: 'p99-vs-item'; max: number }
  | { kind: 'rate'; min: number }
  | { kind: 'none' };

/** One request as autocannon sends it. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Endpoint {
  name: string;
  /** Reads first, writes last: writes move the content version the 304 depends on. */
  write: boolean;
  expect: number;
  target: Target;
  /** The first request, which is also the one captured for the baseline. */
  request: BenchRequest;
  /** Each later request (writes must differ: duplicates and slugs are refused). */
  next?: (n: number) => BenchRequest;
}

export interface EndpointContext {
  vocabulary: Vocabulary;
  articleSlug: string;
  entitySlug: string;
  readerTokens: string[];
  adminKey: string;
  /** A syndication key's secret: partners poll their feeds with one. */
  partnerKey: string;
  seed: number;
  /**
   * Names this run in what it writes, so a run on a reused corpus (--corpus), which holds the
   * writes of earlier runs, never posts a duplicate comment or imports a taken title.
   */
  runId: string;
}

const get = (path: string, headers: Record<string, string> = {}): BenchRequest => ({ method: 'GET', path, headers });

export function endpoints(ctx: EndpointContext): Endpoint[] {
  const text = createTextGenerator(ctx.vocabulary);
  const random = createRandom(ctx.seed ^ 0xbe7c4);
  const read = (name: string, path: string, target: Target): Endpoint => ({ name, write: false, expect: 200, target, request: get(path) });
  const comment = (n: number): BenchRequest => ({
    method: 'POST',
    path: `/v1/articles/${ctx.articleSlug}/comments`,
    headers: { authorization: `Bearer ${ctx.readerTokens[n % ctx.readerTokens.length]}`, 'content-type': 'application/json' },
    // A number in every body: the same reader never posts the same text twice.
    body: JSON.stringify({ body: `${text.comment(random)} Point ${ctx.runId}-${n}.` }),
  });
  const wire = (n: number): BenchRequest => {
    const article = text.article(random);
    return {
      method: 'POST',
      path: '/v1/articles/import?publish=true',
      headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'text/plain; charset=utf-8' },
      // The run's mark leads the title: a slug keeps at most 80 characters of it.
      body: toWireCopy({ ...article, title: `Bulletin ${ctx.runId}-${n}: ${article.title}` }),
    };
  };
  return [
    read('list (20 summaries)', '/v1/articles', { kind: 'ratio', min: 0.7 }),
    read('article by slug', `/v1/articles/${ctx.articleSlug}`, { kind: 'ratio', min: 0.7 }),
    read('article ?include=entities', `/v1/articles/${ctx.articleSlug}?include=entities`, { kind: 'none' }),
    read(`search, common term "${COMMON_TERM}"`, `/v1/search?q=${COMMON_TERM}`, { kind: 'p99-vs-item', max: 3 }),
    read(`search, rare term "${RARE_TERM}"`, `/v1/search?q=${RARE_TERM}`, { kind: 'p99-vs-item', max: 3 }),
    read('entity articles', `/v1/entities/${ctx.entitySlug}/articles`, { kind: 'ratio', min: 0.7 }),
    read('JSON Feed', '/feeds/articles.json', { kind: 'ratio', min: 0.7 }),
    // If-None-Match is set to the resource's current ETag once the writes that move it are captured.
    { name: 'list, conditional GET (304)', write: false, expect: 304, target: { kind: 'ratio', min: 0.8 }, request: get('/v1/articles', { 'if-none-match': '' }) },
    {
      name: 'JSON Feed, partner key, 304',
      write: false,
      expect: 304,
      target: { kind: 'ratio', min: 0.8 },
      request: get('/feeds/articles.json', { authorization: `Bearer ${ctx.partnerKey}`, 'if-none-match': '' }),
    },
    { name: 'post a comment (policy)', write: true, expect: 201, target: { kind: 'rate', min: 1000 }, request: comment(0), next: comment },
    { name: 'import wire copy (extraction)', write: true, expect: 201, target: { kind: 'rate', min: 50 }, request: wire(0), next: wire },
  ];
}
