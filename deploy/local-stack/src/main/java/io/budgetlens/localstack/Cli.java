package io.budgetlens.localstack;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The Java half of the {@code ./budgetlens} launcher: the commands that talk to a running stack, parsed with picocli.
 * Each subcommand is one class ({@link IngestCommand}, {@link CheckCommand}, {@link BenchCommand}, {@link TokenCommand});
 * a new one is a {@link Subcommand} with {@code @Command(name = …)} added to {@code subcommands} below, reaching the stack through
 * {@link #client()}. URLs come from the system properties {@code budgetlens.ingest.url} and
 * {@code budgetlens.reporting.url}. Requests carry a submitter's token of the user running the launcher, signed with
 * the local stack's key ({@link LocalKeys}, under {@code budgetlens.home}), or the token in {@code budgetlens.token}
 * (a stack elsewhere).
 *
 * <p>Exit codes (README, "The launcher"): 0 done; 1 a checked document has an ERROR finding or was rejected;
 * 2 bad usage (an unknown command or option, a missing file) or a failure talking to the stack.
 */
@Command(name = "budgetlens", mixinStandardHelpOptions = true,
        description = "Send documents to a running BudgetLens stack and show what it found.",
        subcommands = {IngestCommand.class, CheckCommand.class, AddPartCommand.class, FetchCommand.class,
            BenchCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    private final Supplier<StackClient> client;
    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;
    private final LocalKeys keys;

    /** {@code client} makes the client a command reaches the stack with (signing its token then). */
    Cli(Supplier<StackClient> client, Duration timeout, PrintStream out, PrintStream err, LocalKeys keys) {
        this.client = client;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
        this.keys = keys;
    }

    public static void main(String[] args) {
        LocalKeys keys = new LocalKeys(Path.of(System.getProperty("budgetlens.home", ".budgetlens")));
        String given = System.getProperty("budgetlens.token");
        String ingestUrl = System.getProperty("budgetlens.ingest.url", "http://localhost:8081");
        String reportingUrl = System.getProperty("budgetlens.reporting.url", "http://localhost:8080");
        Cli cli = new Cli(() -> new StackClient(ingestUrl, reportingUrl, given != null && !given.isBlank() ? given
                        : keys.token(System.getProperty("user.name"), List.of("submitter"), Duration.ofHours(1))),
                Duration.ofSeconds(Long.getLong("budgetlens.wait.seconds", 300)), System.out, System.err, keys);
        System.exit(cli.run(args));
    }

    /** Parses the arguments, runs the command and answers its exit code. */
    int run(String... args) {
        CommandLine commandLine = new CommandLine(this)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler(Cli::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("budgetlens: " + (e instanceof CliException ? e.getMessage() : e));
                    return EXIT_USAGE;
                });
        return commandLine.execute(args);
    }

    /** A mistyped command, option or argument: the error, picocli's suggestions and the command's usage; exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return EXIT_USAGE;
    }

    /** Without a command: the usage, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }

    StackClient client() {
        return client.get();
    }

    LocalKeys keys() {
        return keys;
    }

    Duration timeout() {
        return timeout;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
