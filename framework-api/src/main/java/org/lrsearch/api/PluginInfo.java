package org.lrsearch.api;

/**
 * Provenance of one discovered plugin.
 *
 * @param kind    dataset, model, strategy or reporter
 * @param id      its id
 * @param version its version
 * @param source  the jar or folder it was loaded from
 *
 * @since 0.1
 */
public record PluginInfo(String kind, String id, String version, String source) {
}
