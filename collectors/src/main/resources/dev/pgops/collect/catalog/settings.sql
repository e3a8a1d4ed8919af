-- settings.sql · pg_settings · PostgreSQL 13+
-- Every server setting with its source and context; pending_restart exists since 9.5, so one variant.
SELECT name, setting, unit, vartype, context, source, boot_val, reset_val, min_val, max_val, pending_restart
FROM pg_settings
ORDER BY name
