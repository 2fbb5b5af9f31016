package dev.kurashi.batchworker;

/** A command line the CLI cannot run (exit status 2). */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
