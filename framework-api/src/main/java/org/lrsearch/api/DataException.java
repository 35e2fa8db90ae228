package org.lrsearch.api;

/**
 * A dataset could not be read or acquired: the message names the file and the fault.
 *
 * @since 0.1
 */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
