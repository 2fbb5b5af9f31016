package dev.kurashi.batchworker;

import java.util.Set;

/**
 * A job body. It must be idempotent: Quartz runs each firing on one node, but a firing cut off by a dead node is
 * run again elsewhere, and a one-off {@code run <job>} may overlap a scheduled firing.
 */
public interface BatchJob {

    /** The name in schedules, the CLI and {@code job_executions}. */
    String name();

    /** The options {@code run <job>} accepts, without their leading {@code --}. */
    default Set<String> options() {
        return Set.of();
    }

    /** Rejects options the job cannot use, before anything runs or is recorded. */
    default void check(JobOptions options) {}

    /** Runs the body once; returns a short detail (counts) for the execution row. Throws when it failed. */
    String run(JobOptions options) throws Exception;
}
