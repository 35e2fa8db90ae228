package org.lrsearch.api;

/**
 * Thrown by an options record's compact constructor when a value is out of range. The runner
 * turns it into a config error naming the file, the full key and the value.
 *
 * @since 0.1
 */
public class InvalidOptionException extends IllegalArgumentException {
    private final String key;
    private final transient Object value;

    public InvalidOptionException(String key, Object value, String problem) {
        super(problem);
        this.key = key;
        this.value = value;
    }

    /** The option's name within the plugin's section, e.g. {@code alpha}. */
    public String key() {
        return key;
    }

    /** The rejected value as given. */
    public Object value() {
        return value;
    }

    /** Throws when {@code condition} is false. */
    public static void require(boolean condition, String key, Object value, String problem) {
        if (!condition) {
            throw new InvalidOptionException(key, value, problem);
        }
    }

    /** Checks a learning rate: finite and strictly positive. */
    public static void requirePositiveRate(String key, double value) {
        require(Double.isFinite(value) && value > 0, key, value,
                "must be a finite learning rate > 0");
    }
}
