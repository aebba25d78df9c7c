package io.etareport.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.stream.Stream;

import io.etareport.EtaReportApplication;

/**
 * The demo: the service with the {@code demo} profile, its built-in Buz simulator, demo sign-in and demo
 * customers. It lives with the tests because the simulator is not part of the production jar; run it with
 * {@code ./mvnw spring-boot:test-run} (see README).
 */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        String port = simulatorPort(args);
        if (!"0".equals(port) && !isFree(Integer.parseInt(port))) {
            System.err.println("The demo's Buz simulator cannot listen on port " + port
                    + ": another program uses it. Stop that program, or start the demo with DEMO_SIMULATOR_PORT=0"
                    + " to let it pick a free port.");
            System.exit(1);
        }
        EtaReportApplication.main(Stream.concat(Arrays.stream(args), Stream.of("--spring.profiles.active=demo"))
                .toArray(String[]::new));
    }

    private static String simulatorPort(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--" + DemoSimulatorPort.PROPERTY + "=")) {
                return arg.substring(arg.indexOf('=') + 1).trim();
            }
        }
        String env = System.getenv("DEMO_SIMULATOR_PORT");
        return env == null || env.isBlank() ? "8089" : env.trim();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
