package io.raftvip.bench.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * When each node held the VIP, built from the address watchers' bind/release events, and the
 * questions the scenarios ask of it: who bound first after an event, when a node released, and
 * whether two nodes held the VIP at once.
 */
public final class HoldingLog {

    private final List<List<Interval>> byNode = new ArrayList<>();

    /** @param nodeCount how many nodes are watched */
    public HoldingLog(int nodeCount) {
        for (int i = 0; i < nodeCount; i++) {
            byNode.add(new ArrayList<>());
        }
    }

    /** Records that {@code node} bound the VIP; a repeated bind while held is ignored. */
    public synchronized void bound(int node, long micros) {
        List<Interval> list = byNode.get(node);
        if (list.isEmpty() || !list.get(list.size() - 1).open()) {
            list.add(new Interval(node, micros, Long.MAX_VALUE));
        }
    }

    /** Records that {@code node} released the VIP; a release while not held is ignored. */
    public synchronized void released(int node, long micros) {
        List<Interval> list = byNode.get(node);
        if (!list.isEmpty() && list.get(list.size() - 1).open()) {
            Interval last = list.remove(list.size() - 1);
            list.add(new Interval(node, last.fromMicros(), micros));
        }
    }

    /** @return whether {@code node} held the VIP at {@code micros} */
    public synchronized boolean holds(int node, long micros) {
        for (Interval i : byNode.get(node)) {
            if (i.fromMicros() <= micros && micros < i.untilMicros()) {
                return true;
            }
        }
        return false;
    }

    /** @return the nodes holding the VIP right now (per the events seen so far) */
    public synchronized List<Integer> holders() {
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < byNode.size(); n++) {
            List<Interval> list = byNode.get(n);
            if (!list.isEmpty() && list.get(list.size() - 1).open()) {
                out.add(n);
            }
        }
        return out;
    }

    /** @return the first bind by any node other than {@code except} at or after {@code micros} */
    public synchronized OptionalLong firstBindAfter(long micros, int except) {
        long best = Long.MAX_VALUE;
        for (List<Interval> list : byNode) {
            for (Interval i : list) {
                if (i.node() != except && i.fromMicros() >= micros && i.fromMicros() < best) {
                    best = i.fromMicros();
                }
            }
        }
        return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
    }

    /** @return the node that bound first at or after {@code micros}, other than {@code except}, or -1 */
    public synchronized int firstBinderAfter(long micros, int except) {
        long best = Long.MAX_VALUE;
        int who = -1;
        for (List<Interval> list : byNode) {
            for (Interval i : list) {
                if (i.node() != except && i.fromMicros() >= micros && i.fromMicros() < best) {
                    best = i.fromMicros();
                    who = i.node();
                }
            }
        }
        return who;
    }

    /** @return the latest bind by any node seen so far, if any */
    public synchronized OptionalLong lastBind() {
        long last = Long.MIN_VALUE;
        for (List<Interval> list : byNode) {
            for (Interval i : list) {
                last = Math.max(last, i.fromMicros());
            }
        }
        return last == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** @return when {@code node} released the VIP at or after {@code micros}, if it did */
    public synchronized OptionalLong releaseAfter(int node, long micros) {
        for (Interval i : byNode.get(node)) {
            if (!i.open() && i.untilMicros() >= micros) {
                return OptionalLong.of(i.untilMicros());
            }
        }
        return OptionalLong.empty();
    }

    /** @return every interval that intersects {@code [fromMicros, toMicros)}, all nodes */
    public synchronized List<Interval> intervals(long fromMicros, long toMicros) {
        List<Interval> out = new ArrayList<>();
        for (List<Interval> list : byNode) {
            for (Interval i : list) {
                if (i.fromMicros() < toMicros && i.untilMicros() > fromMicros) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /**
     * Total time in {@code [fromMicros, toMicros)} during which two or more of the nodes in
     * {@code among} held the VIP at once.
     */
    public synchronized long overlapMicros(long fromMicros, long toMicros, List<Integer> among) {
        List<Interval> relevant = new ArrayList<>();
        for (Interval i : intervals(fromMicros, toMicros)) {
            if (among.contains(i.node())) {
                relevant.add(i);
            }
        }
        return Overlap.micros(relevant, fromMicros, toMicros);
    }
}
