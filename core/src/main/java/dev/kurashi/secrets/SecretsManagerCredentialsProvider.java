package dev.kurashi.secrets;

import io.quarkus.arc.Unremovable;
import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Database credentials from Secrets Manager for Agroal. Agroal asks for credentials each time it
 * opens a physical connection, passing the datasource's {@code credentials-provider} value, which
 * here is the secret's name or ARN. Credentials are cached for {@link SecretsConfig#cacheTtl()};
 * {@link RotationAwarePostgresDriver} reads the secret again when the database rejects them.
 */
@ApplicationScoped
@Named(SecretsManagerCredentialsProvider.NAME)
@Unremovable
public class SecretsManagerCredentialsProvider implements CredentialsProvider {

    /** The bean name datasources give as {@code credentials-provider-name}. */
    public static final String NAME = "kurashi-secrets-manager";

    private final CredentialsCache cache;

    @Inject
    SecretsManagerCredentialsProvider(SecretsManagerClient client, SecretsConfig config) {
        this(client, config.cacheTtl(), config.minRefreshInterval(), InstantSource.system());
    }

    SecretsManagerCredentialsProvider(
            SecretsManagerClient client, Duration ttl, Duration minRefreshInterval, InstantSource clock) {
        this.cache = new CredentialsCache(secretId -> read(client, secretId), ttl, minRefreshInterval, clock);
    }

    @Override
    public Map<String, String> getCredentials(String secretId) {
        DatabaseCredentials credentials = cache.get(secretId);
        return Map.of(
                USER_PROPERTY_NAME, credentials.username(),
                PASSWORD_PROPERTY_NAME, credentials.password());
    }

    /** See {@link CredentialsCache#refreshRejected(String, String)}. */
    Optional<DatabaseCredentials> refreshRejected(String username, String password) {
        return cache.refreshRejected(username, password);
    }

    private static DatabaseCredentials read(SecretsManagerClient client, String secretId) {
        String secretString;
        try {
            secretString =
                    client.getSecretValue(request -> request.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new SecretUnavailableException(
                    "Cannot read database credentials from Secrets Manager secret '" + secretId + "': "
                            + e.getMessage(),
                    e);
        }
        return DatabaseCredentials.fromSecretString(secretId, secretString);
    }
}
