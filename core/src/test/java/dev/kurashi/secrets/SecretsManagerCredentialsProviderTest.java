package dev.kurashi.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.credentials.CredentialsProvider;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class SecretsManagerCredentialsProviderTest {

    private static final String SECRET = "kurashi/prod/database";

    @Test
    void readsTheAuroraSecretShape() {
        var provider = providerAnswering(
                "{\"engine\":\"postgres\",\"host\":\"db.example\",\"port\":5432,\"dbname\":\"kurashi\","
                        + "\"username\":\"kurashi_app\",\"password\":\"s3cr3t\"}");
        assertEquals(
                Map.of(
                        CredentialsProvider.USER_PROPERTY_NAME, "kurashi_app",
                        CredentialsProvider.PASSWORD_PROPERTY_NAME, "s3cr3t"),
                provider.getCredentials(SECRET));
    }

    @Test
    void aSecretWithoutPasswordIsAClearError() {
        var provider = providerAnswering("{\"username\":\"kurashi_app\",\"pass\":\"s3cr3t\"}");
        var e = assertThrows(SecretUnavailableException.class, () -> provider.getCredentials(SECRET));
        assertEquals("Secrets Manager secret '" + SECRET + "' has no string field 'password'", e.getMessage());
    }

    @Test
    void aSecretThatIsNotJsonIsReportedWithoutQuotingIt() {
        var provider = providerAnswering("username=kurashi_app password=s3cr3t");
        var e = assertThrows(SecretUnavailableException.class, () -> provider.getCredentials(SECRET));
        assertTrue(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void aMissingSecretNamesTheSecret() {
        var provider = provider(request -> {
            throw ResourceNotFoundException.builder()
                    .message("Secrets Manager can't find the specified secret.")
                    .build();
        });
        var e = assertThrows(SecretUnavailableException.class, () -> provider.getCredentials(SECRET));
        assertTrue(
                e.getMessage().startsWith("Cannot read database credentials from Secrets Manager secret '" + SECRET),
                e.getMessage());
        assertTrue(e.getMessage().contains("can't find the specified secret"), e.getMessage());
    }

    private static SecretsManagerCredentialsProvider providerAnswering(String secretString) {
        return provider(request -> GetSecretValueResponse.builder()
                .name(request.secretId())
                .secretString(secretString)
                .build());
    }

    private static SecretsManagerCredentialsProvider provider(
            Function<GetSecretValueRequest, GetSecretValueResponse> answer) {
        SecretsManagerClient client = new SecretsManagerClient() {
            @Override
            public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
                return answer.apply(request);
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {}
        };
        return new SecretsManagerCredentialsProvider(
                client, Duration.ofMinutes(5), Duration.ofSeconds(1), InstantSource.system());
    }
}
