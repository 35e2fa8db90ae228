package org.lrsearch.runner.config;

/** A config error: names the file, the key and the value, and what would be valid. */
public class ConfigException extends UsageException {
    private final String file;
    private final String key;
    private final Object value;
    private final String problem;

    public ConfigException(String file, String key, Object value, String problem) {
        super(format(file, key, value, problem));
        this.file = file;
        this.key = key;
        this.value = value;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }

    /** The same problem, blamed on another file and key (a grid entry rather than the key it set). */
    public ConfigException at(String otherFile, String otherKey) {
        return new ConfigException(otherFile, otherKey, value, problem);
    }

    static String format(String file, String key, Object value, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "config" : file);
        if (key != null && !key.isEmpty()) {
            sb.append(": key '").append(key).append('\'');
        }
        if (value != null) {
            sb.append(" = ").append(Mappers.inline(value));
        }
        sb.append(": ").append(problem);
        return sb.toString();
    }
}
