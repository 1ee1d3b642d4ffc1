import type Database from 'better-sqlite3';

// Each query lists the rows that break one rule; a consistent store yields none of them.
const RULES: Record<string, string> = {
  'article comment_count is its approved comments': `
    select a.id, a.comment_count, (select count(*) from comments c where c.article_seq = a.seq and c.status = 'approved') as approved
    from articles a where a.comment_count <> approved`,
  'reader approved_count is their approved comments': `
    select r.id, r.approved_count, (select count(*) from comments c where c.reader_seq = r.seq and c.status = 'approved') as approved
    from readers r where r.approved_count <> approved`,
  'entity article_count is its linked published articles': `
    select e.id, e.article_count, (select count(*) from mentions m where m.entity_seq = e.seq and m.linked = 1 and m.status = 'published') as linked
    from entities e where e.article_count <> linked`,
  'an article at revision n keeps the n - 1 versions it replaced': `
    select a.id, a.revision, (select count(*) from article_revisions r where r.article_seq = a.seq) as kept
    from articles a where kept <> a.revision - 1`,
  'every article has its create in the change log': `
    select a.id from articles a where not exists (select 1 from changes c where c.resource = 'article' and c.resource_id = a.id and c.kind = 'create')`,
  'every article has its current revision in the change log': `
    select a.id, a.revision from articles a
    where not exists (select 1 from changes c where c.resource = 'article' and c.resource_id = a.id and c.revision = a.revision)`,
  'links and tags carry their article status': `
    select m.article_seq from mentions m join articles a on a.seq = m.article_seq where m.status <> a.status
    union all select t.article_seq from article_tags t join articles a on a.seq = t.article_seq where t.status <> a.status`,
  'the full-text index holds exactly the articles': `
    select 'fts' where (select count(*) from articles) <> (select count(*) from articles_fts)`,
};

/**
 * Everything wrong with a Dateline database: SQLite's own integrity and foreign-key checks,
 * then the rules that tie its derived columns to the rows they count. Empty when sound.
 */
export function storeViolations(sqlite: Database.Database): string[] {
  const found: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') found.push(`integrity_check: ${String(integrity)}`);
  const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) found.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);
  for (const [rule, query] of Object.entries(RULES)) {
    const rows = sqlite.prepare(query).all();
    if (rows.length > 0) found.push(`${rule}: ${JSON.stringify(rows.slice(0, 5))}`);
  }
  return found;
}
