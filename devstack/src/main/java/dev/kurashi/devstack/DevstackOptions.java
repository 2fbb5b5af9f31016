package dev.kurashi.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.OptionalLong;

/** Command-line options of the devstack; every port has a fixed default so apps can rely on it. */
record DevstackOptions(
        Path stateDir,
        OptionalLong parentPid,
        int pgPort,
        int openSearchPort,
        int sqsPort,
        int oidcPort,
        int sinksPort) {

    static final int PG_PORT = 15432;
    static final int OPENSEARCH_PORT = 9200;
    static final int SQS_PORT = 9324;
    static final int OIDC_PORT = 8180;
    static final int SINKS_PORT = 8025;

    static final String USAGE =
            """
            usage: Devstack [--state-dir DIR] [--parent-pid PID] [--ports-offset N]
                            [--pg-port P] [--opensearch-port P] [--sqs-port P] [--oidc-port P] [--sinks-port P]
            """;

    static DevstackOptions parse(String... args) {
        Path stateDir = Path.of(System.getProperty("user.dir"), ".kurashi", "devstack");
        OptionalLong parentPid = OptionalLong.empty();
        int offset = 0;
        Integer pg = null, os = null, sqs = null, oidc = null, sinks = null;
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String flag = it.next();
            if (!it.hasNext()) {
                throw new IllegalArgumentException("missing value for " + flag + "\n" + USAGE);
            }
            String value = it.next();
            switch (flag) {
                case "--state-dir" -> stateDir = Path.of(value);
                case "--parent-pid" -> parentPid = OptionalLong.of(Long.parseLong(value));
                case "--ports-offset" -> offset = Integer.parseInt(value);
                case "--pg-port" -> pg = Integer.parseInt(value);
                case "--opensearch-port" -> os = Integer.parseInt(value);
                case "--sqs-port" -> sqs = Integer.parseInt(value);
                case "--oidc-port" -> oidc = Integer.parseInt(value);
                case "--sinks-port" -> sinks = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        return new DevstackOptions(
                stateDir.toAbsolutePath().normalize(),
                parentPid,
                pg != null ? pg : PG_PORT + offset,
                os != null ? os : OPENSEARCH_PORT + offset,
                sqs != null ? sqs : SQS_PORT + offset,
                oidc != null ? oidc : OIDC_PORT + offset,
                sinks != null ? sinks : SINKS_PORT + offset);
    }
}
