package org.socklab.cli.roster;

import java.time.Instant;

/**
 * A commit of a student's repository.
 *
 * @param sha its full hash
 * @param time its committer date (written by the student's machine)
 */
public record Commit(String sha, Instant time) {}
