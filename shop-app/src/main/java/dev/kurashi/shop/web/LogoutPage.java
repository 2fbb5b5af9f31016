package dev.kurashi.shop.web;

import dev.kurashi.customer.SessionRevocationService;
import dev.kurashi.shop.http.PublicUrls;
import dev.kurashi.shop.security.SessionConfig;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcProviderClient;
import io.quarkus.oidc.OidcSession;
import io.quarkus.oidc.RefreshToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * {@code POST /logout} (a form with the CSRF token; a GET logs nobody out): ends the web session for good
 * (issue 12). The session's ID token is recorded as revoked on every node, the refresh token is revoked at the
 * issuer (Cognito's revocation endpoint, RFC 7009, which is what {@code RevokeToken} calls), the session cookie is
 * cleared, a new CSRF secret is issued, and the browser goes to the issuer's end-session page, which sends it back
 * to the home page.
 */
@Path("/logout")
public class LogoutPage {

    private static final Logger LOG = Logger.getLogger(LogoutPage.class);
    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

    private final SecurityIdentity identity;
    private final Instance<OidcSession> session;
    private final Instance<OidcProviderClient> issuer;
    private final SessionRevocationService revocations;
    private final SessionConfig config;
    private final PublicUrls urls;
    private final String clientId;

    public LogoutPage(
            SecurityIdentity identity,
            Instance<OidcSession> session,
            Instance<OidcProviderClient> issuer,
            SessionRevocationService revocations,
            SessionConfig config,
            PublicUrls urls,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.identity = identity;
        this.session = session;
        this.issuer = issuer;
        this.revocations = revocations;
        this.config = config;
        this.urls = urls;
        this.clientId = clientId;
    }

    @POST
    public Response logout() {
        IdTokenCredential idToken = identity.isAnonymous() ? null : identity.getCredential(IdTokenCredential.class);
        if (idToken == null) {
            return CartPage.redirect(config.postLogoutPath()).build();
        }
        revocations.revoke(idToken.getToken(), expiry(identity));
        RefreshToken refresh = identity.getCredential(RefreshToken.class);
        if (refresh != null && refresh.getToken() != null) {
            revokeAtIssuer(refresh.getToken());
        }
        session.get().logout().await().atMost(ISSUER_TIMEOUT);
        return Response.seeOther(endSession())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                // the browser's CSRF secret ends with the session: the next page issues a new one
                .cookie(new NewCookie.Builder(Csrf.NAME)
                        .value("")
                        .path("/")
                        .maxAge(0)
                        .httpOnly(true)
                        .build())
                .build();
    }

    private void revokeAtIssuer(String refreshToken) {
        try {
            boolean revoked =
                    issuer.get().revokeRefreshToken(refreshToken).await().atMost(ISSUER_TIMEOUT);
            if (!revoked) {
                LOG.warn("The issuer did not confirm the refresh token's revocation");
            }
        } catch (RuntimeException e) {
            // the session is revoked here anyway; the refresh token still expires on its own
            LOG.warnf("Could not revoke the refresh token at the issuer: %s", e.getMessage());
        }
    }

    private URI endSession() {
        URI home = urls.absolute(config.postLogoutPath());
        return config.endSessionUrl()
                .map(url -> URI.create(url + (url.contains("?") ? "&" : "?") + "client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&" + config.returnParameter() + "="
                        + URLEncoder.encode(home.toString(), StandardCharsets.UTF_8)))
                .orElse(home);
    }

    private static Instant expiry(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        return Instant.now().plus(Duration.ofDays(1));
    }
}
