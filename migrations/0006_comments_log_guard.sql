-- The moderation log is append-only: the application has no path that changes or removes
-- an entry, and these triggers make sure no other path does either.
CREATE TRIGGER `moderation_log_no_update` BEFORE UPDATE ON `moderation_log` BEGIN
	SELECT RAISE(ABORT, 'moderation_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `moderation_log_no_delete` BEFORE DELETE ON `moderation_log` BEGIN
	SELECT RAISE(ABORT, 'moderation_log is append-only');
END;
