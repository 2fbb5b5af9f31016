package dev.kurashi.shop.resilience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How the app answers while a dependency is down (ADR 1101). */
@ConfigMapping(prefix = "kurashi.resilience")
public interface ResilienceConfig {

    /** {@code Retry-After} of a 503 answered because the database is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** The last good answers kept for stale-if-error. */
    Stale stale();

    interface Stale {

        @WithDefault("true")
        boolean enabled();

        /** Path prefixes (or exact paths) whose anonymous GET answers are kept; matched like ResponsePolicy's. */
        @WithDefault("/,/api/v1/categories,/api/v1/products,/api/v1/articles,/api/v1/search,/products,"
                + "/categories,/articles,/search")
        List<String> paths();

        /** How many answers are kept at most (least recently used go first). */
        @WithDefault("2000")
        int maxEntries();

        /** Answers larger than this are not kept. */
        @WithDefault("512")
        int maxBodyKib();

        /** Bytes kept at most, all answers together. */
        @WithDefault("64")
        int maxTotalMib();

        /** An answer older than this is not served any more, outage or not. */
        @WithDefault("PT24H")
        Duration maxAge();
    }
}
