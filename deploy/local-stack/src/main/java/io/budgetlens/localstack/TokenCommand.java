package io.budgetlens.localstack;

import java.time.Duration;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token --role ROLE [--subject NAME] [--hours N]}: prints only a token signed with the local stack's key, so
 * scripts can write {@code curl -H "Authorization: Bearer $(./budgetlens token --role admin)" …}.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a bearer token for the local stack (signed with its own key in .budgetlens/jwt).")
public class TokenCommand extends Subcommand {

    /** The roles a BudgetLens token can carry. */
    enum Role {
        reader, submitter, admin
    }

    @Option(names = "--role", required = true, description = "reader, submitter or admin.")
    Role role;

    @Option(names = "--subject", description = "Whose token it is (a draft's owner); default: ${DEFAULT-VALUE}.",
            defaultValue = "${sys:user.name}")
    String subject;

    @Option(names = "--hours", description = "How long it is valid; default: ${DEFAULT-VALUE}.", defaultValue = "12")
    int hours;

    @Override
    public Integer call() {
        if (hours <= 0) {
            throw new CliException("--hours must be positive");
        }
        cli.out().println(cli.keys().token(subject, List.of(role.name()), Duration.ofHours(hours)));
        return Cli.EXIT_OK;
    }
}
