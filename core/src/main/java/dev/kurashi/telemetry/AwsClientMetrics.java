package dev.kurashi.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import java.time.Duration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS SDK call as {@code kurashi_client_requests_seconds{client="aws", operation="Sqs.SendMessageBatch",
 * status}}; a call that failed without an HTTP answer has status {@code error}. Registered on the Quarkus-managed
 * clients with {@code quarkus.<service>.interceptors} and on the clients the apps build themselves.
 */
public class AwsClientMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("kurashi.metrics.started");

    private volatile MeterRegistry registry;

    /** For the SDK, which instantiates interceptors named in configuration itself. */
    public AwsClientMetrics() {}

    public AwsClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, Integer.toString(context.httpResponse().statusCode()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(
                attributes,
                context.httpResponse()
                        .map(r -> Integer.toString(r.statusCode()))
                        .orElse("error"));
    }

    private void record(ExecutionAttributes attributes, String status) {
        Long started = attributes.getAttribute(STARTED);
        MeterRegistry meters = registry();
        if (started == null || meters == null) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        timer(meters, "aws", operation, status).record(Duration.ofNanos(System.nanoTime() - started));
    }

    private MeterRegistry registry() {
        if (registry == null && Arc.container() != null) {
            registry = Arc.container().select(MeterRegistry.class).get();
        }
        return registry;
    }

    static Timer timer(MeterRegistry registry, String client, String operation, String status) {
        return Timer.builder("kurashi.client.requests")
                .description("Calls to OpenSearch and AWS services")
                .tags("client", client, "operation", operation, "status", status)
                .register(registry);
    }
}
