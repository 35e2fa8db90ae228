package org.lrsearch.runner.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.config.Mappers;

/**
 * A run's result as bytes, for engines that compute it in another JVM and hand it back to the
 * driver that commits it: JSON, whose shortest round-trip decimal form gives back every double
 * bit for bit (NaN and infinities included, as strings).
 */
public final class ResultCodec {
    private static final ObjectMapper READ = Mappers.JSON.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultCodec() {
    }

    public static byte[] encode(RunResult r) {
        try {
            return Mappers.JSON.writeValueAsBytes(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the result of run " + r.spec().runId() + ": " + e.getMessage(), e);
        }
    }

    public static RunResult decode(byte[] bytes) {
        try {
            return READ.readValue(bytes, RunResult.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode a run result: " + e.getMessage(), e);
        }
    }
}
