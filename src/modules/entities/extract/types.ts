export type EntityType = 'person' | 'organization' | 'place';

export interface ArticleText {
  title: string;
  standfirst?: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  body: string;
  dateline?: { place?: string | null; source?: string | null } | null;
}

export interface KnownEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface ExtractedEntity {
  /** Set when the entity is a KnownEntity of the matcher. */
  knownId?: string;
  /** The fullest form the article uses ("Mher Grigoryan"), or the known entity's name. */
  name: string;
  type: EntityType;
  /** Other forms worth keeping as aliases ("FAA"); never the name itself. */
  aliases: string[];
  /** Mentions in the analysis text (see `buildAnalysisText`). */
  mentions: number;
  /** Offset of the first mention in the analysis text. */
  firstOffset: number;
  /** 0..1: higher when named in the headline, standfirst or early on, and often. */
  salience: number;
}
