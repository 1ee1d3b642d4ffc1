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

t.test('operations settings: defaults', async (t) => {
  t.match(loadConfig({}), {
    requestTimeoutMs: 30_000,
    shutdownTimeoutMs: 8000,
    trustProxy: false,
    corsOrigins: [],
    metricsToken: undefined,
    maxEventLoopDelayMs: 1000,
  });
});

t.test('TRUST_PROXY: true, false, or a list of addresses, CIDRs and named ranges', async (t) => {
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  t.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback,fd00::/8' }).trustProxy, ['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8']);
  for (const bad of ['2', 'yes', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8/1', 'proxy.example']) {
    t.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY: must be true, false or a comma list/, bad);
  }
});

t.test('CORS_ORIGINS: * or a list of origins', async (t) => {
  t.equal(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins, '*');
  t.same(loadConfig({ CORS_ORIGINS: 'https://www.example.com, http://localhost:5173' }).corsOrigins, ['https://www.example.com', 'http://localhost:5173']);
  t.throws(() => loadConfig({ CORS_ORIGINS: 'www.example.com' }), /CORS_ORIGINS: .*not www\.example\.com/);
  t.throws(() => loadConfig({ CORS_ORIGINS: 'https://www.example.com/path' }), /CORS_ORIGINS/);
});

t.test('timeouts, the metrics token and the load limit are checked', async (t) => {
  const error = t.throws(() =>
    loadConfig({ REQUEST_TIMEOUT_MS: '10', SHUTDOWN_TIMEOUT_MS: 'soon', METRICS_TOKEN: 'short', MAX_EVENT_LOOP_DELAY_MS: '-1' }),
  ) as ConfigError;
  t.equal(error.problems.length, 4);
  for (const name of ['REQUEST_TIMEOUT_MS', 'SHUTDOWN_TIMEOUT_MS', 'METRICS_TOKEN', 'MAX_EVENT_LOOP_DELAY_MS']) t.match(error.message, name);
  t.equal(loadConfig({ MAX_EVENT_LOOP_DELAY_MS: '0' }).maxEventLoopDelayMs, 0, '0 turns load shedding off');
});

t.test('comment settings: defaults, conversions and limits', async (t) => {
  t.same(loadConfig({}).comments, { perMinute: 5, editWindowMs: 15 * 60_000, flagThreshold: 3, autocloseDays: null });
  const set = loadConfig({ COMMENTS_PER_MINUTE: '10', COMMENTS_EDIT_WINDOW_MINUTES: '0', COMMENTS_FLAG_THRESHOLD: '1', COMMENTS_AUTOCLOSE_DAYS: '30' });
  t.same(set.comments, { perMinute: 10, editWindowMs: 0, flagThreshold: 1, autocloseDays: 30 });
  t.ok(Object.isFrozen(set.comments));
  const error = t.throws(() => loadConfig({ COMMENTS_PER_MINUTE: '0', COMMENTS_FLAG_THRESHOLD: 'many', COMMENTS_AUTOCLOSE_DAYS: '-1' })) as ConfigError;
  t.equal(error.problems.length, 3);
  t.match(error.message, /COMMENTS_PER_MINUTE/);
  t.match(error.message, /COMMENTS_FLAG_THRESHOLD/);
  t.match(error.message, /COMMENTS_AUTOCLOSE_DAYS/);
});
