package org.socklab.grader.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socklab.grader.queue.sample.SampleServer;

class QueueStructureTest {
    @Test
    void should_find_calls_on_a_queue_class_of_the_submissions_own_and_method_references() {
        // A call names the class it is made on (Readings); a method reference, as javac writes it,
        // names the class that declares the method (LinkedBlockingQueue).
        QueueStructure structure = QueueStructure.of(SampleServer.class);

        assertThat(structure.handOver()).containsExactly("SampleServer.handle -> Readings.put");
        assertThat(structure.takeOut()).containsExactly("SampleServer.lambda$processor$0 -> LinkedBlockingQueue.poll");
    }
}
