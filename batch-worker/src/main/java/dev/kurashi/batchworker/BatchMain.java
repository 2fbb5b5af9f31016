package dev.kurashi.batchworker;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Without arguments: the batch node (Quartz cluster member, health endpoints) until stopped. With
 * {@code run <job> ...}: one job once, then exit with its status (for one-off ECS tasks). A one-off run starts
 * the Quartz scheduler halted, so it never fires a scheduled job, opens no HTTP port, and logs to standard error
 * (standard output carries only what the job prints, such as the sales report's CSV).
 */
@QuarkusMain
public class BatchMain implements QuarkusApplication {

    @Inject
    RunCommand command;

    public static void main(String... args) {
        if (args.length > 0) {
            System.setProperty("quarkus.scheduler.start-mode", "halted");
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty("quarkus.banner.enabled", "false");
        }
        Quarkus.run(BatchMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return command.execute(args, System.out, System.err);
    }
}
