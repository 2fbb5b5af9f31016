package dev.kurashi.infra.ecspresso;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurashi.infra.Repository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service definition rule fails when one property of the real definitions in infra/ecspresso is broken:
 * the example copies them and changes exactly that property.
 */
class BrokenServiceDefinitionsTest {

    record Broken(String rule, String service, Consumer<ObjectNode> breakIt, String expected) {}

    static Stream<Named<Broken>> examples() {
        return Stream.of(
                example(
                        "deploy without rollback",
                        "Every service rolls a failed deployment back",
                        "queue-worker",
                        def -> breaker(def).put("rollback", false),
                        "queue-worker: deploymentCircuitBreaker.rollback must be true"),
                example(
                        "no circuit breaker",
                        "Every service rolls a failed deployment back",
                        "shop-app",
                        def -> ((ObjectNode) def.path("deploymentConfiguration")).remove("deploymentCircuitBreaker"),
                        "shop-app: deploymentCircuitBreaker.enable must be true"),
                example(
                        "two AZs only",
                        "Every service runs in the three private app subnets",
                        "batch-worker",
                        def -> network(def).withArray("subnets").remove(2),
                        "batch-worker: subnets must be the three private app subnets"),
                example(
                        "a public subnet",
                        "Every service runs in the three private app subnets",
                        "shop-app",
                        def -> network(def).withArray("subnets").set(0, "{{ tfstate `output.public_subnet_ids[0]` }}"),
                        "shop-app: subnets must be the three private app subnets"),
                example(
                        "public IP",
                        "Every service runs in the three private app subnets",
                        "queue-worker",
                        def -> network(def).put("assignPublicIp", "ENABLED"),
                        "queue-worker: assignPublicIp must be DISABLED"),
                example(
                        "ECS Exec on an app service",
                        "ECS Exec is on for the bastion only",
                        "batch-worker",
                        def -> def.put("enableExecuteCommand", true),
                        "batch-worker: enableExecuteCommand must be false"),
                example(
                        "ECS Exec left to the default on an app service",
                        "ECS Exec is on for the bastion only",
                        "shop-app",
                        def -> def.remove("enableExecuteCommand"),
                        "shop-app: enableExecuteCommand must be false"),
                example(
                        "bastion without ECS Exec",
                        "ECS Exec is on for the bastion only",
                        "bastion",
                        def -> def.put("enableExecuteCommand", false),
                        "bastion: enableExecuteCommand must be true"),
                example(
                        "bastion left running",
                        "The bastion's desired count is 0",
                        "bastion",
                        def -> def.put("desiredCount", 1),
                        "bastion: desiredCount must be 0"),
                example(
                        "queue-worker with a desired count each deploy resets",
                        "batch-worker runs exactly 2 tasks",
                        "queue-worker",
                        def -> def.put("desiredCount", 2),
                        "queue-worker: desiredCount must not be set"),
                example(
                        "batch-worker with one task",
                        "batch-worker runs exactly 2 tasks",
                        "batch-worker",
                        def -> def.put("desiredCount", 1),
                        "batch-worker: desiredCount must be exactly 2"),
                example(
                        "batch-worker with three tasks",
                        "batch-worker runs exactly 2 tasks",
                        "batch-worker",
                        def -> def.put("desiredCount", 3),
                        "batch-worker: desiredCount must be exactly 2"),
                example(
                        "shop-app with a desired count each deploy resets",
                        "batch-worker runs exactly 2 tasks",
                        "shop-app",
                        def -> def.put("desiredCount", 2),
                        "shop-app: desiredCount must not be set"),
                example(
                        "batch-worker without a desired count",
                        "batch-worker runs exactly 2 tasks",
                        "batch-worker",
                        def -> def.remove("desiredCount"),
                        "batch-worker: desiredCount must be exactly 2"),
                example(
                        "shop-app outside the target group",
                        "shop-app is behind the ALB's target group",
                        "shop-app",
                        def -> def.remove("loadBalancers"),
                        "shop-app: loadBalancers must register container shop-app:8080"),
                example(
                        "shop-app without a grace period",
                        "shop-app is behind the ALB's target group",
                        "shop-app",
                        def -> def.remove("healthCheckGracePeriodSeconds"),
                        "shop-app: healthCheckGracePeriodSeconds must be set"));
    }

    private static Named<Broken> example(
            String name, String rule, String service, Consumer<ObjectNode> breakIt, String expected) {
        return Named.of(name, new Broken(rule, service, breakIt, expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void failsTheRule(Broken broken) {
        ServiceDefinitionRule rule = ServiceDefinitionRule.all().stream()
                .filter(candidate -> candidate.description().startsWith(broken.rule()))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> services = new LinkedHashMap<>();
        ServiceDefinitionRule.load(Repository.ecspresso()).forEach((name, def) -> services.put(name, def.deepCopy()));
        broken.breakIt().accept((ObjectNode) services.get(broken.service()));

        assertThat(rule.violations(services))
                .anySatisfy(violation -> assertThat(violation).contains(broken.expected()));
    }

    private static ObjectNode breaker(ObjectNode definition) {
        return (ObjectNode) definition.path("deploymentConfiguration").path("deploymentCircuitBreaker");
    }

    private static ObjectNode network(ObjectNode definition) {
        return (ObjectNode) definition.path("networkConfiguration").path("awsvpcConfiguration");
    }
}
