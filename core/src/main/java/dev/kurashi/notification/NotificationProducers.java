package dev.kurashi.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.customer.CustomerService;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Clock;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Picks the adapters of the notification ports from configuration; beans are created on first use. */
@ApplicationScoped
class NotificationProducers {

    @Produces
    @ApplicationScoped
    @DefaultBean
    CustomerDirectory customerDirectory(NotificationConfig config, CustomerService customers) {
        return switch (config.directory()) {
            case "cognito" ->
                new CognitoCustomerDirectory(
                        customers,
                        config.cognitoUserPoolId()
                                .orElseThrow(
                                        () -> new IllegalStateException(
                                                "kurashi.notification.cognito-user-pool-id is required by the cognito directory")),
                        config.cognitoRegion());
            case "local" -> {
                if (ConfigUtils.getProfiles().contains("prod")) {
                    throw new IllegalStateException(
                            "kurashi.notification.directory=local invents addresses; the prod profile needs cognito");
                }
                yield new LocalCustomerDirectory(customers);
            }
            default -> throw new IllegalStateException("kurashi.notification.directory must be cognito or local");
        };
    }

    void close(@Disposes CustomerDirectory directory) throws Exception {
        if (directory instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    FcmAccessTokenProvider fcmAccessTokens(
            PushConfig config, ObjectMapper json, Instance<SecretsManagerClient> secretsManager) {
        return switch (config.fcmAuth()) {
            case "static" -> config::fcmStaticToken;
            case "service-account" -> {
                String secretId = config.fcmServiceAccountSecret()
                        .orElseThrow(() -> new IllegalStateException(
                                "kurashi.push.fcm-service-account-secret is required by fcm-auth=service-account"));
                yield new ServiceAccountFcmAccessTokenProvider(
                        () -> secretsManager
                                .get()
                                .getSecretValue(r -> r.secretId(secretId))
                                .secretString(),
                        json,
                        HttpClient.newHttpClient(),
                        Clock.systemUTC());
            }
            default -> throw new IllegalStateException("kurashi.push.fcm-auth must be static or service-account");
        };
    }
}
