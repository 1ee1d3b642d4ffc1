import type { EntityType, KnownEntity } from './types.js';

/** One place in the text where an entity may be named, with what is known of its type there. */
export interface Mention {
  /** Token range, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly type: EntityType | null;
  /** Strength of the evidence for `type`: 3 a list or a name pattern, 2 a context word, under 1.5 a guess. */
  readonly weight: number;
  /** Mentions with the same ref are one entity whatever their wording ("known:<id>", "gazetteer:<name>", "acronym:<key>"). */
  readonly ref?: string;
  readonly known?: KnownEntity;
  /** The gazetteer's full name, kept as an alias. */
  readonly canonical?: string | null;
  /** How to write the name when the text shouts it ("YEREVAN" in a dateline). */
  readonly display?: string;
}
