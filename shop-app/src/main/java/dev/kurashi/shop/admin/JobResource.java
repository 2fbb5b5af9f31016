package dev.kurashi.shop.admin;

import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.jobs.JobExecutionService;
import dev.kurashi.jobs.JobExecutionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Recent batch job executions for staff, newest first: what ran, on which node, how it ended. Like every list of
 * docs/api.md, paginated: {@code {items: [{job, startedAt, finishedAt, status, node, detail}], nextCursor}}.
 */
@Path("/api/v1/admin/jobs")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobExecutionService executions;

    public JobResource(JobExecutionService executions) {
        this.executions = executions;
    }

    @GET
    @Operation(operationId = "listJobs", summary = "Batch job executions, newest first")
    public Page<JobExecutionView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return executions.recent(PageRequest.of(cursor, limit));
    }
}
