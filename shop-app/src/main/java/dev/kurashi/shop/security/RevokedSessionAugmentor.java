package dev.kurashi.shop.security;

import dev.kurashi.customer.SessionRevocationService;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A web session whose ID token was logged out ({@link SessionRevocationService}) is anonymous from then on, on
 * every node: cookies saved before the logout open nothing (issue 12). A signed-in-only page then sends the
 * visitor through the login again. Bearer tokens (the API) carry no ID token and are not concerned: they expire
 * within minutes and their refresh tokens are revoked at the issuer.
 */
@ApplicationScoped
public class RevokedSessionAugmentor implements SecurityIdentityAugmentor {

    private final SessionRevocationService revocations;

    public RevokedSessionAugmentor(SessionRevocationService revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        IdTokenCredential idToken = identity.isAnonymous() ? null : identity.getCredential(IdTokenCredential.class);
        if (idToken == null || idToken.getToken() == null) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> revocations.isRevoked(idToken.getToken())
                ? QuarkusSecurityIdentity.builder().setAnonymous(true).build()
                : identity);
    }
}
