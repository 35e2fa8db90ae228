package org.lrsearch.api;

/**
 * What every plugin kind shares: a stable kebab-case id that configs refer to, a one-line
 * description for {@code lrsearch plugins}, and a typed options record.
 *
 * <p>The options record validates itself in its compact constructor (throwing
 * {@link InvalidOptionException}) and documents each component with {@link Option}. The runner
 * binds a config map onto it; unknown keys are rejected before any run starts.
 *
 * @param <O> the options record
 *
 * @since 0.1
 */
public interface Plugin<O extends Record> {

    /** Stable id used in configs, results and provenance; kebab-case, never renamed. */
    String id();

    /** One line saying what the plugin does. */
    String description();

    /** The record that the plugin's config section is bound to. */
    Class<O> optionsType();

    /** The plugin's version, from its jar manifest when packaged. */
    default String version() {
        Package p = getClass().getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
