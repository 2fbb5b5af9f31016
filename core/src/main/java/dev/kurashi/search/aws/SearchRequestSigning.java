package dev.kurashi.search.aws;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Adds SigV4 signing to the OpenSearch RestClient when {@code kurashi.search.aws-sigv4.enabled}; otherwise
 * leaves the client as it is. Credentials come from the SDK's default chain (the ECS task role in AWS),
 * refreshed in the background so that no request waits for the container credentials endpoint.
 */
@ElasticsearchClientConfig
@Singleton
public class SearchRequestSigning implements RestClientBuilder.HttpClientConfigCallback {

    private static final Logger LOG = Logger.getLogger(SearchRequestSigning.class);

    private final SearchSigV4Config config;
    private DefaultCredentialsProvider credentials;

    SearchRequestSigning(SearchSigV4Config config) {
        this.config = config;
    }

    @Override
    public synchronized HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        if (!config.enabled()) {
            return builder;
        }
        String region = config.region()
                .filter(r -> !r.isBlank())
                .orElseGet(() -> DefaultAwsRegionProviderChain.builder()
                        .build()
                        .getRegion()
                        .id());
        if (credentials == null) {
            credentials = DefaultCredentialsProvider.builder()
                    .asyncCredentialUpdateEnabled(true)
                    .build();
        }
        LOG.infof(
                "Signing OpenSearch requests with SigV4 (service %s, region %s)",
                AwsSigV4RequestInterceptor.SERVICE, region);
        return builder.addInterceptorLast(
                new AwsSigV4RequestInterceptor(AwsV4HttpSigner.create(), credentials, region, Clock.systemUTC()));
    }

    @PreDestroy
    synchronized void close() {
        if (credentials != null) {
            credentials.close();
        }
    }
}
