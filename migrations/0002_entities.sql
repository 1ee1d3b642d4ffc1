CREATE TABLE `entities` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`type` text NOT NULL,
	`description` text,
	`wikidata_qid` text,
	`article_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "entities_type_valid" CHECK(type in ('person', 'organization', 'place'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entities_id_unique` ON `entities` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `entities_slug_unique` ON `entities` (`slug`);--> statement-breakpoint
CREATE INDEX `entities_count` ON `entities` (`article_count`,`seq`);--> statement-breakpoint
CREATE INDEX `entities_type_count` ON `entities` (`type`,`article_count`,`seq`);--> statement-breakpoint
CREATE INDEX `entities_name` ON `entities` (`name_key`,`seq`);--> statement-breakpoint
CREATE INDEX `entities_type_name` ON `entities` (`type`,`name_key`,`seq`);--> statement-breakpoint
CREATE TABLE `entity_aliases` (
	`entity_seq` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	PRIMARY KEY(`entity_seq`, `alias_key`),
	FOREIGN KEY (`entity_seq`) REFERENCES `entities`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `entity_aliases_key` ON `entity_aliases` (`alias_key`);--> statement-breakpoint
CREATE TABLE `entity_catalog_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `entity_redirects` (
	`slug` text PRIMARY KEY NOT NULL,
	`entity_seq` integer NOT NULL,
	FOREIGN KEY (`entity_seq`) REFERENCES `entities`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `entity_suppressions` (
	`name_key` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mentions` (
	`article_seq` integer NOT NULL,
	`entity_seq` integer NOT NULL,
	`mention_count` integer NOT NULL,
	`first_offset` integer NOT NULL,
	`salience` real NOT NULL,
	`origin` text NOT NULL,
	`linked` integer NOT NULL,
	`status` text NOT NULL,
	`sort_at` integer NOT NULL,
	PRIMARY KEY(`article_seq`, `entity_seq`),
	FOREIGN KEY (`article_seq`) REFERENCES `articles`(`seq`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_seq`) REFERENCES `entities`(`seq`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "mentions_origin_valid" CHECK(origin in ('auto', 'editor'))
);
--> statement-breakpoint
CREATE INDEX `mentions_entity_status_sort` ON `mentions` (`entity_seq`,`status`,`sort_at`,`article_seq`) WHERE linked = 1;--> statement-breakpoint
CREATE INDEX `mentions_entity_sort` ON `mentions` (`entity_seq`,`sort_at`,`article_seq`) WHERE linked = 1;