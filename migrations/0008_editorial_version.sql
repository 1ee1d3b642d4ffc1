ALTER TABLE `content_version` ADD `editorial_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `content_version` ADD `editorial_modified_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Feeds and embeds get their own version, which readers' comments do not move (the comment-count
-- trigger of migration 0004 moves `version` only). It starts where the content version stands.
UPDATE `content_version` SET `editorial_version` = `version`, `editorial_modified_at` = `modified_at`;
