package dev.pgops.snapshot;

/** An installed extension, its version and the version the server's packages offer as default. */
public record ExtensionInfo(String name, String schema, String installedVersion, String defaultVersion) {}
