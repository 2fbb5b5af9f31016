package dev.kurashi.batchworker;

import dev.kurashi.jobs.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code run <job> [--option value ...]}: runs one job once, records it like a scheduled firing (node
 * {@code cli@<host>}), and answers the exit status: 0 succeeded, 1 failed, 2 usage error.
 */
@ApplicationScoped
public class RunCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final JobRunner runner;
    private final String node;

    public RunCommand(JobRunner runner, @ConfigProperty(name = "kurashi.node-name") Optional<String> nodeName) {
        this.runner = runner;
        this.node = "cli@" + nodeName.filter(n -> !"AUTO".equals(n)).orElseGet(RunCommand::host);
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        BatchJob job;
        JobOptions options;
        try {
            if (args.length < 2 || !"run".equals(args[0])) {
                throw new UsageException("expected: run <job> [--option value ...]");
            }
            job = runner.find(args[1]).orElseThrow(() -> new UsageException("no job named " + args[1]));
            options = new JobOptions(parse(job, args), out);
            job.check(options);
        } catch (UsageException e) {
            err.println("usage error: " + e.getMessage());
            err.println("jobs: "
                    + runner.jobs().stream()
                            .map(j -> j.name()
                                    + (j.options().isEmpty()
                                            ? ""
                                            : " "
                                                    + j.options().stream()
                                                            .sorted()
                                                            .map(o -> "[--" + o + " …]")
                                                            .collect(Collectors.joining(" "))))
                            .sorted()
                            .collect(Collectors.joining(", ")));
            return USAGE;
        }
        JobStatus status = runner.run(job, options, JobRunner.Origin.oneOff(node));
        err.println(job.name() + " " + status);
        return status == JobStatus.SUCCEEDED ? OK : FAILED;
    }

    private static Map<String, String> parse(BatchJob job, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !job.options().contains(name.substring(2))) {
                throw new UsageException(job.name() + " does not take " + name);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            values.put(name.substring(2), args[i + 1]);
        }
        return values;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "unknown";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
