package dev.kurashi.shop.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How a web session ends at the issuer (POST /logout). */
@ConfigMapping(prefix = "kurashi.session")
public interface SessionConfig {

    /**
     * The issuer's end-session page the browser is sent to after the local logout, so that its own session ends
     * too: Cognito's hosted UI {@code https://<domain>/logout}, the devstack issuer's {@code /endsession}. Empty:
     * the logout ends here and goes to the home page.
     */
    Optional<String> endSessionUrl();

    /** Where the browser lands after the logout (registered as the Cognito client's logout URL). */
    @WithDefault("/")
    String postLogoutPath();

    /** The query parameter that carries where to come back to: Cognito {@code logout_uri}, OIDC's standard name. */
    @WithDefault("post_logout_redirect_uri")
    String returnParameter();
}
