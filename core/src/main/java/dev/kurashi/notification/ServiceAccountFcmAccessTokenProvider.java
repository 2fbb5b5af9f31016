package dev.kurashi.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * FCM access tokens for a Google service account, with the JDK alone: a JWT signed RS256 with the account's key
 * and exchanged at its {@code token_uri} (OAuth 2 JWT bearer grant, RFC 7523) for a one-hour token, cached until
 * five minutes before it expires. The key JSON (as Google issues it) comes from Secrets Manager, read again on
 * every exchange so a rotated key is picked up.
 */
class ServiceAccountFcmAccessTokenProvider implements FcmAccessTokenProvider {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record Token(String value, Instant refreshAfter) {}

    private final Supplier<String> serviceAccountJson;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;
    private volatile Token token;

    public ServiceAccountFcmAccessTokenProvider(
            Supplier<String> serviceAccountJson, ObjectMapper json, HttpClient http, Clock clock) {
        this.serviceAccountJson = serviceAccountJson;
        this.json = json;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String accessToken() {
        Token current = token;
        if (current == null || !clock.instant().isBefore(current.refreshAfter())) {
            current = exchange();
            token = current;
        }
        return current.value();
    }

    @Override
    public synchronized void invalidate() {
        token = null;
    }

    private Token exchange() {
        try {
            JsonNode account = json.readTree(serviceAccountJson.get());
            String tokenUri = account.path("token_uri").asText("https://oauth2.googleapis.com/token");
            String assertion = assertion(account, tokenUri, clock.instant());
            String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8) + "&assertion="
                    + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(tokenUri))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new NotificationFailedException(
                        "Google token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = json.readTree(response.body());
            long expiresIn = answer.path("expires_in").asLong(LIFETIME.toSeconds());
            Instant refreshAfter = clock.instant().plusSeconds(expiresIn).minus(MARGIN);
            return new Token(answer.path("access_token").asText(), refreshAfter);
        } catch (IOException e) {
            throw new NotificationFailedException("cannot get an FCM access token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while getting an FCM access token", e);
        }
    }

    /** The signed JWT of the grant: {@code iss} the account, {@code aud} the token endpoint, one hour. */
    String assertion(JsonNode account, String tokenUri, Instant now) throws IOException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(json.writeValueAsBytes(json.createObjectNode()
                .put("alg", "RS256")
                .put("typ", "JWT")
                .put("kid", account.path("private_key_id").asText())));
        String claims = url.encodeToString(json.writeValueAsBytes(json.createObjectNode()
                .put("iss", account.path("client_email").asText())
                .put("scope", SCOPE)
                .put("aud", tokenUri)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond())));
        String signingInput = header + "." + claims;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(account.path("private_key").asText()));
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new NotificationFailedException("cannot sign the FCM token grant: " + e.getMessage(), e);
        }
    }

    /** The PKCS #8 PEM key of a Google service account key file. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
