package io.etareport.cli;

/**
 * Who made a change from the command line: nobody signs in to run a command, so audit entries name the
 * command line and the operating-system account that ran it, e.g. {@code cli (deploy)}.
 */
final class CommandLineActor {

    private CommandLineActor() {
    }

    static String name() {
        String user = System.getProperty("user.name");
        return "cli (" + (user == null || user.isBlank() ? "unknown" : user.strip()) + ")";
    }
}
