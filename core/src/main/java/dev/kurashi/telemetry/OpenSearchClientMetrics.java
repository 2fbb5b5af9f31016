package dev.kurashi.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Times every OpenSearch call as {@code kurashi_client_requests_seconds{client="opensearch", method, status}}.
 * A call that gets no response (refused, timed out) is not timed here; the search SLI sees it as a degraded answer.
 */
@ElasticsearchClientConfig
@Singleton
class OpenSearchClientMetrics implements RestClientBuilder.HttpClientConfigCallback {

    private static final String STARTED = "kurashi.metrics.started";

    private final MeterRegistry registry;

    OpenSearchClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        HttpRequestInterceptor start = (request, context) -> {
            context.setAttribute(STARTED, System.nanoTime());
            context.setAttribute(STARTED + ".method", request.getRequestLine().getMethod());
        };
        HttpResponseInterceptor stop = (response, context) -> {
            if (context.getAttribute(STARTED) instanceof Long started) {
                Object method = context.getAttribute(STARTED + ".method");
                AwsClientMetrics.timer(
                                registry,
                                "opensearch",
                                String.valueOf(method),
                                Integer.toString(response.getStatusLine().getStatusCode()))
                        .record(Duration.ofNanos(System.nanoTime() - started));
            }
        };
        return builder.addInterceptorFirst(start).addInterceptorLast(stop);
    }
}
