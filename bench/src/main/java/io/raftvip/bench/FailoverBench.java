package io.raftvip.bench;

import io.raftvip.bench.lab.CommandRunner;
import io.raftvip.bench.lab.NamespaceRemover;

/**
 * Entry point: {@code FailoverBench [--runs N] [--idle-seconds N] [--only raftvip|keepalived]
 * [--scenarios LIST] [--stalls MS,...] [--stall-window D] [--stall-every D] [--load-duration D]
 * [--health] [--health-interval D] [--health-timeout D] [--health-fall N] [--health-rise N]
 * [--health-hold-down D] [--flap-duration D] [--timing MAP | --profiles FILE] [--repo-root DIR] [--results DIR] [--cleanup] [--demo]}
 * (see {@link BenchOptions}). Must run as root. Exit codes: 0 done, 1 bench failed, 2 bad usage.
 */
public final class FailoverBench {

    private FailoverBench() {
    }

    /** Runs the bench, the demo or the cleanup. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("usage error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.cleanup()) {
            NamespaceRemover remover = new NamespaceRemover(new CommandRunner());
            int n = remover.removeLeftovers("rvb") + remover.removeLeftovers("rvd");
            System.out.println("removed " + n + " leftover namespace(s)");
            return;
        }
        try {
            if (options.demo()) {
                new Demo(options).run();
            } else if (options.profiles() != null) {
                System.out.println(new TradeoffBench(options).run());
            } else {
                System.out.println(new Bench(options).run().markdown());
            }
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
