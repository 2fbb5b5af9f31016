package dev.kurashi.shop.security;

import dev.kurashi.devstack.client.Devstack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tokens for negative tests. The devstack issuer signs whatever claims its login form is given (they override
 * the Cognito-shaped defaults), so {@link #issued} yields correctly signed tokens that break one rule each;
 * {@link #foreign} is signed by a key nobody trusts.
 */
final class TestTokens {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String REDIRECT = "http://localhost/callback";

    private TestTokens() {}

    static String issuer() {
        @SuppressWarnings("unchecked")
        Map<String, Object> oidc = (Map<String, Object>) Devstack.endpoints().get("oidc");
        return (String) oidc.get("issuer");
    }

    /** An access token signed by the devstack issuer with these claims on top of a customer's usual ones. */
    static String issued(String user, Map<String, Object> claims) {
        try {
            String query = "client_id=kurashi-mobile&response_type=code&scope=openid&state=s&nonce=n&redirect_uri="
                    + enc(REDIRECT);
            String form = "username=" + enc(user) + "&claims=" + enc(json(claims));
            HttpResponse<String> login = HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/authorize?" + query))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElseThrow();
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            if (!code.find()) {
                throw new IllegalStateException("no code in " + location);
            }
            String tokenForm = "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + enc(REDIRECT)
                    + "&client_id=kurashi-mobile&client_secret=unused";
            HttpResponse<String> token = HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(tokenForm))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher access =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
            if (!access.find()) {
                throw new IllegalStateException("no access token in " + token.body());
            }
            return access.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Cognito-shaped token signed by a throwaway RSA key, claiming the given issuer. */
    static String foreign(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", "kurashi");
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("sub", "intruder");
            claims.put("username", "intruder");
            claims.put("token_use", "access");
            claims.put("client_id", "kurashi-mobile");
            claims.put("cognito:groups", java.util.List.of("staff"));
            claims.put("iat", now);
            claims.put("exp", now + 3600);
            claims.put("jti", UUID.randomUUID().toString());
            String signingInput = B64.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with its payload changed (staff added), so its signature no longer matches. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\\{", "{\"cognito:groups\":[\"staff\"],");
        return parts[0] + "." + B64.encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Enough JSON for flat claims: strings, numbers and lists of strings. */
    private static String json(Map<String, Object> map) {
        return map.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(TestTokens::value).collect(Collectors.joining(",", "[", "]"));
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
