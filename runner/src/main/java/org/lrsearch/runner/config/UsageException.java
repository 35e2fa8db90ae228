package org.lrsearch.runner.config;

/**
 * Bad input from the user (config, override, command line, data): reported as one clear
 * message with exit code 2 and no stack trace.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
