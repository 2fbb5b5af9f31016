package dev.kurashi.devstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;

/**
 * mock-oauth2-server standing in for the Cognito user pool. Every token it issues looks like a Cognito access
 * token: {@code token_use=access}, {@code client_id}, {@code username}, {@code scope}, {@code cognito:groups}.
 */
final class OidcService implements AutoCloseable {

    static final String ISSUER_ID = "kurashi";
    static final String DEFAULT_SCOPE = "openid profile email";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final OAuth2TokenProvider tokenProvider = new OAuth2TokenProvider();
    private MockOAuth2Server server;

    OidcService(int port) {
        this.port = port;
    }

    void start() throws IOException {
        var config = new OAuth2Config(
                true,
                null,
                null,
                false,
                tokenProvider,
                Set.of(new CognitoShapedCallback()),
                new LoginClaimsServer(new MockWebServerWrapper()));
        server = new MockOAuth2Server(config);
        server.start(InetAddress.getByName("localhost"), port);
    }

    String issuer() {
        return "http://localhost:" + port + "/" + ISSUER_ID;
    }

    int port() {
        return port;
    }

    /** A signed access token for tests, with the issuer's key and the claims a code-flow login would get. */
    String token(String user, boolean staff, String clientId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", user);
        claims.put("aud", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(cognitoClaims(clientId, DEFAULT_SCOPE));
        claims.putAll(userClaims(user, staff));
        return tokenProvider.jwt(claims, TOKEN_LIFETIME, ISSUER_ID).serialize();
    }

    static Map<String, Object> cognitoClaims(String clientId, String scope) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("token_use", "access");
        claims.put("client_id", clientId);
        claims.put("scope", scope);
        return claims;
    }

    static Map<String, Object> userClaims(String username, boolean staff) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("username", username);
        if (staff) {
            claims.put("cognito:groups", List.of("staff"));
        }
        return claims;
    }

    static boolean isStaffLogin(String username) {
        return username.startsWith("staff");
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
        }
    }

    /** Claims every grant gets; the user's own claims come from the login (see {@link LoginClaimsServer}). */
    private static final class CognitoShapedCallback implements OAuth2TokenCallback {
        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return clientId(request);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of(clientId(request));
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            String scope = request.getScope() != null ? request.getScope().toString() : DEFAULT_SCOPE;
            return cognitoClaims(clientId(request), scope);
        }

        @Override
        public long tokenExpiry() {
            return TOKEN_LIFETIME.toSeconds();
        }

        private static String clientId(TokenRequest request) {
            ClientID id = request.getClientAuthentication() != null
                    ? request.getClientAuthentication().getClientID()
                    : request.getClientID();
            return id != null ? id.getValue() : "unknown-client";
        }
    }

    /**
     * The token callback never sees who logged in on the interactive login page; the login form's optional
     * {@code claims} field does reach the tokens. So the form post is rewritten on its way in: {@code username}
     * and, for user names starting with "staff", {@code cognito:groups: ["staff"]} are added to those claims.
     */
    private static final class LoginClaimsServer implements OAuth2HttpServer {
        private final OAuth2HttpServer delegate;

        LoginClaimsServer(OAuth2HttpServer delegate) {
            this.delegate = delegate;
        }

        @Override
        public OAuth2HttpServer start(
                InetAddress address, int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            delegate.start(address, port, request -> handler.invoke(withLoginClaims(request)));
            return this;
        }

        @Override
        public OAuth2HttpServer start(Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            return start(InetAddress.getLoopbackAddress(), 0, handler);
        }

        @Override
        public OAuth2HttpServer start(int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            return start(InetAddress.getLoopbackAddress(), port, handler);
        }

        @Override
        public OAuth2HttpServer stop() {
            delegate.stop();
            return this;
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public int port() {
            return delegate.port();
        }

        @Override
        public HttpUrl url(String path) {
            return delegate.url(path);
        }

        @Override
        public Ssl sslConfig() {
            return delegate.sslConfig();
        }

        private static OAuth2HttpRequest withLoginClaims(OAuth2HttpRequest request) {
            if (!"POST".equals(request.getMethod())
                    || !request.getUrl().encodedPath().endsWith("/authorize")
                    || request.getBody() == null) {
                return request;
            }
            Map<String, String> form = parseForm(request.getBody());
            String username = form.get("username");
            if (username == null || username.isBlank()) {
                return request;
            }
            Map<String, Object> claims = new LinkedHashMap<>(userClaims(username, isStaffLogin(username)));
            String given = form.get("claims");
            if (given != null && !given.isBlank()) {
                try {
                    claims.putAll(JSON.readValue(given, new TypeReference<Map<String, Object>>() {}));
                } catch (IOException e) {
                    Devstack.log("oidc: ignoring login claims that are not a JSON object: " + given);
                }
            }
            try {
                form.put("claims", JSON.writeValueAsString(claims));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return new OAuth2HttpRequest(request.getHeaders(), request.getMethod(), request.getOriginalUrl(), body);
        }

        private static Map<String, String> parseForm(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                form.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return form;
        }
    }
}
