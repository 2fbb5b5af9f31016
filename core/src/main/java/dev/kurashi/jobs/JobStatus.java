package dev.kurashi.jobs;

/** Stored as its name; the database CHECK lists the same values. */
public enum JobStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The node running it died; Quartz re-ran the firing elsewhere (or a one-off run never finished). */
    ABANDONED
}
