package dev.kurashi.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A WireMock server speaking the Secrets Manager JSON 1.1 protocol, which the real SDK client is
 * pointed at. Tests reach it through the {@link WireMock} admin client of {@link #client(URI)}.
 */
public class SecretsManagerWireMockResource implements QuarkusTestResourceLifecycleManager {

    private static final String TARGET = "secretsmanager.GetSecretValue";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "quarkus.secretsmanager.endpoint-override", "http://localhost:" + server.port(),
                "quarkus.secretsmanager.aws.region", "ap-northeast-1",
                "quarkus.secretsmanager.aws.credentials.type", "static",
                "quarkus.secretsmanager.aws.credentials.static-provider.access-key-id", "test",
                "quarkus.secretsmanager.aws.credentials.static-provider.secret-access-key", "test");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static WireMock client(URI endpoint) {
        return new WireMock(endpoint.getHost(), endpoint.getPort());
    }

    /** From now on the secret holds these credentials (the newest stub wins in WireMock). */
    static void stubSecret(WireMock wireMock, String secretId, String username, String password) {
        ObjectNode secret = JSON.createObjectNode()
                .put("engine", "postgres")
                .put("username", username)
                .put("password", password);
        ObjectNode body = JSON.createObjectNode()
                .put("ARN", "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:" + secretId + "-AbCdEf")
                .put("Name", secretId)
                .put("SecretString", secret.toString())
                .put("VersionId", UUID.randomUUID().toString())
                .put("CreatedDate", Instant.now().getEpochSecond());
        body.putArray("VersionStages").add("AWSCURRENT");
        wireMock.register(getSecretValue(secretId)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", CONTENT_TYPE)
                        .withBody(body.toString())));
    }

    static void stubMissingSecret(WireMock wireMock, String secretId) {
        wireMock.register(getSecretValue(secretId)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", CONTENT_TYPE)
                        .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                        .withBody("{\"__type\":\"ResourceNotFoundException\","
                                + "\"message\":\"Secrets Manager can't find the specified secret.\"}")));
    }

    static void stubUnresponsiveSecret(WireMock wireMock, String secretId, int delayMillis) {
        wireMock.register(getSecretValue(secretId)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", CONTENT_TYPE)
                        .withFixedDelay(delayMillis)
                        .withBody("{}")));
    }

    static int reads(WireMock wireMock, String secretId) {
        return wireMock.find(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(TARGET))
                        .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId))))
                .size();
    }

    private static MappingBuilder getSecretValue(String secretId) {
        return post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)));
    }
}
