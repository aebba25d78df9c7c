package io.etareport.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

import io.etareport.ops.AppEnvironment;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;

/**
 * Runs one operator command in a Spring context without a web server, then exits. Errors are
 * one plain line on standard error and a non-zero exit code.
 */
public final class Cli {

    private Cli() {
    }

    private static final Set<String> HELP = Set.of("-h", "--help", "help");
    private static final Set<String> VERSION = Set.of("-V", "--version");

    /**
     * A first argument that is not an option names a command; {@code --help} and {@code --version} are answered
     * here too, so that they never start the server.
     */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]) || VERSION.contains(args[0]));
    }

    /**
     * @param application the Spring Boot application class whose context the command runs in; passed in, so that
     *                    the commands do not depend on the application that dispatches to them
     */
    public static int run(Class<?> application, String[] args) {
        CommandLine probe = commandLine(null);
        // Help, the version and unknown commands need no database and no settings.
        if (wantsHelpOnly(args) || !probe.getSubcommands().containsKey(args[0])) {
            return probe.execute(args);
        }
        try (ConfigurableApplicationContext context = context(application)) {
            return commandLine(context).execute(args);
        } catch (RuntimeException e) {
            System.err.println("error: " + rootMessage(e));
            return 1;
        }
    }

    private static boolean wantsHelpOnly(String[] args) {
        for (String arg : args) {
            if (HELP.contains(arg) || VERSION.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    private static ConfigurableApplicationContext context(Class<?> application) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .profiles(AppEnvironment.additionalProfiles(System.getenv(), new String[0]).toArray(String[]::new))
                .properties(Map.of(
                        "eta.cli", "true",
                        "eta.database.migrate-on-start", "false",
                        "spring.main.banner-mode", "off",
                        "spring.main.log-startup-info", "false",
                        "logging.level.root", "WARN",
                        "logging.level.org.springframework.boot.SpringApplication", "OFF",
                        "logging.level.org.springframework.boot.diagnostics", "OFF"))
                .run();
    }

    static CommandLine commandLine(ConfigurableApplicationContext context) {
        CommandLine.IFactory factory = context == null ? new HelpOnlyFactory() : new SpringFactory(context);
        CommandLine commandLine = new CommandLine(new RootCommand(), factory);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + rootMessage(e));
            return 1;
        });
        commandLine.setOut(new PrintWriter(System.out, true));
        return commandLine;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof io.etareport.db.DatabaseException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * Builds commands without their collaborators, for help and usage errors only: picocli
     * creates every subcommand up front, and help must work without a database or settings.
     */
    private static final class HelpOnlyFactory implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (!type.getPackageName().startsWith("io.etareport")) {
                return CommandLine.defaultFactory().create(type);
            }
            var constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Object[] none = new Object[constructor.getParameterCount()];
            return type.cast(constructor.newInstance(none));
        }
    }

    /** Commands get their collaborators by constructor injection, like any bean. */
    private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getPackageName().startsWith("io.etareport")) {
                return context.getAutowireCapableBeanFactory().createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
