-- Full-text index over the searchable text of articles. External content: the text lives
-- once, in `articles`; triggers keep the index in step inside the writing transaction.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
	title, standfirst, body_text,
	content='articles', content_rowid='seq',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` BEGIN
	INSERT INTO articles_fts(rowid, title, standfirst, body_text)
	VALUES (new.seq, new.title, coalesce(new.standfirst, ''), new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body_text)
	VALUES ('delete', old.seq, old.title, coalesce(old.standfirst, ''), old.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF title, standfirst, body_text ON `articles` BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body_text)
	VALUES ('delete', old.seq, old.title, coalesce(old.standfirst, ''), old.body_text);
	INSERT INTO articles_fts(rowid, title, standfirst, body_text)
	VALUES (new.seq, new.title, coalesce(new.standfirst, ''), new.body_text);
END;
