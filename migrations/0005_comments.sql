CREATE TABLE `comment_flags` (
	`comment_seq` integer NOT NULL,
	`reader_seq` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	PRIMARY KEY(`comment_seq`, `reader_seq`),
	FOREIGN KEY (`comment_seq`) REFERENCES `comments`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reader_seq`) REFERENCES `readers`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comment_flags_reason_valid" CHECK(reason in ('offensive', 'abusive', 'spam', 'off-topic', 'other'))
);
--> statement-breakpoint
CREATE TABLE `comment_revisions` (
	`seq` integer PRIMARY KEY NOT NULL,
	`comment_seq` integer NOT NULL,
	`body` text NOT NULL,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`comment_seq`) REFERENCES `comments`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_revisions_comment` ON `comment_revisions` (`comment_seq`,`seq`);--> statement-breakpoint
CREATE TABLE `comments` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`article_seq` integer NOT NULL,
	`reader_seq` integer NOT NULL,
	`parent_seq` integer,
	`root_seq` integer,
	`depth` integer NOT NULL,
	`body` text NOT NULL,
	`body_html` text NOT NULL,
	`body_key` text NOT NULL,
	`status` text NOT NULL,
	`verdicts` text NOT NULL,
	`flag_count` integer DEFAULT 0 NOT NULL,
	`flagged_at` integer,
	`created_at` integer NOT NULL,
	`edited_at` integer,
	`status_at` integer NOT NULL,
	FOREIGN KEY (`article_seq`) REFERENCES `articles`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reader_seq`) REFERENCES `readers`(`seq`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_seq`) REFERENCES `comments`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`root_seq`) REFERENCES `comments`(`seq`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "comments_status_valid" CHECK(status in ('pending', 'approved', 'rejected', 'spam', 'deleted'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comments_id_unique` ON `comments` (`id`);--> statement-breakpoint
CREATE INDEX `comments_article_status_created` ON `comments` (`article_seq`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_parent_article_created` ON `comments` (`parent_seq`,`article_seq`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_root_status_created` ON `comments` (`root_seq`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_reader_created` ON `comments` (`reader_seq`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_pending_queue` ON `comments` (`status_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX `comments_article_reader_body_key` ON `comments` (`article_seq`,`reader_seq`,`body_key`) WHERE status <> 'deleted';--> statement-breakpoint
CREATE TABLE `moderation_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`comment_id` text,
	`article_id` text,
	`reader_id` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`reason` text NOT NULL,
	`verdicts` text NOT NULL,
	`until` integer,
	CONSTRAINT "moderation_log_actor_kind_valid" CHECK(actor_kind in ('moderator', 'policy', 'system', 'reader')),
	CONSTRAINT "moderation_log_action_valid" CHECK(action in ('approve', 'hold', 'reject', 'spam', 'delete', 'hide', 'block', 'unblock'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_log_id_unique` ON `moderation_log` (`id`);--> statement-breakpoint
CREATE INDEX `moderation_log_comment` ON `moderation_log` (`comment_id`,`seq`);--> statement-breakpoint
CREATE INDEX `moderation_log_reader` ON `moderation_log` (`reader_id`,`seq`);--> statement-breakpoint
CREATE TABLE `readers` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`status` text NOT NULL,
	`block_reason` text,
	`blocked_until` integer,
	`blocked_at` integer,
	`approved_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "readers_status_valid" CHECK(status in ('active', 'blocked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `readers_id_unique` ON `readers` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `readers_token_hash_unique` ON `readers` (`token_hash`);