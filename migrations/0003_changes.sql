CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource` text NOT NULL,
	`resource_id` text NOT NULL,
	`slug` text,
	`kind` text NOT NULL,
	`target_id` text,
	`revision` integer,
	`is_public` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text,
	`dedupe_key` text,
	CONSTRAINT "changes_kind_valid" CHECK(kind in ('create', 'update', 'publish', 'unpublish', 'delete', 'merge')),
	CONSTRAINT "changes_resource_valid" CHECK(resource in ('article', 'entity'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `changes_dedupe_key_unique` ON `changes` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `changes_public_seq` ON `changes` (`is_public`,`seq`);--> statement-breakpoint
CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`modified_at` integer NOT NULL,
	CONSTRAINT "content_version_one_row" CHECK(id = 1)
);
--> statement-breakpoint
CREATE TABLE `scheduled_go_lives` (
	`article_seq` integer PRIMARY KEY NOT NULL,
	`due_at` integer NOT NULL,
	FOREIGN KEY (`article_seq`) REFERENCES `articles`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scheduled_go_lives_due` ON `scheduled_go_lives` (`due_at`);