package dev.pgops.snapshot;

/**
 * {@code pg_control_system()} of the server, to match backups to it.
 *
 * @param systemIdentifier unsigned 64-bit decimal (text: it exceeds 2^53)
 * @param pgControlVersion {@code pg_control_version}
 * @param catalogVersion   {@code catalog_version_no}
 */
public record ControlData(String systemIdentifier, int pgControlVersion, long catalogVersion) {}
