package org.lrsearch.api;

import java.nio.file.Path;

/**
 * lrsearch's folder in the user's cache, {@code $HOME/.cache/lrsearch}: downloaded data, kept native
 * libraries. $HOME comes first because Java's {@code user.home} reads the password database and differs
 * from it under sudo and in some containers; {@code user.home} only when $HOME is unset ({@code .ci/run}
 * uses the same rule).
 *
 * @since 0.2
 */
public final class UserCache {
    private UserCache() {
    }

    /** {@code $HOME/.cache/lrsearch/first/more...}, absolute and normalised. */
    public static Path dir(String first, String... more) {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache", "lrsearch")
                .resolve(Path.of(first, more)).toAbsolutePath().normalize();
    }
}
