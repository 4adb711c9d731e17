/**
 * What {@code socklab experiment} runs inside the child JVM that hosts a server (see
 * {@link org.socklab.grader.harness.IsolatedServers}): the server to measure, reached through a
 * listener whose connections {@linkplain HeldSocket hold} each request a known time, and the
 * sequential teaching baseline, {@link StallBlocksEveryoneServer}.
 *
 * <p>Nothing here is used by the graded tests.
 */
package org.socklab.grader.experiment;
