package org.socklab.cli.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The class: who is graded and where each one's work is, read from a CSV file with the header
 * {@code student,repository}, in the file's order (the gradebook's order).
 *
 * <p>A repository URL that carries a password or token ({@code https://user:secret@host/...},
 * {@code https://token@host/...}) is
 * refused: credentials come from the teacher's git configuration (a credential helper, an SSH
 * key), never from a file that is copied around or a command line that other users can list.
 * Immutable.
 */
public record Roster(List<Member> members) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");
    /** A password after the user, or, over HTTP (where a token may stand as the user), any user at all. */
    private static final Pattern USERINFO_WITH_SECRET =
            Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*://[^/@]*:[^/@]*@|(?i:https?|ftps?)://[^/@]+@)");

    public Roster {
        members = List.copyOf(members);
    }

    /**
     * The roster in this file.
     *
     * @throws BadInput naming the line, for a file that cannot be read, a missing header, a bad
     *     name, a name given twice, a missing repository, a URL with a secret
     */
    public static Roster read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("cannot read the roster " + file + ": " + e.getMessage());
        }
        List<List<String>> records = Csv.read(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty() || !header(records.get(0))) {
            throw new BadInput("the roster " + file + " must start with the header student,repository");
        }
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            String where = "roster line " + (i + 1);
            if (record.size() != 2) {
                throw new BadInput(where + ": expected student,repository");
            }
            String student = record.get(0).strip();
            String repository = record.get(1).strip();
            if (!NAME.matcher(student).matches()) {
                throw new BadInput(where + ": a student's name is letters, digits, . _ and -, not " + shown(student));
            }
            if (!seen.add(student.toLowerCase(Locale.ROOT))) {
                throw new BadInput(where + ": " + student + " is listed twice");
            }
            if (repository.isEmpty() || repository.startsWith("-")) {
                throw new BadInput(where + ": " + student + " needs a repository (a git URL or a folder)");
            }
            if (USERINFO_WITH_SECRET.matcher(repository).find()) {
                throw new BadInput(where + ": " + student + "'s URL carries a password or token; "
                        + "give git the credentials instead (a credential helper or an SSH key)");
            }
            members.add(new Member(student, repository));
        }
        if (members.isEmpty()) {
            throw new BadInput("the roster " + file + " lists no student");
        }
        return new Roster(members);
    }

    /** The students, in order. */
    public List<String> students() {
        return members.stream().map(Member::student).toList();
    }

    private static boolean header(List<String> record) {
        return record.size() == 2
                && record.get(0).strip().equalsIgnoreCase("student")
                && record.get(1).strip().equalsIgnoreCase("repository");
    }

    private static String shown(String text) {
        return "\"" + text.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
