CREATE TABLE `maintenance_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
