package org.socklab.cli.command;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command prints and the environment it reads ({@code GITHUB_ACTIONS},
 * {@code GITHUB_STEP_SUMMARY}, {@code SOCKLAB_HOME}), passed in so that tests run commands in
 * process. Immutable; the streams are shared with the caller.
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> environment) {}
