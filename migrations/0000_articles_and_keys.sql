CREATE TABLE `api_keys` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	CONSTRAINT "api_keys_role_valid" CHECK(role in ('admin', 'editor', 'moderator', 'syndication'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_id_unique` ON `api_keys` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret_hash_unique` ON `api_keys` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `article_revisions` (
	`seq` integer PRIMARY KEY NOT NULL,
	`article_seq` integer NOT NULL,
	`revision` integer NOT NULL,
	`snapshot` text NOT NULL,
	`replaced_at` integer NOT NULL,
	`replaced_by` text,
	FOREIGN KEY (`article_seq`) REFERENCES `articles`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_revisions_article_revision` ON `article_revisions` (`article_seq`,`revision`);--> statement-breakpoint
CREATE TABLE `article_tags` (
	`tag_slug` text NOT NULL,
	`article_seq` integer NOT NULL,
	`status` text NOT NULL,
	`sort_at` integer NOT NULL,
	PRIMARY KEY(`article_seq`, `tag_slug`),
	FOREIGN KEY (`article_seq`) REFERENCES `articles`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_tags_tag_status_sort` ON `article_tags` (`tag_slug`,`status`,`sort_at`,`article_seq`);--> statement-breakpoint
CREATE INDEX `article_tags_tag_sort` ON `article_tags` (`tag_slug`,`sort_at`,`article_seq`);--> statement-breakpoint
CREATE TABLE `articles` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`standfirst` text,
	`body` text NOT NULL,
	`body_html` text NOT NULL,
	`body_text` text NOT NULL,
	`dateline_place` text,
	`dateline_source` text,
	`authors` text NOT NULL,
	`section` text,
	`section_slug` text,
	`tags` text NOT NULL,
	`language` text NOT NULL,
	`canonical_url` text,
	`status` text NOT NULL,
	`published_at` integer,
	`first_published_at` integer,
	`sort_at` integer GENERATED ALWAYS AS (coalesce(published_at, created_at)) VIRTUAL NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`revision` integer NOT NULL,
	`comments_mode` text NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "articles_status_valid" CHECK(status in ('draft', 'published', 'archived')),
	CONSTRAINT "articles_comments_mode_valid" CHECK(comments_mode in ('open', 'premoderated', 'closed')),
	CONSTRAINT "articles_published_has_date" CHECK(status <> 'published' or published_at is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_id_unique` ON `articles` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_status_sort` ON `articles` (`status`,`sort_at`);--> statement-breakpoint
CREATE INDEX `articles_sort` ON `articles` (`sort_at`);--> statement-breakpoint
CREATE INDEX `articles_section_status_sort` ON `articles` (`section_slug`,`status`,`sort_at`);--> statement-breakpoint
CREATE INDEX `articles_section_sort` ON `articles` (`section_slug`,`sort_at`);