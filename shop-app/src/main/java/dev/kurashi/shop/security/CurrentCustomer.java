package dev.kurashi.shop.security;

import dev.kurashi.customer.CustomerService;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in customer of this request, created on first sight from the token's {@code sub}. For a bearer
 * token the principal is the access token (no e-mail); for a web session it is the ID token, which has one.
 */
@RequestScoped
public class CurrentCustomer {

    private final SecurityIdentity identity;
    private final CustomerService customers;
    private Long id;

    public CurrentCustomer(SecurityIdentity identity, CustomerService customers) {
        this.identity = identity;
        this.customers = customers;
    }

    /** The customer's id; 401 when the request is not signed in. */
    public long id() {
        if (id == null) {
            JsonWebToken token = token();
            id = customers.ensure(token.getSubject(), claim(token, "email"), displayName(token));
        }
        return id;
    }

    public boolean signedIn() {
        return !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken;
    }

    public boolean staff() {
        return signedIn() && identity.hasRole("staff");
    }

    private JsonWebToken token() {
        if (!signedIn()) {
            throw new UnauthorizedException();
        }
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            throw new UnauthorizedException();
        }
        return token;
    }

    private static String displayName(JsonWebToken token) {
        for (String claim : new String[] {"name", "username", "cognito:username", "preferred_username"}) {
            String value = claim(token, claim);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }
}
