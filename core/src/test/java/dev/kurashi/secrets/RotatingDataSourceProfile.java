package dev.kurashi.secrets;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Two datasources on the devstack's PostgreSQL whose credentials come from Secrets Manager (served
 * by WireMock), wired the way the apps wire theirs in {@code %prod}.
 */
public class RotatingDataSourceProfile implements QuarkusTestProfile {

    static final String ROTATING_SECRET = "kurashi/test/rotating";
    static final String MISSING_SECRET = "kurashi/test/missing";
    static final String UNRESPONSIVE_SECRET = "kurashi/test/unresponsive";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                // No Docker on the build machines: the Amazon extensions' Dev Services would fail the build.
                Map.entry("quarkus.devservices.enabled", "false"),
                Map.entry("quarkus.secretsmanager.api-call-timeout", "2s"),
                // The test rotates twice within milliseconds; in production rotations are days apart.
                Map.entry("kurashi.secrets.min-refresh-interval", "0s"),
                // Through the AWS Advanced JDBC Wrapper, as in prod, but without its Aurora plugins: plain
                // PostgreSQL has no Aurora topology (ADR 1102).
                Map.entry("kurashi.datasource.aws-wrapper-plugins", "none"),
                Map.entry("quarkus.datasource.rotating.db-kind", "postgresql"),
                Map.entry("quarkus.datasource.rotating.jdbc.url", "${quarkus.datasource.jdbc.url}"),
                Map.entry("quarkus.datasource.rotating.jdbc.driver", RotationAwarePostgresDriver.class.getName()),
                Map.entry("quarkus.datasource.rotating.jdbc.max-size", "30"),
                Map.entry("quarkus.datasource.rotating.credentials-provider", ROTATING_SECRET),
                Map.entry(
                        "quarkus.datasource.rotating.credentials-provider-name",
                        SecretsManagerCredentialsProvider.NAME),
                Map.entry("quarkus.datasource.unreadable.db-kind", "postgresql"),
                Map.entry("quarkus.datasource.unreadable.jdbc.url", "${quarkus.datasource.jdbc.url}"),
                Map.entry("quarkus.datasource.unreadable.jdbc.driver", RotationAwarePostgresDriver.class.getName()),
                Map.entry("quarkus.datasource.unreadable.credentials-provider", MISSING_SECRET),
                Map.entry(
                        "quarkus.datasource.unreadable.credentials-provider-name",
                        SecretsManagerCredentialsProvider.NAME));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SecretsManagerWireMockResource.class));
    }
}
