import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';

t.test('defaults apply when the environment is empty', async (t) => {
  const config = loadConfig({});
  t.match(config, { port: 3000, host: '127.0.0.1', databasePath: './data/dateline.db', logLevel: 'info', adminKey: undefined });
  t.ok(Object.isFrozen(config));
});

t.test('empty variables count as unset', async (t) => {
  t.equal(loadConfig({ PORT: '' }).port, 3000);
});

t.test('every bad variable is named in one error', async (t) => {
  const error = t.throws(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATELINE_ADMIN_KEY: 'short' })) as ConfigError;
  t.type(error, ConfigError);
  t.equal(error.problems.length, 3);
  t.match(error.message, /PORT/);
  t.match(error.message, /LOG_LEVEL/);
  t.match(error.message, /DATELINE_ADMIN_KEY: must be at least 24 characters/);
  t.notMatch(error.message, /short/, 'the secret itself is not echoed');
});

t.test('out-of-range numbers are refused', async (t) => {
  t.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
  t.throws(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://x' }), /PUBLIC_BASE_URL/);
});

t.test('feeds and rate limits: defaults, and bad values named', async (t) => {
  const config = loadConfig({ PUBLIC_BASE_URL: 'https://news.example/' });
  t.equal(config.siteName, 'Dateline');
  t.equal(config.articleUrlTemplate, 'https://news.example/articles/{slug}', 'articles live under the public base URL by default');
  t.same(config.rateLimit, { max: 300, syndicationMax: 3000, windowMs: 60_000 });
  const custom = loadConfig({ SITE_NAME: 'The Courier', ARTICLE_URL_TEMPLATE: 'https://www.courier.example/{id}/{slug}', RATE_LIMIT_MAX: '10' });
  t.equal(custom.siteName, 'The Courier');
  t.equal(custom.articleUrlTemplate, 'https://www.courier.example/{id}/{slug}');
  t.equal(custom.rateLimit.max, 10);
  t.throws(() => loadConfig({ ARTICLE_URL_TEMPLATE: 'https://www.courier.example/articles' }), /ARTICLE_URL_TEMPLATE: must contain \{slug\} or \{id\}/);
  t.throws(() => loadConfig({ RATE_LIMIT_SYNDICATION_MAX: '0' }), /RATE_LIMIT_SYNDICATION_MAX/);
  t.throws(() => loadConfig({ RATE_LIMIT_WINDOW_MS: 'soon' }), /RATE_LIMIT_WINDOW_MS/);
});
