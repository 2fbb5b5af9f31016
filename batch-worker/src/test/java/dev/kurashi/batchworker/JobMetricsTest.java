package dev.kurashi.batchworker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Job runs move {@code kurashi_job_runs_total{job, status}} and {@code kurashi_job_duration_seconds}, and a success
 * moves {@code kurashi_job_last_success_timestamp_seconds{job}} (read from job_executions) to the run's time.
 */
@QuarkusTest
class JobMetricsTest {

    @Inject
    RunCommand command;

    @Inject
    MeterRegistry metrics;

    @Test
    void runsAreCountedAndASuccessMovesTheLastSuccessGauge() throws Exception {
        double succeeded = runs("succeeded");
        double failed = runs("failed");
        long before = System.currentTimeMillis() / 1000;
        Path out = Files.createTempFile("sales", ".csv");

        assertEquals(0, run("run", "sales-report", "--day", "2020-02-03", "--out", out.toString()));
        assertEquals(1, run("run", "sales-report", "--day", "2020-02-03", "--out", "/nonexistent-dir/sales.csv"));

        assertEquals(1, runs("succeeded") - succeeded);
        assertEquals(1, runs("failed") - failed);
        Timer duration = metrics.find("kurashi.job.duration")
                .tags("job", "sales-report", "status", "succeeded")
                .timer();
        assertNotNull(duration);
        assertTrue(duration.count() >= 1);
        // the gauge caches the database for 5 s
        Thread.sleep(5_500);
        double last = lastSuccess();
        assertTrue(last >= before - 1, "last success " + last + " before the run at " + before);
    }

    private double runs(String status) {
        var counter = metrics.find("kurashi.job.runs")
                .tags("job", "sales-report", "status", status)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double lastSuccess() {
        String series = "kurashi_job_last_success_timestamp_seconds{app=\"batch-worker\",job=\"sales-report\"} ";
        return given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length()).split(" ")[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(series + "is not in /q/metrics"));
    }

    private int run(String... args) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return command.execute(args, sink, sink);
    }
}
