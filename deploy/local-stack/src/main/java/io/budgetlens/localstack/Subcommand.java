package io.budgetlens.localstack;

import java.util.concurrent.Callable;

import picocli.CommandLine.ParentCommand;

/**
 * A command of the launcher ({@code ingest}, {@code check}, …): picocli runs it with {@link #cli}, the parent command,
 * set, through which it reaches the stack ({@link Cli#client()}), the local keys, the wait timeout and the output.
 */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;
}
