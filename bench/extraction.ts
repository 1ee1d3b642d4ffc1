import { performance } from 'node:perf_hooks';
import { createEntityMatcher, extractEntities } from '../src/modules/entities/extract/extract-entities.js';
import { renderPlain } from './corpus.js';
import { createTextGenerator, type Vocabulary } from './corpus-text.js';
import { createRandom } from './random.js';

export interface ExtractionTiming {
  knownEntities: number;
  articles: number;
  words: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 100) / 100;

/**
 * Milliseconds the pure extractor takes per ~800-word article with every corpus entity known
 * (issue 3's budget: ~20 ms with 10,000), in this process, after a warm-up.
 */
export function timeExtraction(vocabulary: Vocabulary, articles: number, seed: number): ExtractionTiming {
  const matcher = createEntityMatcher(vocabulary.entities.map((entity, i) => ({ id: String(i), name: entity.name, type: entity.type, aliases: [] })));
  const generator = createTextGenerator(vocabulary);
  const random = createRandom(seed ^ 0xe7);
  const texts = Array.from({ length: articles + 20 }, () => {
    const article = generator.article(random);
    return { title: article.title, standfirst: article.standfirst, body: renderPlain(article.paragraphs).text, dateline: { place: article.place.name, source: article.agency.name } };
  });
  const timings: number[] = [];
  texts.forEach((text, i) => {
    const started = performance.now();
    extractEntities(text, matcher);
    if (i >= 20) timings.push(performance.now() - started);
  });
  const words = Math.round(texts.reduce((sum, t) => sum + t.body.split(/\s+/).length, 0) / texts.length);
  timings.sort((a, b) => a - b);
  return { knownEntities: matcher.size, articles, words, p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) };
}
