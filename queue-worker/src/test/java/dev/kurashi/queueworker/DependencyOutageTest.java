package dev.kurashi.queueworker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.kurashi.testing.HealthContractTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decision 4: an OpenSearch or SQS outage shows in readiness, while liveness (what ECS acts on)
 * stays UP, so a shared outage never makes ECS replace every task.
 */
@QuarkusTest
@TestProfile(DependencyOutageTest.OpenSearchAndSqsDown.class)
class DependencyOutageTest {

    @Test
    void readinessGoesDownWhileLivenessStaysUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'Elasticsearch cluster health check' }.status", is("DOWN"))
                .body("checks.find { it.name == 'SQS queues' }.status", is("DOWN"))
                .body("checks.find { it.name == 'Database connections health check' }.status", is("UP"));

        HealthContractTest.assertLiveWithoutChecks();
    }

    public static class OpenSearchAndSqsDown implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevstackWithDeadEndpoints.class));
        }
    }

    /**
     * The devstack with OpenSearch and SQS pointed at a port nothing listens on. Rewriting the
     * devstack's answer, rather than overriding it in the profile, does not depend on which of the
     * two config sources Quarkus ranks higher.
     */
    public static class DevstackWithDeadEndpoints implements QuarkusTestResourceLifecycleManager {
        private static final String NOTHING_LISTENS = "localhost:1";

        private final QueueWorkerDevstack devstack = new QueueWorkerDevstack();

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(devstack.start());
            config.put("quarkus.elasticsearch.hosts", NOTHING_LISTENS);
            config.put("quarkus.sqs.endpoint-override", "http://" + NOTHING_LISTENS);
            return config;
        }

        @Override
        public void stop() {
            devstack.stop();
        }
    }
}
