package org.socklab.cli.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching with git at a deadline: the last commit at or before it is checked out, later ones are
 * counted, and a repository that cannot be fetched says why without a credential in the reason.
 */
class RepositoryFetcherTest {
    private static final Deadline DEADLINE = Deadline.parse("2026-12-10T23:59-03:00");

    @TempDir
    Path temp;

    @Test
    void should_check_out_the_last_commit_at_or_before_the_deadline_and_count_the_later_ones() throws Exception {
        Path repository = GitRepositories.init(temp.resolve("ana.git"));
        GitRepositories.write(repository.resolve("work.txt"), "first");
        GitRepositories.commit(repository, "2026-12-09T10:00:00-03:00", "first");
        GitRepositories.write(repository.resolve("work.txt"), "on time");
        String onTime = GitRepositories.commit(repository, "2026-12-10T23:59:00-03:00", "at the deadline");
        GitRepositories.write(repository.resolve("work.txt"), "late");
        GitRepositories.commit(repository, "2026-12-11T00:00:01-03:00", "one second late");
        GitRepositories.commit(repository, "2026-12-12T09:00:00-03:00", "later still");

        Fetched fetched =
                fetcher(LatePolicy.RECORD).fetch(new Member("ana", repository.toString()), temp.resolve("work/ana"));

        assertThat(fetched.reason()).isEmpty();
        assertThat(fetched.graded()).hasValueSatisfying(commit -> {
            assertThat(commit.sha()).isEqualTo(onTime);
            assertThat(commit.time()).isEqualTo(Instant.parse("2026-12-11T02:59:00Z"));
        });
        assertThat(fetched.laterCommits()).isEqualTo(2);
        assertThat(temp.resolve("work/ana/work.txt")).content().isEqualTo("on time");
    }

    @Test
    void should_grade_the_last_commit_when_late_work_is_graded_and_still_count_it_late() {
        Path repository = GitRepositories.init(temp.resolve("bruno.git"));
        GitRepositories.write(repository.resolve("work.txt"), "on time");
        GitRepositories.commit(repository, "2026-12-10T12:00:00-03:00", "on time");
        GitRepositories.write(repository.resolve("work.txt"), "late");
        String late = GitRepositories.commit(repository, "2026-12-11T08:00:00-03:00", "late");

        Fetched fetched =
                fetcher(LatePolicy.GRADE).fetch(new Member("bruno", repository.toString()), temp.resolve("work/bruno"));

        assertThat(fetched.graded())
                .hasValueSatisfying(commit -> assertThat(commit.sha()).isEqualTo(late));
        assertThat(fetched.laterCommits()).isEqualTo(1);
        assertThat(temp.resolve("work/bruno/work.txt")).content().isEqualTo("late");
    }

    @Test
    void should_grade_nothing_of_a_repository_whose_every_commit_is_late_and_say_so() {
        Path repository = GitRepositories.init(temp.resolve("carla.git"));
        GitRepositories.write(repository.resolve("work.txt"), "late");
        GitRepositories.commit(repository, "2026-12-13T08:00:00-03:00", "late");

        Fetched fetched = fetcher(LatePolicy.RECORD)
                .fetch(new Member("carla", repository.toString()), temp.resolve("work/carla"));

        assertThat(fetched.folder()).isEmpty();
        assertThat(fetched.laterCommits()).isEqualTo(1);
        assertThat(fetched.reason()).isEqualTo("no commit at or before the deadline 2026-12-10T23:59-03:00");
    }

    @Test
    void should_give_the_reason_of_a_repository_that_cannot_be_fetched_without_its_credentials() {
        Fetched missing = fetcher(LatePolicy.RECORD)
                .fetch(new Member("davi", temp.resolve("nowhere.git").toString()), temp.resolve("work/davi"));
        Fetched refused = fetcher(LatePolicy.RECORD)
                .fetch(new Member("eva", "http://eva:s3cr3t@127.0.0.1:9/eva.git"), temp.resolve("work/eva"));

        assertThat(missing.folder()).isEmpty();
        assertThat(missing.reason()).startsWith("cannot fetch the repository: ").contains("nowhere.git");
        assertThat(refused.folder()).isEmpty();
        assertThat(refused.reason()).startsWith("cannot fetch the repository: ").doesNotContain("s3cr3t");
    }

    @Test
    void should_take_a_plain_folder_as_it_is() {
        Path folder = temp.resolve("felipe");
        GitRepositories.write(folder.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"), "class X {}");

        Fetched fetched =
                fetcher(LatePolicy.RECORD).fetch(new Member("felipe", folder.toString()), temp.resolve("work/felipe"));

        assertThat(fetched.graded()).isEmpty();
        assertThat(temp.resolve("work/felipe/src/main/java/lab/echocaps/EchoCapsServer.java"))
                .exists();
    }

    @Test
    void should_redact_the_user_information_of_every_url() {
        assertThat(Git.redacted("fatal: unable to access 'https://x-access-token:ghp_abc@github.com/a/b.git/': 403"))
                .isEqualTo("fatal: unable to access 'https://***@github.com/a/b.git/': 403");
    }

    @Test
    void should_refuse_a_roster_with_a_token_in_a_url_before_fetching_anything() throws Exception {
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "student,repository\nana,https://ana:ghp_secret@github.com/c/ana.git\n");

        assertThatThrownBy(() -> Roster.read(roster))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("roster line 2")
                .hasMessageContaining("password or token")
                .hasMessageNotContaining("ghp_secret");
        Files.writeString(roster, "student,repository\nana,https://ghp_secret@github.com/c/ana.git\n");
        assertThatThrownBy(() -> Roster.read(roster)).hasMessageContaining("password or token");
        Files.writeString(
                roster, "student,repository\nana,ssh://git@github.com/c/ana.git\nbia,git@github.com:c/bia.git\n");
        assertThat(Roster.read(roster).students()).containsExactly("ana", "bia");
    }

    @Test
    void should_refuse_a_bad_name_a_name_given_twice_and_a_missing_header() throws Exception {
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "student,repository\n../x,/tmp/x\n");
        assertThatThrownBy(() -> Roster.read(roster)).hasMessageContaining("roster line 2");
        Files.writeString(roster, "student,repository\nana,/tmp/a\nANA,/tmp/b\n");
        assertThatThrownBy(() -> Roster.read(roster)).hasMessageContaining("listed twice");
        Files.writeString(roster, "ana,/tmp/a\n");
        assertThatThrownBy(() -> Roster.read(roster)).hasMessageContaining("header student,repository");
        assertThatThrownBy(() -> Deadline.parse("2026-12-10T23:59")).hasMessageContaining("with its offset");
    }

    private static RepositoryFetcher fetcher(LatePolicy late) {
        return new RepositoryFetcher(Duration.ofMinutes(1), DEADLINE, late);
    }
}
