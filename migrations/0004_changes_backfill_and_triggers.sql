-- Articles that existed before the change log: one create each, so a partner replaying the
-- log from the start sees every article; public when the article is public now.
INSERT INTO `changes` (resource, resource_id, slug, kind, revision, is_public, at)
SELECT 'article', id, slug, 'create', revision,
	status = 'published' AND published_at <= cast(unixepoch('subsec') * 1000 AS integer), created_at
FROM articles ORDER BY seq;
--> statement-breakpoint
INSERT INTO `scheduled_go_lives` (article_seq, due_at)
SELECT seq, published_at FROM articles
WHERE status = 'published' AND published_at > cast(unixepoch('subsec') * 1000 AS integer);
--> statement-breakpoint
INSERT INTO `content_version` (id, version, modified_at)
VALUES (1, (SELECT count(*) FROM changes), coalesce((SELECT max(updated_at) FROM articles), 0));
--> statement-breakpoint
-- The approved-comment count is written by the comments work, outside the article write path
-- and the change log; list and feed validators must move with it all the same.
CREATE TRIGGER `articles_comment_count_bump_content_version` AFTER UPDATE OF comment_count ON `articles`
WHEN old.comment_count IS NOT new.comment_count BEGIN
	UPDATE content_version
	SET version = version + 1, modified_at = max(modified_at, cast(unixepoch('subsec') * 1000 AS integer))
	WHERE id = 1;
END;
