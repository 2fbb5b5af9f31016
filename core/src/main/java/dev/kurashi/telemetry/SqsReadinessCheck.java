package dev.kurashi.telemetry;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reports whether the app can reach its SQS queues. Readiness only (docs/adr/1502-liveness-never-follows-a-dependency.md): an SQS outage must
 * not make ECS replace every task. GetQueueAttributes can be granted per queue ARN, unlike ListQueues,
 * and its message count tells an operator how far behind a consumer is.
 *
 * <p>A build-time condition keeps the bean, and with it the SQS client, out of apps that do not
 * talk to SQS.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "kurashi.health.sqs.enabled", stringValue = "true")
class SqsReadinessCheck implements HealthCheck {

    static final String NAME = "SQS queues";

    private final SqsClient sqs;
    private final SqsHealthConfig config;

    SqsReadinessCheck(SqsClient sqs, SqsHealthConfig config) {
        this.sqs = sqs;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).up();
        List<String> queueUrls = config.queueUrls().orElse(List.of());
        if (queueUrls.isEmpty()) {
            return response.down()
                    .withData("reason", "kurashi.health.sqs.queue-urls is not set")
                    .build();
        }
        for (String queueUrl : queueUrls) {
            String queue = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
            try {
                var attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                                .overrideConfiguration(override -> override.apiCallTimeout(config.timeout())))
                        .attributes();
                response.withData(queue, attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            } catch (SdkException e) {
                response.down().withData(queue, "unreachable: " + e.getMessage());
            }
        }
        return response.build();
    }
}
