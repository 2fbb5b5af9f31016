package dev.kurashi.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data for local runs and tests; never enabled in AWS. */
@ConfigMapping(prefix = "kurashi.seed")
public interface SeedConfig {

    /** Seed an empty database at start-up. */
    @WithDefault("false")
    boolean enabled();
}
