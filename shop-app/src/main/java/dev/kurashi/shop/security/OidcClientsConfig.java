package dev.kurashi.shop.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Which Cognito app clients may call this app. */
@ConfigMapping(prefix = "kurashi.oidc")
public interface OidcClientsConfig {

    /** The {@code client_id} claim of an access token must be one of these. */
    @WithDefault("kurashi-mobile,kurashi-web")
    Set<String> clientIds();
}
