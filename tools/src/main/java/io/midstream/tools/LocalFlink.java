package io.midstream.tools;

import io.midstream.job.MidstreamJob;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.function.BiConsumer;

/** The job in a MiniCluster inside this JVM, with the Flink web UI on loopback. */
public final class LocalFlink {
    private LocalFlink() {}

    /** Starts the job and returns at once; the MiniCluster stops when the job ends. */
    public static JobClient start(Configuration jobConfig, int webPort, int parallelism) throws Exception {
        return start(jobConfig, webPort, parallelism, MidstreamJob::build, "midstream");
    }

    /** Starts a job that {@code job} adds to the environment, in a MiniCluster with the web UI. */
    public static JobClient start(Configuration jobConfig, int webPort, int parallelism,
                                  BiConsumer<StreamExecutionEnvironment, Configuration> job, String name) throws Exception {
        Configuration c = MidstreamJob.withJobDefaults(jobConfig);
        c.set(RestOptions.PORT, webPort);
        c.set(RestOptions.ADDRESS, "127.0.0.1");
        c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        c.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        c.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        c.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        c.set(TaskManagerOptions.HOST, "127.0.0.1");
        c.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        c.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(c);
        job.accept(env, c);
        return env.executeAsync(name);
    }
}
