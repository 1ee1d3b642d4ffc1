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
