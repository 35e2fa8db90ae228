package org.lrsearch.runner.store;

import java.io.IOException;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.config.Mappers;

/**
 * A run's result as bytes, for engines that compute it in another JVM and hand it back to the
 * driver that commits it: JSON, whose shortest round-trip decimal form gives back every double
 * bit for bit (NaN and infinities included, as strings). Read with the store's reader, which skips
 * a field the record does not have.
 */
public final class ResultCodec {
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
            return ResultsStore.READ.readValue(bytes, RunResult.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode a run result: " + e.getMessage(), e);
        }
    }
}
