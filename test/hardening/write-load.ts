import { api } from './server-process.js';

/** The last state the server acknowledged (2xx) for each article, and every acknowledged comment. */
export interface Acknowledged {
  articles: Map<string, { title: string; standfirst: string; revision: number; etag: string }>;
  comments: Map<string, { articleId: string; body: string }>;
  /** Answers that were neither 2xx nor a dropped connection: each is a bug. */
  unexpected: string[];
  count: number;
}

export const newAcknowledged = (): Acknowledged => ({ articles: new Map(), comments: new Map(), unexpected: [], count: 0 });

// Names a known entity, so every stored article must come with its entity link.
export const LINKED_BODY = 'Leaders of the Collective Security Treaty Organization (CSTO) met in Moscow.\n\nThe CSTO adopted 22 documents.';

let serial = 0;

/**
 * Runs `workers` clients that create articles, edit their own (with If-Match) and comment on
 * them, each sequentially, until `done()` turns true or the connection drops. A client only
 * records a write once it has the 2xx answer in full.
 */
export async function driveWrites(base: string, readerToken: string, ack: Acknowledged, workers: number, done: () => boolean) {
  const client = async (worker: number) => {
    const own: string[] = [];
    for (let step = 0; !done(); step += 1) {
      serial += 1;
      const target = own[step % Math.max(own.length, 1)];
      const acknowledged = (what: string, status: number, expected: number, body: string) => {
        if (status === expected) return true;
        ack.unexpected.push(`${what}: ${status} ${body.slice(0, 200)}`);
        return false;
      };
      try {
        if (!target || step % 3 === 0) {
          const title = `Crash ${worker} ${serial} ${Math.random().toString(36).slice(2, 8)}`;
          const standfirst = `Created by client ${worker}`;
          const res = await api(base, 'POST', '/v1/articles', { title, standfirst, body: LINKED_BODY, status: 'published' });
          if (!acknowledged('create', res.status, 201, res.body)) return;
          const { id, revision } = res.json();
          ack.articles.set(id, { title, standfirst, revision, etag: res.headers.get('etag') ?? '' });
          own.push(id);
        } else if (step % 3 === 1) {
          const last = ack.articles.get(target);
          if (!last) continue;
          const standfirst = `Edit ${serial} by client ${worker}`;
          const res = await api(base, 'PATCH', `/v1/articles/${target}`, { standfirst, body: `${LINKED_BODY}\n\nUpdate ${serial}.` }, { 'if-match': last.etag });
          if (res.status === 412) {
            ack.unexpected.push(`edit of ${target} at revision ${last.revision} was refused: ${res.body.slice(0, 200)}`);
            return;
          }
          if (!acknowledged('edit', res.status, 200, res.body)) return;
          ack.articles.set(target, { ...last, standfirst, revision: res.json().revision, etag: res.headers.get('etag') ?? '' });
        } else {
          const body = `Remark ${serial} from client ${worker} on the summit.`;
          const res = await fetch(`${base}/v1/articles/${target}/comments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${readerToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ body }),
          });
          const text = await res.text();
          if (!acknowledged('comment', res.status, 201, text)) return;
          ack.comments.set(JSON.parse(text).id, { articleId: target, body });
        }
        ack.count += 1;
      } catch {
        return; // the connection dropped: the server is gone, and this write unacknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => client(worker)));
}
