package dev.kurashi.infra.ecspresso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A property of the ECS services, held where it lives: ecspresso creates and updates the services from
 * infra/ecspresso/&lt;service&gt;/ecs-service-def.json (docs/adr/1504-ecspresso-owns-ecs-services.md). A rule reads the service
 * definitions by service name and returns its violations; BrokenServiceDefinitionsTest shows each can fail.
 */
record ServiceDefinitionRule(String description, Function<Map<String, JsonNode>, List<String>> check) {

    static final List<String> SERVICES = List.of("shop-app", "queue-worker", "batch-worker", "bastion");
    static final String BASTION = "bastion";

    /** The service definitions the services' ecspresso configurations name, by service. */
    static Map<String, JsonNode> load(Path ecspresso) {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path dir = ecspresso.resolve(service);
            Object definition = Repository.yaml(dir.resolve("ecspresso.yml")).get("service_definition");
            try {
                services.put(
                        service,
                        new ObjectMapper()
                                .readTree(
                                        dir.resolve(String.valueOf(definition)).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + dir.resolve(String.valueOf(definition)), e);
            }
        }
        return services;
    }

    List<String> violations(Map<String, JsonNode> services) {
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            if (!services.containsKey(service)) {
                violations.add("no service definition for " + service);
            }
        }
        violations.addAll(check.apply(services));
        return violations;
    }

    @Override
    public String toString() {
        return description;
    }

    static List<ServiceDefinitionRule> all() {
        return List.of(
                new ServiceDefinitionRule(
                        "Every service rolls a failed deployment back (circuit breaker with rollback)",
                        ServiceDefinitionRule::circuitBreakerWithRollback),
                new ServiceDefinitionRule(
                        "Every service runs in the three private app subnets (one per AZ), without public IPs",
                        ServiceDefinitionRule::privateSubnetsInThreeAzs),
                new ServiceDefinitionRule(
                        "ECS Exec is on for the bastion only", ServiceDefinitionRule::ecsExecOnlyOnTheBastion),
                new ServiceDefinitionRule(
                        "The bastion's desired count is 0", ServiceDefinitionRule::bastionRestsAtZero),
                new ServiceDefinitionRule(
                        "batch-worker runs exactly 2 tasks; shop-app's and queue-worker's count is autoscaling's",
                        ServiceDefinitionRule::appsAreRedundant),
                new ServiceDefinitionRule(
                        "shop-app is behind the ALB's target group, with a health check grace period",
                        ServiceDefinitionRule::shopAppBehindTheLoadBalancer));
    }

    private static List<String> circuitBreakerWithRollback(Map<String, JsonNode> services) {
        List<String> violations = new ArrayList<>();
        services.forEach((name, service) -> {
            JsonNode breaker = service.path("deploymentConfiguration").path("deploymentCircuitBreaker");
            if (!breaker.path("enable").asBoolean(false)) {
                violations.add(name + ": deploymentCircuitBreaker.enable must be true");
            }
            if (!breaker.path("rollback").asBoolean(false)) {
                violations.add(name + ": deploymentCircuitBreaker.rollback must be true");
            }
        });
        return violations;
    }

    private static List<String> privateSubnetsInThreeAzs(Map<String, JsonNode> services) {
        List<String> violations = new ArrayList<>();
        List<String> expected = List.of(
                "{{ tfstate `output.private_subnet_ids[0]` }}",
                "{{ tfstate `output.private_subnet_ids[1]` }}",
                "{{ tfstate `output.private_subnet_ids[2]` }}");
        services.forEach((name, service) -> {
            JsonNode network = service.path("networkConfiguration").path("awsvpcConfiguration");
            if (!"DISABLED".equals(network.path("assignPublicIp").asText())) {
                violations.add(name + ": assignPublicIp must be DISABLED");
            }
            List<String> subnets = new ArrayList<>();
            network.path("subnets").forEach(subnet -> subnets.add(subnet.asText()));
            if (!subnets.equals(expected)) {
                violations.add(
                        name + ": subnets must be the three private app subnets " + expected + ", found " + subnets);
            }
            JsonNode groups = network.path("securityGroups");
            if (groups.isEmpty()
                    || !TfstateLookups.OUTPUT.matcher(groups.path(0).asText()).matches()) {
                violations.add(name + ": securityGroups must be the service's group from the Terraform state");
            }
        });
        return violations;
    }

    private static List<String> ecsExecOnlyOnTheBastion(Map<String, JsonNode> services) {
        List<String> violations = new ArrayList<>();
        services.forEach((name, service) -> {
            JsonNode exec = service.path("enableExecuteCommand");
            boolean expected = name.equals(BASTION);
            if (!exec.isBoolean() || exec.asBoolean() != expected) {
                violations.add(name + ": enableExecuteCommand must be " + expected
                        + (expected ? " (the bastion is reached through ECS Exec)" : " (ECS Exec is bastion-only)")
                        + ", found " + exec);
            }
        });
        return violations;
    }

    private static List<String> bastionRestsAtZero(Map<String, JsonNode> services) {
        JsonNode bastion = services.get(BASTION);
        if (bastion == null) {
            return List.of();
        }
        JsonNode desired = bastion.path("desiredCount");
        return desired.isInt() && desired.asInt() == 0
                ? List.of()
                : List.of("bastion: desiredCount must be 0 (bastion.sh scales it for a session), found " + desired);
    }

    private static List<String> appsAreRedundant(Map<String, JsonNode> services) {
        List<String> violations = new ArrayList<>();
        services.forEach((name, service) -> {
            JsonNode desired = service.path("desiredCount");
            switch (name) {
                case "shop-app", "queue-worker" -> {
                    // ecspresso v2.3 deploy sets desiredCount from the definition on every deploy, which would
                    // undo autoscaling; without it the count stays. Creation passes --tasks (first-deploy.md).
                    if (!desired.isMissingNode()) {
                        violations.add(name + ": desiredCount must not be set (autoscaling owns the count; "
                                + "ecspresso deploy would reset it to " + desired + ")");
                    }
                }
                case "batch-worker" -> {
                    if (!desired.isInt() || desired.asInt() != 2) {
                        violations.add(name + ": desiredCount must be exactly 2 (a two-node Quartz cluster), found "
                                + desired);
                    }
                }
                default -> {}
            }
        });
        return violations;
    }

    private static List<String> shopAppBehindTheLoadBalancer(Map<String, JsonNode> services) {
        List<String> violations = new ArrayList<>();
        services.forEach((name, service) -> {
            JsonNode balancers = service.path("loadBalancers");
            if (!name.equals("shop-app")) {
                if (!balancers.isMissingNode() && !balancers.isEmpty()) {
                    violations.add(name + ": only shop-app takes traffic from the load balancer");
                }
                return;
            }
            JsonNode balancer = balancers.path(0);
            if (!"shop-app".equals(balancer.path("containerName").asText())
                    || balancer.path("containerPort").asInt() != 8080
                    || !"{{ tfstate `output.shop_app_target_group_arn` }}"
                            .equals(balancer.path("targetGroupArn").asText())) {
                violations.add(name + ": loadBalancers must register container shop-app:8080 in the target group "
                        + "output.shop_app_target_group_arn, found " + balancers);
            }
            if (service.path("healthCheckGracePeriodSeconds").asInt(0) <= 0) {
                violations.add(name + ": healthCheckGracePeriodSeconds must be set (slow first start)");
            }
        });
        return violations;
    }
}
