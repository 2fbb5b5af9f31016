package dev.kurashi.shop.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Response headers that differ between environments. */
@ConfigMapping(prefix = "kurashi.http")
public interface HttpConfig {

    /** Send Strict-Transport-Security (only where the site is served over https: %prod). */
    @WithDefault("false")
    boolean hsts();
}
