package io.etareport;

import io.etareport.cli.Cli;
import io.etareport.ops.AppEnvironment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Serves the ETA report, or runs one operator command and exits when given one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EtaReportApplication {

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(EtaReportApplication.class, args));
        }
        SpringApplication application = new SpringApplication(EtaReportApplication.class);
        try {
            application.setAdditionalProfiles(
                    AppEnvironment.additionalProfiles(System.getenv(), args).toArray(String[]::new));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        application.run(args);
    }
}
