/**
 * The child side: what runs inside a student's JVM, next to the submission's classes, and the
 * one channel by which it talks to the grader.
 *
 * <p>The grader starts two kinds of child JVM: {@link org.socklab.grader.child.ServerHost} hosts
 * one exercise's servers, and {@link org.socklab.grader.child.CheckHost} runs one direct-call
 * check. Each connects its {@link org.socklab.grader.child.ControlChannel} before any class of the
 * submission is loaded; the channel is the whole protocol (one UTF-8 line per message, documented
 * on each host), and nothing the student's code prints is ever read as a message.
 * {@link org.socklab.grader.child.InitializerWatch} reports a class initializer of the submission
 * that never ends.
 *
 * <p>The rule that keeps this package small: it uses the JDK only (pinned by {@code
 * ChildSideTest}), so that it can run before the submission and next to it, and it judges nothing.
 * {@code CheckHost} is the one exception: it runs a graded test in-process, so it reaches into
 * JUnit and the grader to do so, and still reports only over the channel. Everything that judges
 * (the clients, the waits, the verdicts) lives in {@link org.socklab.grader.harness} and the
 * exercises' packages, in the grader's JVM.
 */
package org.socklab.grader.child;
