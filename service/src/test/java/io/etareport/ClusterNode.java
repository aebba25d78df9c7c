package io.etareport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.simulator.BuzSimulator;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of a cluster in a test or benchmark: the whole service on a free port, on a shared PostgreSQL
 * database, against a simulator. Start two on the same database for two nodes.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    /**
     * @param database the JDBC URL every node shares (user {@code postgres}, no password)
     * @param extra    further {@code --name=value} arguments; they override the ones here
     */
    public static ConfigurableApplicationContext start(String database, BuzSimulator simulator, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--eta.database.url=" + database,
                "--eta.database.username=postgres", "--eta.cache.blackout.enabled=false",
                "--eta.buz.retry-backoff=10ms", "--eta.buz.read-timeout=30s", "--eta.jobs.reuse-window=0s",
                "--eta.jobs.heartbeat-interval=500ms"));
        for (Instance instance : Instance.values()) {
            String prefix = "--eta.buz.instances." + instance.name() + ".";
            args.add(prefix + "url=" + simulator.baseUrl(instance.code()));
            args.add(prefix + "username=" + simulator.credentials(instance.code()).username());
            args.add(prefix + "password=" + simulator.credentials(instance.code()).password());
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(EtaReportApplication.class).profiles("demo", "test")
                .run(args.toArray(String[]::new));
    }

    public static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path);
    }
}
