package dev.kurashi.batchworker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @Test
    void livenessChecksNoDependency() {
        given().when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks", empty());
    }

    @Test
    void readinessReportsEveryDependencyUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body(
                        "checks.name",
                        hasItems("Database connections health check", "Elasticsearch cluster health check"))
                .body("checks.name", not(hasItem("SQS queues")))
                .body("checks.status", everyItem(is("UP")));
    }

    @Test
    void startedOnceTheSchemaIsMigrated() {
        given().when()
                .get("/q/health/started")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Schema migrations"));
    }
}
