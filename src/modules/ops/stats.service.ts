import { statSync } from 'node:fs';
import type { DatabaseHandle } from '../../db/client.js';
import { migrationState } from '../../db/migrate.js';
import { ARTICLE_STATUSES, COMMENT_STATUSES, ROLES } from '../../lib/vocabulary.js';

/**
 * One figure Dateline reports about its content. It is counted only while `table` exists, so
 * `dateline stats` on a database an upgrade has not migrated yet reports what it holds rather
 * than failing or inventing zeros.
 */
export interface CountSource {
  /** Key in `dateline stats` and, prefixed with `dateline_`, the Prometheus metric name. */
  name: string;
  help: string;
  table: string;
  /** The label the query's `label` column fills, when it breaks the count down. */
  label?: string;
  /** Label values always reported, as 0 when no row has them, so their series never vanish. */
  labelValues?: readonly string[];
  /** Returns rows `{ n }`, or `{ label, n }` when `label` is set. */
  sql: string;
}

const NOW_MS = "cast(unixepoch('subsec') * 1000 as integer)";

export const COUNT_SOURCES: readonly CountSource[] = [
  {
    name: 'articles',
    help: 'Articles by status',
    table: 'articles',
    label: 'status',
    labelValues: ARTICLE_STATUSES,
    sql: `select case when status = 'published' and published_at > ${NOW_MS} then 'scheduled' else status end as label,
                 count(*) as n from articles group by label`,
  },
  { name: 'entities', help: 'Entities (people, organizations, places)', table: 'entities', sql: 'select count(*) as n from entities' },
  {
    name: 'comments',
    help: 'Reader comments by status',
    table: 'comments',
    label: 'status',
    labelValues: COMMENT_STATUSES,
    sql: 'select status as label, count(*) as n from comments group by status',
  },
  {
    name: 'moderation_queue_length',
    help: 'Comments waiting for a moderator',
    table: 'comments',
    sql: "select count(*) as n from comments where status = 'pending'",
  },
  {
    name: 'api_keys',
    help: 'Active (unrevoked) API keys by role',
    table: 'api_keys',
    label: 'role',
    labelValues: ROLES,
    sql: 'select role as label, count(*) as n from api_keys where revoked_at is null group by role',
  },
];

export interface Count {
  source: CountSource;
  /** One value per label value; a single entry with label null when the source has no label. */
  values: { label: string | null; value: number }[];
}

export interface StoreStats {
  database: { path: string; size_bytes: number; wal_bytes: number };
  migrations: { applied: number; pending: number };
  counts: Count[];
}

export type StatsService = ReturnType<typeof createStatsService>;

/** What is stored and how big it is: read by /metrics and by `dateline stats`. */
export function createStatsService(deps: { database: DatabaseHandle; sources?: readonly CountSource[] }) {
  const { sqlite } = deps.database;
  const sources = deps.sources ?? COUNT_SOURCES;

  function walBytes(): number {
    if (sqlite.memory) return 0;
    try {
      return statSync(`${sqlite.name}-wal`).size;
    } catch {
      return 0;
    }
  }

  function snapshot(): StoreStats {
    const tables = new Set(
      (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((row) => row.name),
    );
    const counts = sources
      .filter((source) => tables.has(source.table))
      .map((source) => {
        const rows = sqlite.prepare(source.sql).all() as { label?: string; n: number }[];
        const found = rows.map((row) => ({ label: source.label ? String(row.label) : null, value: row.n }));
        const known = (source.labelValues ?? []).map((label) => found.find((v) => v.label === label) ?? { label, value: 0 });
        return { source, values: [...known, ...found.filter((v) => !known.includes(v))] };
      });
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
    return {
      database: { path: sqlite.name, size_bytes: pageSize * pageCount, wal_bytes: walBytes() },
      migrations: migrationState(sqlite),
      counts,
    };
  }

  return { snapshot };
}
