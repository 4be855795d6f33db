package io.midstream.tools.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./midstream cluster up|submit|stop|status|down}: a standalone Flink cluster of processes, without Docker. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "A standalone Flink session cluster (a JobManager and a TaskManager process) from Maven artifacts.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Submit.class, ClusterCommand.Stop.class, ClusterCommand.Status.class,
                ClusterCommand.Down.class})
public final class ClusterCommand {
    static Path home() {
        return Path.of(System.getProperty("midstream.home", "."));
    }

    /** Where the running cluster keeps its configuration, logs, checkpoints and process ids. */
    static final class Where {
        @Option(names = "--dir", paramLabel = "DIR", description = "The cluster's folder (default: cluster/target/run).")
        Path dir;

        Path dir() {
            return dir != null ? dir : home().resolve("cluster/target/run");
        }

        FlinkCluster cluster() {
            return FlinkCluster.at(dir());
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Starts a JobManager and a TaskManager with flink-conf/config.yaml.")
    static final class Up implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where = new Where();
        @Option(names = "--web-port", defaultValue = "8081", description = "Preferred port of the web UI (default: ${DEFAULT-VALUE}).")
        int webPort;
        @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
                description = "A Flink setting of both processes over config.yaml's (e.g. a metric reporter); repeatable.")
        Map<String, String> settings = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            Path lib = home().resolve("cluster/target/lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalArgumentException(lib + " is missing: build with mvn -DskipTests install");
            }
            FlinkCluster cluster = FlinkCluster.start(where.dir(), lib, home().resolve("flink-conf"), webPort, settings, Duration.ofSeconds(90));
            System.out.println("cluster up: web UI " + cluster.webUrl() + ", logs in " + where.dir().resolve("log"));
            return 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Uploads the job jar through the REST API and runs it; arguments after -- go to the job (e.g. -- -D midstream.kafka.bootstrap-servers=host:9092).")
    static final class Submit implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where = new Where();
        @Option(names = "--jar", paramLabel = "JAR", description = "The job jar (default: job/target/midstream-job-*-flink.jar).")
        Path jar;
        @Option(names = "--parallelism", defaultValue = "2", description = "(default: ${DEFAULT-VALUE}).")
        int parallelism;
        @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Resume from this savepoint (what cluster stop printed).")
        String savepoint;
        @Parameters(paramLabel = "JOB-ARGS", description = "Arguments of the job.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Path jobJar = jar != null ? jar : jobJar(home());
            String id = where.cluster().submit(jobJar, "io.midstream.job.MidstreamJob", parallelism, args, savepoint);
            System.out.println("submitted job " + id + ": " + where.cluster().webUrl() + "/#/job/running/" + id + "/overview");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops a job with a savepoint and prints its path, for submit --from-savepoint.")
    static final class Stop implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where = new Where();
        @Parameters(paramLabel = "JOB-ID", description = "The job (cluster status lists them).")
        String job;
        @Option(names = "--drain", description = "Give every open verdict first, as at the end of the input (for a job not to be resumed).")
        boolean drain;
        @Option(names = "--timeout", defaultValue = "PT5M", description = "How long to wait for the savepoint (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            System.out.println(where.cluster().stopWithSavepoint(job, drain, timeout));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The cluster's processes and jobs.")
    static final class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where = new Where();

        @Override
        public Integer call() throws Exception {
            FlinkCluster cluster = where.cluster();
            if (!cluster.running()) {
                System.out.println("no cluster runs");
                return 1;
            }
            System.out.println("processes " + cluster.processes().stream().map(p -> Long.toString(p.pid())).toList()
                    + ", web UI " + cluster.webUrl());
            System.out.println(cluster.get("/jobs/overview").orElse("the REST API does not answer"));
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops the cluster's processes.")
    static final class Down implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where = new Where();

        @Override
        public Integer call() throws Exception {
            where.cluster().stop();
            System.out.println("cluster down");
            return 0;
        }
    }

    /** The shaded job jar that the build made. */
    public static Path jobJar(Path home) throws java.io.IOException {
        try (var files = Files.list(home.resolve("job/target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-flink.jar")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no job jar in job/target: build with mvn -DskipTests install"));
        }
    }
}
