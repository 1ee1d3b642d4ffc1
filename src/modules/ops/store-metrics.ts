import { Gauge, type Registry } from 'prom-client';
import type { StatsService } from './stats.service.js';

/**
 * Gauges of what is stored, set from one stats snapshot per scrape. A count's gauge is created
 * the first time its table exists, so a feature that has not landed exports no series at all.
 */
export function createStoreMetrics(registry: Registry, stats: StatsService): { refresh(): void } {
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const size = gauge('dateline_database_size_bytes', 'Size of the SQLite database file (pages in use)');
  const wal = gauge('dateline_database_wal_size_bytes', 'Size of the SQLite write-ahead log');
  const pending = gauge('dateline_migrations_pending', 'Migrations shipped with this build that the database lacks');
  const counts = new Map<string, Gauge>();

  return {
    refresh() {
      const snapshot = stats.snapshot();
      size.set(snapshot.database.size_bytes);
      wal.set(snapshot.database.wal_bytes);
      pending.set(snapshot.migrations.pending);
      for (const { source, values } of snapshot.counts) {
        const label = source.label;
        let count = counts.get(source.name);
        if (!count) {
          count = gauge(`dateline_${source.name}`, source.help, label ? [label] : []);
          counts.set(source.name, count);
        }
        count.reset();
        for (const { label: value, value: n } of values) {
          if (label && value !== null) count.set({ [label]: value }, n);
          else count.set(n);
        }
      }
    },
  };
}
