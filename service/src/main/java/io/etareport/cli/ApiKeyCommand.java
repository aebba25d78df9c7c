package io.etareport.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.etareport.api.ApiKey;
import io.etareport.api.ApiKeys;
import io.etareport.db.DatabaseMigrator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "api-key", mixinStandardHelpOptions = true,
        description = "Create, revoke or list the JSON API's named keys.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.Revoke.class, ApiKeyCommand.ListKeys.class},
        footer = {"", "Examples:", "  java -jar eta-report.jar api-key create erp-sync --per-minute 60", "  java -jar eta-report.jar api-key list", "  java -jar eta-report.jar api-key revoke erp-sync"})
class ApiKeyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print it: the only time it is shown.",
        footer = {"", "Examples:", "  java -jar eta-report.jar api-key create erp-sync", "  java -jar eta-report.jar api-key create dashboard --per-minute 30"})
    static class Create implements Callable<Integer> {

        @Parameters(index = "0", description = "The key's name, e.g. the tool that uses it.")
        String name;

        @Option(names = "--per-minute", defaultValue = "0",
                description = "Calls allowed per minute (default: eta.api.requests-per-minute).")
        int perMinute;

        @Spec
        CommandSpec spec;

        private final DatabaseMigrator migrator;
        private final ApiKeys keys;

        Create(DatabaseMigrator migrator, ApiKeys keys) {
            this.migrator = migrator;
            this.keys = keys;
        }

        @Override
        public Integer call() {
            migrator.migrate();
            try {
                ApiKeys.Created created = keys.create(name, perMinute, CommandLineActor.name());
                spec.commandLine().getOut().println("Created " + created.key().name() + " ("
                        + created.key().perMinute() + " calls per minute). The key, shown only this once:");
                spec.commandLine().getOut().println(created.secret());
                return 0;
            } catch (ApiKeys.Refused refused) {
                spec.commandLine().getErr().println("error: " + refused.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key at once.",
        footer = {"", "Examples:", "  java -jar eta-report.jar api-key revoke erp-sync"})
    static class Revoke implements Callable<Integer> {

        @Parameters(index = "0", description = "The key's name.")
        String name;

        @Spec
        CommandSpec spec;

        private final DatabaseMigrator migrator;
        private final ApiKeys keys;

        Revoke(DatabaseMigrator migrator, ApiKeys keys) {
            this.migrator = migrator;
            this.keys = keys;
        }

        @Override
        public Integer call() {
            migrator.migrate();
            if (!keys.revoke(name, CommandLineActor.name())) {
                spec.commandLine().getErr().println("error: no active key is named " + name);
                return 1;
            }
            spec.commandLine().getOut().println("Revoked " + name + ".");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (never the keys themselves).",
        footer = {"", "Examples:", "  java -jar eta-report.jar api-key list"})
    static class ListKeys implements Callable<Integer> {


        @Spec
        CommandSpec spec;

        private final DatabaseMigrator migrator;
        private final ApiKeys keys;

        private final DateTimeFormatter day;

        ListKeys(DatabaseMigrator migrator, ApiKeys keys, ZoneId zone) {
            this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH).withZone(zone);
            this.migrator = migrator;
            this.keys = keys;
        }

        @Override
        public Integer call() {
            migrator.migrate();
            List<ApiKey> all = keys.list();
            if (all.isEmpty()) {
                spec.commandLine().getOut().println("No named keys.");
            }
            for (ApiKey key : all) {
                spec.commandLine().getOut().println(String.join("\t", key.name(), key.prefix() + "…",
                        key.perMinute() + "/min", "created " + day.format(key.createdAt()),
                        key.active() ? "active" : "revoked " + day.format(key.revokedAt())));
            }
            return 0;
        }
    }
}
