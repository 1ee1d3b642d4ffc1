import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const scraper = { authorization: `Bearer ${METRICS_TOKEN}` };

/** The value of one sample line, e.g. `dateline_articles{status="draft"}`. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

t.test('/metrics answers the METRICS_TOKEN and admin keys, nobody else', async (t) => {
  const ctx = await buildTestApp(t, { env: { METRICS_TOKEN } });
  const anonymous = await ctx.inject({ url: '/metrics' });
  t.equal(anonymous.statusCode, 401);
  t.equal(anonymous.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal((await ctx.inject({ url: '/metrics', headers: await ctx.keyFor('editor') })).statusCode, 403);
  t.equal((await ctx.inject({ url: '/metrics', headers: ctx.admin })).statusCode, 200);
  const scraped = await ctx.inject({ url: '/metrics', headers: scraper });
  t.equal(scraped.statusCode, 200);
  t.equal(scraped.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
  t.equal(scraped.headers['cache-control'], 'no-store');
  t.equal((await ctx.inject({ url: '/v1/keys', headers: scraper })).statusCode, 403, 'the token opens nothing else');
  t.equal((await ctx.inject({ url: '/v1/articles', headers: scraper })).statusCode, 200, 'public reads stay public');
});

t.test('without METRICS_TOKEN only admin keys read metrics', async (t) => {
  const ctx = await buildTestApp(t);
  t.equal((await ctx.inject({ url: '/metrics', headers: scraper })).statusCode, 401, 'an unknown bearer is refused');
  t.equal((await ctx.inject({ url: '/metrics', headers: ctx.admin })).statusCode, 200);
});

t.test('request counts and latency by route pattern and status, process and event-loop figures', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  await ctx.inject({ url: `/v1/articles/${article.slug}` });
  await ctx.inject({ url: `/v1/articles/${article.id}` });
  await ctx.inject({ url: '/v1/articles/no-such-article' });
  await ctx.inject({ url: '/wp-admin/secret.php' });
  const body = (await ctx.inject({ url: '/metrics', headers: ctx.admin })).body;

  t.equal(sample(body, 'http_request_duration_seconds_count{method="GET",route="/v1/articles/:id",status_code="200"}'), 2);
  t.equal(sample(body, 'http_request_duration_seconds_count{method="GET",route="/v1/articles/:id",status_code="404"}'), 1);
  t.equal(sample(body, 'http_request_duration_seconds_count{method="POST",route="/v1/articles",status_code="201"}'), 1);
  t.equal(sample(body, 'http_request_duration_seconds_count{method="GET",route="(unmatched)",status_code="404"}'), 1, 'unknown URLs share one series');
  t.notMatch(body, /wp-admin/);
  t.match(body, /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/v1\/articles\/:id",status_code="200"\} \d+/);
  t.match(body, /^# TYPE http_request_duration_seconds histogram$/m);
  for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes']) {
    t.match(body, new RegExp(`^${name} [\\d.e+-]+$`, 'm'), name);
  }
});

t.test('what is stored: database size and counts of the tables that exist', async (t) => {
  const ctx = await buildTestApp(t);
  await createArticle(ctx, { status: 'published' });
  await createArticle(ctx);
  await createArticle(ctx, { status: 'published', published_at: '2099-01-01T00:00:00Z' });
  await ctx.keyFor('editor');
  const scrape = async () => (await ctx.inject({ url: '/metrics', headers: ctx.admin })).body;

  let body = await scrape();
  t.ok((sample(body, 'dateline_database_size_bytes') ?? 0) > 4096, 'database size');
  t.ok((sample(body, 'dateline_database_wal_size_bytes') ?? -1) >= 0, 'write-ahead log size');
  t.equal(sample(body, 'dateline_migrations_pending'), 0);
  t.equal(sample(body, 'dateline_articles{status="published"}'), 1);
  t.equal(sample(body, 'dateline_articles{status="draft"}'), 1);
  t.equal(sample(body, 'dateline_articles{status="scheduled"}'), 1);
  t.equal(sample(body, 'dateline_articles{status="archived"}'), 0, 'known statuses are reported even at zero');
  t.equal(sample(body, 'dateline_api_keys{role="editor"}'), 1);
  t.equal(sample(body, 'dateline_entities'), (ctx.database.sqlite.prepare('select count(*) as n from entities').get() as { n: number }).n);
  t.equal(sample(body, 'dateline_comments{status="pending"}'), 0, 'known statuses are reported even at zero');
  t.equal(sample(body, 'dateline_moderation_queue_length'), 0);

  const live = await createArticle(ctx, { status: 'published', comments_mode: 'premoderated' });
  const reader = await createReader(ctx);
  await postComment(ctx, reader, live.id);
  await postComment(ctx, reader, live.id);
  body = await scrape();
  t.equal(sample(body, 'dateline_comments{status="pending"}'), 2);
  t.equal(sample(body, 'dateline_moderation_queue_length'), 2, 'the moderation queue is the pending comments');
});
