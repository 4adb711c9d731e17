package org.socklab.cli.roster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One student's work, fetched (or not).
 *
 * @param member the student
 * @param folder the work to grade, checked out at the commit graded; empty when there is nothing
 *     to grade
 * @param graded the commit checked out; empty for a plain folder or when nothing is graded
 * @param laterCommits how many commits of the repository are dated after the deadline (late work)
 * @param reason why nothing is graded; empty when {@code folder} is present
 */
public record Fetched(Member member, Optional<Path> folder, Optional<Commit> graded, int laterCommits, String reason) {}
