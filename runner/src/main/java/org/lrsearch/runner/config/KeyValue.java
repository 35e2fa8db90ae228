package org.lrsearch.runner.config;

/**
 * One {@code key.path=value} argument of the command line: the dotted key, the value's text, and
 * the value parsed as YAML ({@code 500} a number, {@code [1, 2]} a list, {@code null} nothing).
 * The one parser of such arguments, for config overrides and dataset options alike.
 *
 * @param key   the dotted key
 * @param text  the value as typed
 * @param value the value parsed as YAML (an empty text is the empty string)
 */
public record KeyValue(String key, String text, Object value) {

    /** @throws ConfigException naming the command line when the argument is malformed or its value is not YAML */
    public static KeyValue parse(String arg) {
        int eq = arg.indexOf('=');
        String key = eq < 0 ? arg : arg.substring(0, eq).trim();
        if (eq < 0 || !key.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw new ConfigException(ComposedConfig.COMMAND_LINE, null, null, "argument '" + arg
                    + "' is malformed: write key.path=value, e.g. training.iterations=500");
        }
        String text = arg.substring(eq + 1);
        try {
            return new KeyValue(key, text, text.isEmpty() ? "" : Mappers.parse(text));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigException(ComposedConfig.COMMAND_LINE, key, text, "value is not valid YAML: "
                    + (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m ? m.getProblem() : e.getMessage()));
        }
    }
}
