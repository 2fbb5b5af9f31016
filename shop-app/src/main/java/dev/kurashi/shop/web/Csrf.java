package dev.kurashi.shop.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * CSRF tokens bound to the session (issue 12). The {@value #NAME} cookie (HttpOnly, SameSite=Lax, Secure in prod)
 * holds a random per-browser secret and a tag of whom it was issued to; the form field is an HMAC of that secret
 * and of the visitor (the signed-in customer's {@code sub}, or "anonymous"). So another visitor's cookie and
 * field pair does not pass with a victim's session, and the secret is replaced whenever the visitor changes: at
 * login and at logout. Templates use {@code {inject:csrf.token}} and {@code {inject:csrf.parameterName}}; only a
 * page that renders a form asks for a token, so only such a page sets the cookie (cacheable pages never do).
 * {@link CsrfCheck} verifies every form POST.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    public static final String NAME = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private final byte[] key;
    private final boolean secure;
    private String issued;

    public Csrf(SecurityIdentity identity, CurrentVertxRequest request, WebConfig config) {
        this.identity = identity;
        this.request = request;
        this.key = hmac(config.cartCookieSecret().getBytes(StandardCharsets.UTF_8), "kurashi-csrf-v1");
        this.secure = config.secureCookies();
    }

    public String getParameterName() {
        return NAME;
    }

    /** The token for this page's forms; issues (and sets) a new secret when the browser has none for this visitor. */
    public String getToken() {
        String cookie = currentCookie();
        if (cookie == null) {
            cookie = issue();
        }
        return expected(cookie);
    }

    /** Whether {@code submitted} is the token of this browser's secret for the visitor of this request. */
    boolean verifies(String submitted) {
        String cookie = currentCookie();
        return cookie != null
                && submitted != null
                && MessageDigest.isEqual(
                        expected(cookie).getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The browser's secret if it was issued to this visitor; a secret of someone else counts as none. */
    private String currentCookie() {
        if (issued != null) {
            return issued;
        }
        RoutingContext context = request.getCurrent();
        Cookie cookie = context == null ? null : context.request().getCookie(NAME);
        if (cookie == null) {
            return null;
        }
        String value = cookie.getValue();
        int dot = value.lastIndexOf('.');
        if (dot < 1 || !value.substring(dot + 1).equals(tag())) {
            return null;
        }
        return value;
    }

    private String issue() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        issued = B64.encodeToString(secret) + "." + tag();
        RoutingContext context = request.getCurrent();
        if (context != null) {
            context.response()
                    .addCookie(Cookie.cookie(NAME, issued)
                            .setPath("/")
                            .setHttpOnly(true)
                            .setSecure(secure)
                            .setSameSite(CookieSameSite.LAX));
        }
        return issued;
    }

    private String expected(String cookie) {
        return B64.encodeToString(hmac(key, "token|" + cookie + "|" + visitor()));
    }

    private String tag() {
        return B64.encodeToString(hmac(key, "tag|" + visitor())).substring(0, 12);
    }

    private String visitor() {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            return "sub:" + token.getSubject();
        }
        return "anonymous";
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
