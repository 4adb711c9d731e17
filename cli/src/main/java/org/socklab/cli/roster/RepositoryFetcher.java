package org.socklab.cli.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fetches each student's repository with git and checks out the commit to grade: the last one
 * dated at or before the deadline (or the last one, when late work is graded). A repository that
 * cannot be fetched, or has nothing to grade, gets the reason; it never stops the others.
 *
 * <p>Only the default branch counts (what {@code HEAD} of the repository names). Nothing of a
 * repository runs here: a clone runs no hook and no submodule is fetched.
 *
 * <p>Thread-safe: each call works in its own folder.
 */
public final class RepositoryFetcher {
    private final Git git;
    private final Deadline deadline;
    private final LatePolicy late;

    public RepositoryFetcher(Duration timeout, Deadline deadline, LatePolicy late) {
        this.git = new Git(timeout);
        this.deadline = deadline;
        this.late = late;
    }

    /** @throws BadInput when git cannot be run here: nothing could be fetched */
    public void requireGit() {
        if (!git.available()) {
            throw new BadInput("grading a roster needs git, and git cannot be run here");
        }
    }

    /** Fetches a student's work into {@code into}, which must not exist yet. */
    public Fetched fetch(Member member, Path into) {
        Path local = Path.of(member.repository());
        if (Files.isDirectory(local) && !isGitRepository(local)) {
            copy(local, into);
            return new Fetched(member, Optional.of(into), Optional.empty(), 0, "");
        }
        Git.Result clone = git.run(
                null,
                List.of(
                        "-c",
                        "core.hooksPath=/dev/null",
                        "clone",
                        "--quiet",
                        "--no-checkout",
                        "--no-hardlinks",
                        "--",
                        member.repository(),
                        into.toString()));
        if (!clone.succeeded()) {
            return nothing(member, 0, "cannot fetch the repository: " + clone.reason());
        }
        Git.Result log = git.run(into, List.of("log", "--format=%H %ct", "HEAD"));
        if (!log.succeeded()) {
            return nothing(member, 0, "the repository has no commit");
        }
        List<Commit> commits = commits(log.out());
        Optional<Commit> onTime = commits.stream()
                .filter(commit -> !commit.time().isAfter(deadline.instant()))
                .findFirst();
        int later = (int) commits.stream()
                .filter(commit -> commit.time().isAfter(deadline.instant()))
                .count();
        Optional<Commit> chosen = late == LatePolicy.GRADE && !commits.isEmpty() ? Optional.of(commits.get(0)) : onTime;
        if (chosen.isEmpty()) {
            return nothing(member, later, "no commit at or before the deadline " + deadline.text());
        }
        Git.Result checkout = git.run(
                into,
                List.of(
                        "-c",
                        "advice.detachedHead=false",
                        "-c",
                        "core.hooksPath=/dev/null",
                        "checkout",
                        "--quiet",
                        "--detach",
                        chosen.get().sha()));
        if (!checkout.succeeded()) {
            return nothing(member, later, "cannot check out " + chosen.get().sha() + ": " + checkout.reason());
        }
        return new Fetched(member, Optional.of(into), chosen, later, "");
    }

    /** The commits of {@code git log --format='%H %ct'}: newest first in history order; the latest dated first. */
    static List<Commit> commits(String log) {
        List<Commit> commits = new ArrayList<>();
        for (String line : log.lines().toList()) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && parts[0].matches("[0-9a-f]{40,64}")) {
                commits.add(new Commit(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1]))));
            }
        }
        // the last commit at or before the deadline is the latest dated one, whatever the history's shape
        List<Commit> sorted = new ArrayList<>(commits);
        sorted.sort((a, b) -> b.time().compareTo(a.time()));
        return sorted;
    }

    private static Fetched nothing(Member member, int later, String reason) {
        return new Fetched(member, Optional.empty(), Optional.empty(), later, reason);
    }

    private static boolean isGitRepository(Path folder) {
        return Files.exists(folder.resolve(".git"))
                || Files.isRegularFile(folder.resolve("HEAD")) && Files.isDirectory(folder.resolve("objects"));
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
