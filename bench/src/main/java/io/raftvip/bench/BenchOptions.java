package io.raftvip.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.raftvip.bench.scenario.Scenario;

/**
 * Command-line options of {@link FailoverBench}, validated once.
 *
 * @param runs        runs per scenario and implementation ({@code --runs}, default 20)
 * @param idleSeconds idle footprint window ({@code --idle-seconds}, default 60)
 * @param only        {@code raftvip}, {@code keepalived} or null for both ({@code --only})
 * @param scenarios   scenarios to run ({@code --scenarios crash,graceful,...}, default all)
 * @param repoRoot    source tree with {@code bin/} and the built server ({@code --repo-root}, default cwd)
 * @param resultsDir  where reports go ({@code --results}, default {@code REPO/bench/results})
 * @param timing      raftvip {@code timing:} flow map ({@code --timing}), passed through verbatim; null
 *                    (the default): no {@code timing:} key, the daemon's own defaults are measured
 * @param cleanup     only remove leftover {@code rvb-}/{@code rvd-} namespaces ({@code --cleanup})
 * @param demo        run the README demo instead of the bench ({@code --demo})
 * @param suffix      namespace suffix ({@code --suffix}, 1-8 of [a-z0-9]; default random), so a
 *                    calling script can find and remove exactly this run's namespaces
 */
public record BenchOptions(int runs, int idleSeconds, String only, List<Scenario> scenarios, Path repoRoot,
                           Path resultsDir, String timing, boolean cleanup, boolean demo, String suffix) {

    /** Parses {@code args}; @throws IllegalArgumentException naming the option, value and rule */
    public static BenchOptions parse(String... args) {
        int runs = 20;
        int idle = 60;
        String only = null;
        List<Scenario> scenarios = new ArrayList<>(List.of(Scenario.COLD_START, Scenario.CRASH, Scenario.GRACEFUL,
                Scenario.PARTITION));
        Path root = Path.of(System.getProperty("raftvip.repo.root", ".")).toAbsolutePath().normalize();
        Path results = null;
        String timing = null;
        boolean cleanup = false;
        boolean demo = false;
        String suffix = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs" -> runs = positive(a, value(args, ++i, a));
                case "--idle-seconds" -> idle = positive(a, value(args, ++i, a));
                case "--only" -> {
                    only = value(args, ++i, a);
                    if (!only.equals("raftvip") && !only.equals("keepalived")) {
                        throw new IllegalArgumentException("--only " + only + ": must be raftvip or keepalived");
                    }
                }
                case "--scenarios" -> {
                    scenarios = new ArrayList<>();
                    for (String s : value(args, ++i, a).split(",")) {
                        scenarios.add(Arrays.stream(Scenario.values()).filter(x -> x.key().equals(s.strip()))
                                .findFirst().orElseThrow(() -> new IllegalArgumentException("--scenarios " + s
                                        + ": unknown; known: crash, graceful, partition, cold-start")));
                    }
                }
                case "--repo-root" -> root = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--results" -> results = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--timing" -> timing = value(args, ++i, a);
                case "--cleanup" -> cleanup = true;
                case "--demo" -> demo = true;
                case "--suffix" -> {
                    suffix = value(args, ++i, a);
                    if (!suffix.matches("[a-z0-9]{1,8}")) {
                        throw new IllegalArgumentException("--suffix " + suffix + ": must be 1-8 of [a-z0-9]");
                    }
                }
                default -> throw new IllegalArgumentException(a + ": unknown option; known: --runs N, "
                        + "--idle-seconds N, --only raftvip|keepalived, --scenarios LIST, --repo-root DIR, "
                        + "--results DIR, --timing MAP, --suffix S, --cleanup, --demo");
            }
        }
        return new BenchOptions(runs, idle, only, List.copyOf(scenarios), root,
                results != null ? results : root.resolve("bench/results"), timing, cleanup, demo, suffix);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " " + v + ": must be a positive integer");
    }

    /** @return whether raftvip is measured */
    public boolean wantsRaftvip() {
        return only == null || only.equals("raftvip");
    }

    /** @return whether keepalived is measured */
    public boolean wantsKeepalived() {
        return only == null || only.equals("keepalived");
    }
}
