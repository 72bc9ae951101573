package dk.selvbetjening.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HostGateTests {

    @Test
    void letsThroughAtMostThePerHostLimitUntilOneIsReleased() throws Exception {
        HostGate gate = new HostGate(2, Duration.ZERO);
        gate.acquire("a.dk");
        gate.acquire("a.dk");
        gate.acquire("b.dk");
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                gate.acquire("a.dk");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(third).isNotDone();
        gate.release("a.dk");
        third.get(1, TimeUnit.SECONDS);
        assertThat(gate.active("a.dk")).isEqualTo(2);
        assertThat(gate.active("b.dk")).isEqualTo(1);
    }

    @Test
    void aBackoffDelaysTheNextStartToThatHost() throws Exception {
        HostGate gate = new HostGate(2, Duration.ZERO);
        gate.backOff("a.dk", Duration.ofMillis(200));
        long start = System.nanoTime();
        gate.acquire("b.dk");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        gate.acquire("a.dk");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void aRunTakesJobsOfFreeHostsFirstAndEndsWhenAllAreFinished() throws Exception {
        HostGate gate = new HostGate(1, Duration.ZERO);
        HostGate.Queue<String> queue = new HostGate.Queue<>();
        queue.add("a.dk", "a1");
        queue.add("a.dk", "a2");
        queue.add("b.dk", "b1");
        String first = gate.takeReady(queue);
        String second = gate.takeReady(queue);
        assertThat(first).isEqualTo("a1");
        assertThat(second).as("a.dk is busy, so b.dk goes next").isEqualTo("b1");
        gate.release("a.dk");
        gate.finish(queue);
        assertThat(gate.takeReady(queue)).isEqualTo("a2");
        gate.release("a.dk");
        gate.finish(queue);
        gate.release("b.dk");
        gate.finish(queue);
        assertThat(gate.takeReady(queue)).isNull();
    }

    @Test
    void aRunTakesMoreJobsWhileItGoesAndNoneOnceItIsOver() throws Exception {
        HostGate gate = new HostGate(2, Duration.ZERO);
        HostGate.Queue<String> queue = new HostGate.Queue<>();
        queue.add("a.dk", "a1");
        assertThat(gate.takeReady(queue)).isEqualTo("a1");

        assertThat(gate.offer(queue, List.of(Map.entry("b.dk", "b1"), Map.entry("a.dk", "a2")))).isTrue();
        assertThat(gate.outstanding(queue)).isEqualTo(3);
        assertThat(gate.takeReady(queue)).isEqualTo("b1");
        gate.release("b.dk");
        gate.finish(queue);
        gate.release("a.dk");
        gate.finish(queue);
        assertThat(gate.drain(queue)).as("a stopped run drops what is still in line").containsExactly("a2");
        assertThat(gate.takeReady(queue)).isNull();

        assertThat(gate.offer(queue, List.of(Map.entry("a.dk", "a3")))).as("the run is over").isFalse();
        assertThat(gate.outstanding(queue)).isZero();
    }
}
