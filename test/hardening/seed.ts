import type { Role } from '../../src/lib/vocabulary.js';
import { createArticle, createReader, postComment, type TestReader } from '../factories.js';
import type { TestApp } from '../helper.js';

/** The kinds of caller every route is tried with. */
export const CREDENTIALS = ['none', 'reader', 'syndication', 'moderator', 'editor', 'admin', 'revoked', 'malformed'] as const;
export type Credential = (typeof CREDENTIALS)[number];

/**
 * Values that must never reach the public: each is planted once where it belongs and then
 * searched for in every public response and in the log.
 */
export interface Planted {
  readerEmail: string;
  readerToken: string;
  keySecret: string;
  draftTitle: string;
  heldCommentBody: string;
}

export interface Seeded {
  headers: Record<Credential, Record<string, string>>;
  reader: TestReader;
  planted: Planted;
  /** Ids and slugs of real rows, so generated requests reach them. */
  pools: {
    articleIds: string[];
    articleSlugs: string[];
    entityIds: string[];
    entitySlugs: string[];
    commentIds: string[];
    readerIds: string[];
    keyIds: string[];
    sections: string[];
    tags: string[];
  };
  published: { id: string; slug: string };
  draft: { id: string; slug: string };
  approvedComment: string;
  heldComment: string;
}

async function postJson(ctx: TestApp, url: string, headers: Record<string, string>, payload: object) {
  const res = await ctx.inject({ method: 'POST', url, headers, payload });
  if (res.statusCode >= 300) throw new Error(`seeding ${url} failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function newKey(ctx: TestApp, role: Role, name = `seed ${role}`) {
  return (await postJson(ctx, '/v1/keys', ctx.admin, { name, role })) as { id: string; secret: string };
}

/**
 * A small newsroom: entities, published, draft, scheduled and premoderated articles, readers
 * with approved and held comments, and a key of every role plus a revoked one.
 */
export async function seedNewsroom(ctx: TestApp): Promise<Seeded> {
  const csto = await postJson(ctx, '/v1/entities', ctx.admin, {
    name: 'Collective Security Treaty Organization',
    type: 'organization',
    aliases: ['CSTO'],
  });
  const sarkisian = await postJson(ctx, '/v1/entities', ctx.admin, { name: 'Serzh Sarkisian', type: 'person' });
  const body = 'Serzh Sarkisian met the Collective Security Treaty Organization (CSTO) leaders in Moscow.\n\nThe CSTO adopted 22 documents.';
  const published = await createArticle(ctx, { status: 'published', body, section: 'World', tags: ['Diplomacy'] });
  const second = await createArticle(ctx, { status: 'published', body, section: 'Business', tags: ['Energy'] });
  const premoderated = await createArticle(ctx, { status: 'published', comments_mode: 'premoderated' });
  const draftTitle = 'Planted draft zqxvdraft embargoed until further notice';
  const draft = await createArticle(ctx, { title: draftTitle, body: 'zqxvdraft body' });
  const scheduled = await createArticle(ctx, { status: 'scheduled', published_at: '2099-01-01T00:00:00Z' });
  const archived = await createArticle(ctx, { status: 'published' });
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${archived.id}`, headers: ctx.admin, payload: { status: 'archived' } });

  const reader = await createReader(ctx, { email: 'planted.reader.zqxv@example.org' });
  const other = await createReader(ctx);
  const victim = await createReader(ctx);
  const approved = await postComment(ctx, reader, published.id, { body: 'A fine summit report, thank you.' });
  await postComment(ctx, other, published.id, { parent_id: approved.id, body: 'Agreed, a fine report.' });
  const heldCommentBody = 'Planted held remark zqxvheld awaiting review';
  const held = await postComment(ctx, other, premoderated.id, { body: heldCommentBody });
  await postComment(ctx, victim, published.id, { body: 'A remark from the victim reader.' });

  const keys = {
    syndication: await newKey(ctx, 'syndication'),
    moderator: await newKey(ctx, 'moderator'),
    editor: await newKey(ctx, 'editor'),
    revoked: await newKey(ctx, 'editor', 'seed revoked'),
    victim: await newKey(ctx, 'syndication', 'seed victim'),
  };
  await ctx.inject({ method: 'DELETE', url: `/v1/keys/${keys.revoked.id}`, headers: ctx.admin });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  return {
    headers: {
      none: {},
      reader: reader.headers,
      syndication: bearer(keys.syndication.secret),
      moderator: bearer(keys.moderator.secret),
      editor: bearer(keys.editor.secret),
      admin: ctx.admin,
      revoked: bearer(keys.revoked.secret),
      malformed: { authorization: 'Token abc' },
    },
    reader,
    planted: { readerEmail: reader.email, readerToken: reader.token, keySecret: keys.editor.secret, draftTitle, heldCommentBody },
    pools: {
      articleIds: [published.id, second.id, premoderated.id, draft.id, scheduled.id, archived.id],
      articleSlugs: [published.slug, premoderated.slug, draft.slug, scheduled.slug],
      entityIds: [csto.id, sarkisian.id],
      entitySlugs: [csto.slug, sarkisian.slug],
      commentIds: [approved.id, held.id],
      // Readers that moderators may block without locking the fuzzing reader out.
      readerIds: [other.id, victim.id],
      keyIds: [keys.victim.id, keys.revoked.id],
      sections: ['World', 'world', 'business'],
      tags: ['Diplomacy', 'diplomacy', 'energy'],
    },
    published: { id: published.id, slug: published.slug },
    draft: { id: draft.id, slug: draft.slug },
    approvedComment: approved.id,
    heldComment: held.id,
  };
}
