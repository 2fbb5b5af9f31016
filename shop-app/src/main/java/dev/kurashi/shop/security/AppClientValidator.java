package dev.kurashi.shop.security;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Rejects access tokens of app clients that are not ours. Cognito access tokens carry the app client in
 * {@code client_id} and have no {@code aud}, so Quarkus' audience check cannot do this. Runs for every tenant
 * after the signature, issuer and expiry checks; ID tokens (code flow) are left to Quarkus, which requires
 * their {@code aud} to be the web client.
 */
@ApplicationScoped
@Unremovable
public class AppClientValidator implements Validator {

    private final Set<String> clientIds;

    public AppClientValidator(OidcClientsConfig config) {
        this.clientIds = Set.copyOf(config.clientIds());
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        var claims = context.getJwtClaims();
        if (!"access".equals(claims.getClaimValueAsString("token_use"))) {
            return null;
        }
        String clientId = claims.getClaimValueAsString("client_id");
        return clientId != null && clientIds.contains(clientId) ? null : "the token's client_id is not an app client";
    }
}
