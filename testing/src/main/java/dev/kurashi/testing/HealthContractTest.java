package dev.kurashi.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The health contract every app keeps (docs/adr/1502-liveness-never-follows-a-dependency.md): liveness has no check,
 * readiness reports exactly the app's dependencies, all up, and startup waits for the schema. An app's
 * {@code HealthTest} extends it as a {@code @QuarkusTest} and names its dependencies.
 */
public abstract class HealthContractTest {

    /** The dependency checks any app may report; an app reports those it names and none of the others. */
    public static final String DATABASE = "Database connections health check";

    public static final String SEARCH = "Elasticsearch cluster health check";
    public static final String SQS = "SQS queues";
    private static final Set<String> KNOWN = Set.of(DATABASE, SEARCH, SQS);

    /** The readiness checks of this app, from {@link #DATABASE}, {@link #SEARCH} and {@link #SQS}. */
    protected abstract Set<String> readinessChecks();

    @Test
    void livenessChecksNoDependency() {
        assertLiveWithoutChecks();
    }

    /** Liveness is up and checks nothing, whatever the dependencies do (also while one is down). */
    public static void assertLiveWithoutChecks() {
        given().when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks", empty());
    }

    @Test
    void readinessReportsEveryDependencyUp() {
        var response = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(readinessChecks().toArray(String[]::new)))
                .body("checks.status", everyItem(is("UP")));
        KNOWN.stream()
                .filter(check -> !readinessChecks().contains(check))
                .forEach(absent -> response.body("checks.name", not(hasItem(absent))));
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
