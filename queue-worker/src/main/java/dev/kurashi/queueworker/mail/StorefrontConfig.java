package dev.kurashi.queueworker.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The storefront that mails link to. */
@ConfigMapping(prefix = "kurashi.storefront")
public interface StorefrontConfig {

    /** Base URL of the storefront, for links in mail ({@code /products/{slug}} is appended). */
    @WithDefault("http://localhost:8080")
    String url();
}
