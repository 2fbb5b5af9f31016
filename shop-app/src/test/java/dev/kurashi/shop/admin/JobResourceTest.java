package dev.kurashi.shop.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.jobs.JobExecutionService;
import dev.kurashi.jobs.JobStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/admin/jobs: staff only, newest first, paginated, the fields of docs/api.md. */
@QuarkusTest
class JobResourceTest {

    @Inject
    JobExecutionService executions;

    @Test
    void onlyStaffSeeJobs() {
        given().get("/api/v1/admin/jobs").then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth()
                .oauth2(Devstack.token("customer-jobs", false))
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth()
                .oauth2(Devstack.token("staff-jobs", true))
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(200);
    }

    @Test
    void newestFirstWithTheContractFieldsAndCursor() {
        String tag = "test-job-" + UUID.randomUUID().toString().substring(0, 8);
        // an older row, so that two rows are never the whole list
        executions.finish(executions.start(tag, "node-a", null, null), JobStatus.SUCCEEDED, "older");
        long first = executions.start(tag, "node-a", "fire-1", null);
        executions.finish(first, JobStatus.SUCCEEDED, "cancelled=2");
        long second = executions.start(tag, "node-b", null, null);

        var page = given().auth()
                .oauth2(Devstack.token("staff-jobs", true))
                .queryParam("limit", 2)
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(200)
                .body("items.size()", is(2))
                .body("items", everyItem(hasKey("job")))
                .body("items[0].job", is(tag))
                .body("items[0].status", is("RUNNING"))
                .body("items[0].node", is("node-b"))
                .body("items[0].startedAt", notNullValue())
                .body("items[0].finishedAt", is((Object) null))
                .body("items[1].status", is("SUCCEEDED"))
                .body("items[1].detail", is("cancelled=2"))
                .body("items[1].finishedAt", notNullValue())
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        assertEquals(
                List.of("job", "startedAt", "finishedAt", "status", "node", "detail"),
                List.copyOf(page.getMap("items[1]").keySet()));

        // the next page starts after the second row shown
        given().auth()
                .oauth2(Devstack.token("staff-jobs", true))
                .queryParam("limit", 5)
                .queryParam("cursor", page.getString("nextCursor"))
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(200)
                .body("items[0].detail", is("older"));
        given().auth()
                .oauth2(Devstack.token("staff-jobs", true))
                .queryParam("limit", 101)
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(400);
        executions.finish(second, JobStatus.FAILED, "failed: test");
    }
}
