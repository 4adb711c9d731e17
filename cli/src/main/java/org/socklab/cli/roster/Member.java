package org.socklab.cli.roster;

/**
 * One student of a roster.
 *
 * @param student the student's name as the gradebook shows it, also the name of the student's
 *     folders: letters, digits, {@code . _ -}, not starting with a dot
 * @param repository where the work is: a git URL of any protocol git itself supports, or a folder
 *     (a git repository, or a plain folder graded as it is)
 */
public record Member(String student, String repository) {}
