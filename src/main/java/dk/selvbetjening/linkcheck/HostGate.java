package dk.selvbetjening.linkcheck;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Politeness per host: at most {@code perHost} requests under way to one host, starts at least {@code interval}
 * apart, and no start before a backoff (429/503) has passed. Scheduled runs and on-demand checks share one gate.
 * A run hands its jobs to {@link #takeReady(Queue)}, which gives a worker the next job whose host is free, so a
 * worker never sits waiting for a busy host while another host has work.
 */
final class HostGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, HostState> hosts = new HashMap<>();
    private final int perHost;
    private final long intervalNanos;
    private final LongSupplier nanoTime;

    HostGate(int perHost, Duration interval) {
        this(perHost, interval, System::nanoTime);
    }

    HostGate(int perHost, Duration interval, LongSupplier nanoTime) {
        this.perHost = perHost;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Waits until a request to {@code host} may start, and counts it as under way. */
    void acquire(String host) throws InterruptedException {
        lock.lock();
        try {
            for (;;) {
                long now = nanoTime.getAsLong();
                long wait = waitNanos(host, now);
                if (wait == 0) {
                    take(host, now);
                    return;
                }
                await(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A request to {@code host} has ended. */
    void release(String host) {
        lock.lock();
        try {
            HostState state = hosts.get(host);
            if (state == null) {
                throw new IllegalStateException("No request under way to " + host);
            }
            state.active--;
            if (state.active == 0 && state.nextStart - nanoTime.getAsLong() <= 0) {
                hosts.remove(host);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No request to {@code host} starts in the next {@code delay} (the host asked us to slow down). */
    void backOff(String host, Duration delay) {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            HostState state = hosts.computeIfAbsent(host, h -> new HostState(now));
            long until = now + delay.toNanos();
            if (until - state.nextStart > 0) {
                state.nextStart = until;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Requests under way to {@code host}. */
    int active(String host) {
        lock.lock();
        try {
            HostState state = hosts.get(host);
            return state == null ? 0 : state.active;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a job of {@code queue} whose host may be requested now, removes it and counts its request as under
     * way (the caller releases it). Hosts take turns. Null when the queue has nothing left, queued or running.
     */
    <J> J takeReady(Queue<J> queue) throws InterruptedException {
        lock.lock();
        try {
            for (;;) {
                if (queue.outstanding == 0) {
                    return null;
                }
                long now = nanoTime.getAsLong();
                long soonest = Long.MAX_VALUE;
                Iterator<Map.Entry<String, ArrayDeque<J>>> entries = queue.byHost.entrySet().iterator();
                while (entries.hasNext()) {
                    Map.Entry<String, ArrayDeque<J>> entry = entries.next();
                    String host = entry.getKey();
                    long wait = waitNanos(host, now);
                    if (wait == 0) {
                        ArrayDeque<J> jobs = entry.getValue();
                        J job = jobs.pollFirst();
                        entries.remove();
                        if (!jobs.isEmpty()) {
                            queue.byHost.put(host, jobs);
                        }
                        take(host, now);
                        return job;
                    }
                    soonest = Math.min(soonest, wait);
                }
                await(soonest);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Puts a job back at the front of its host's line (to retry after a backoff). */
    <J> void requeue(Queue<J> queue, String host, J job) {
        lock.lock();
        try {
            queue.byHost.computeIfAbsent(host, h -> new ArrayDeque<>()).addFirst(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds jobs to a run under way (each a host and its job), all or none: none when {@code queue} has nothing left,
     * queued or running, as its run is over then (or never had work). True when they were added.
     */
    <J> boolean offer(Queue<J> queue, List<Map.Entry<String, J>> jobs) {
        lock.lock();
        try {
            if (queue.outstanding == 0) {
                return false;
            }
            for (Map.Entry<String, J> job : jobs) {
                queue.add(job.getKey(), job.getValue());
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes every job still in line out of {@code queue} (a run stopped): they count as finished. */
    <J> List<J> drain(Queue<J> queue) {
        lock.lock();
        try {
            List<J> drained = new ArrayList<>();
            queue.byHost.values().forEach(drained::addAll);
            queue.byHost.clear();
            queue.outstanding -= drained.size();
            changed.signalAll();
            return drained;
        } finally {
            lock.unlock();
        }
    }

    /** The jobs of {@code queue} not finished yet, queued or running. */
    int outstanding(Queue<?> queue) {
        lock.lock();
        try {
            return queue.outstanding;
        } finally {
            lock.unlock();
        }
    }

    /** A job taken from {@code queue} is finished. */
    <J> void finish(Queue<J> queue) {
        lock.lock();
        try {
            queue.outstanding--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long waitNanos(String host, long now) {
        HostState state = hosts.get(host);
        if (state == null) {
            return 0;
        }
        if (state.active >= perHost) {
            return Long.MAX_VALUE;
        }
        long wait = state.nextStart - now;
        return wait > 0 ? wait : 0;
    }

    private void take(String host, long now) {
        HostState state = hosts.computeIfAbsent(host, h -> new HostState(now));
        state.active++;
        long next = now + intervalNanos;
        if (next - state.nextStart > 0) {
            state.nextStart = next;
        }
    }

    private void await(long nanos) throws InterruptedException {
        if (nanos == Long.MAX_VALUE) {
            changed.await();
        } else {
            changed.awaitNanos(Math.max(nanos, TimeUnit.MICROSECONDS.toNanos(100)));
        }
    }

    private static final class HostState {
        int active;
        long nextStart;

        HostState(long now) {
            this.nextStart = now;
        }
    }

    /** The jobs of one run, in line per host; guarded by the gate's lock. */
    static final class Queue<J> {
        private final LinkedHashMap<String, ArrayDeque<J>> byHost = new LinkedHashMap<>();
        private int outstanding;

        /** Adds a job before the run starts (while it runs: {@link HostGate#offer}). */
        void add(String host, J job) {
            byHost.computeIfAbsent(host, h -> new ArrayDeque<>()).addLast(job);
            outstanding++;
        }

        int size() {
            return outstanding;
        }
    }
}
