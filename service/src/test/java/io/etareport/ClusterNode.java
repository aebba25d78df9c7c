package io.etareport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @param extra    further {@code --name=value} arguments; they replace the ones here
     */
    public static ConfigurableApplicationContext start(String database, BuzSimulator simulator, String... extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : List.of("server.port=0", "eta.database.url=" + database,
                "eta.database.username=postgres", "eta.cache.blackout.enabled=false", "eta.buz.retry-backoff=10ms",
                "eta.buz.read-timeout=30s", "eta.jobs.reuse-window=0s", "eta.jobs.heartbeat-interval=500ms")) {
            put(settings, setting);
        }
        for (Instance instance : Instance.values()) {
            String prefix = "eta.buz.instances." + instance.name() + ".";
            settings.put(prefix + "url", simulator.baseUrl(instance.code()));
            settings.put(prefix + "username", simulator.credentials(instance.code()).username());
            settings.put(prefix + "password", simulator.credentials(instance.code()).password());
        }
        // Spring joins a property given twice on the command line with a comma; an override must replace it.
        for (String setting : extra) {
            put(settings, setting.substring(2));
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(EtaReportApplication.class).profiles("demo", "test")
                .run(args);
    }

    private static void put(Map<String, String> settings, String setting) {
        int equals = setting.indexOf('=');
        settings.put(setting.substring(0, equals), setting.substring(equals + 1));
    }

    public static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path);
    }
}
