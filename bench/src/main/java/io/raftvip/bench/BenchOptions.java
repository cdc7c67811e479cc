package io.raftvip.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import io.raftvip.bench.health.HealthOptions;
import io.raftvip.bench.health.HealthScenario;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Steadiness;
import io.raftvip.bench.steady.SteadyOptions;

/**
 * Command-line options of {@link FailoverBench}, validated once.
 *
 * @param runs        runs per scenario and implementation ({@code --runs}, default 20)
 * @param idleSeconds idle footprint window ({@code --idle-seconds}, default 60)
 * @param only        {@code raftvip}, {@code keepalived} or null for both ({@code --only})
 * @param scenarios   failover scenarios to run ({@code --scenarios crash,graceful,...}, default all four)
 * @param steadiness  steadiness scenarios to run ({@code --scenarios stall,load,...}, default none)
 * @param steady      stall and load settings ({@code --stalls}, {@code --stall-window}, {@code --stall-every},
 *                    {@code --load-duration})
 * @param healthScenarios health scenarios to run ({@code --scenarios health-move,...}, default none)
 * @param health      health check settings ({@code --health}, {@code --health-interval}, {@code --health-timeout},
 *                    {@code --health-fall}, {@code --health-rise}, {@code --health-hold-down}, {@code --flap-duration})
 * @param repoRoot    source tree with {@code bin/} and the built server ({@code --repo-root}, default cwd)
 * @param resultsDir  where reports go ({@code --results}, default {@code REPO/bench/results})
 * @param timing      raftvip {@code timing:} flow map ({@code --timing}), passed through verbatim; null
 *                    (the default): no {@code timing:} key, the daemon's own defaults are measured
 * @param profiles    timing profiles ({@code --profiles FILE}): run the trade-off comparison instead; or null
 * @param cleanup     only remove leftover {@code rvb-}/{@code rvd-} namespaces ({@code --cleanup})
 * @param demo        run the README demo instead of the bench ({@code --demo})
 * @param suffix      namespace suffix ({@code --suffix}, 1-8 of [a-z0-9]; default random), so a
 *                    calling script can find and remove exactly this run's namespaces
 */
public record BenchOptions(int runs, int idleSeconds, String only, List<Scenario> scenarios,
                           List<Steadiness> steadiness, SteadyOptions steady, List<HealthScenario> healthScenarios,
                           HealthOptions health, Path repoRoot, Path resultsDir,
                           String timing, TimingProfiles profiles, boolean cleanup, boolean demo, String suffix) {

    private static final List<Scenario> FAILOVER = List.of(Scenario.COLD_START, Scenario.CRASH, Scenario.GRACEFUL,
            Scenario.PARTITION);

    /** Parses {@code args}; @throws IllegalArgumentException naming the option, value and rule */
    public static BenchOptions parse(String... args) {
        int runs = 20;
        int idle = 60;
        String only = null;
        List<Scenario> scenarios = FAILOVER;
        List<Steadiness> steadiness = List.of();
        SteadyOptions.Builder steady = new SteadyOptions.Builder();
        List<HealthScenario> healthScenarios = List.of();
        HealthOptions.Builder health = new HealthOptions.Builder();
        Path root = Path.of(System.getProperty("raftvip.repo.root", ".")).toAbsolutePath().normalize();
        Path results = null;
        String timing = null;
        TimingProfiles profiles = null;
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
                    String list = value(args, ++i, a);
                    scenarios = failoverScenarios(list);
                    steadiness = steadinessScenarios(list);
                    healthScenarios = healthScenarios(list);
                }
                case "--stalls", "--stall-window", "--stall-every", "--load-duration" ->
                        steady.set(a, value(args, ++i, a));
                case "--health" -> health.enable();
                case "--health-interval", "--health-timeout", "--health-fall", "--health-rise", "--health-hold-down",
                        "--flap-duration" -> health.set(a, value(args, ++i, a));
                case "--repo-root" -> root = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--results" -> results = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--timing" -> timing = value(args, ++i, a);
                case "--profiles" -> {
                    Path file = Path.of(value(args, ++i, a)).toAbsolutePath();
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("--profiles " + file + ": no such file");
                    }
                    profiles = TimingProfiles.read(file);
                }
                case "--cleanup" -> cleanup = true;
                case "--demo" -> demo = true;
                case "--suffix" -> {
                    suffix = value(args, ++i, a);
                    if (!suffix.matches("[a-z0-9]{1,8}")) {
                        throw new IllegalArgumentException("--suffix " + suffix + ": must be 1-8 of [a-z0-9]");
                    }
                }
                default -> throw new IllegalArgumentException(a + ": unknown option; known: --runs N, "
                        + "--idle-seconds N, --only raftvip|keepalived, --scenarios LIST, --stalls MS,MS,..., "
                        + "--stall-window D, --stall-every D, --load-duration D, --health, --health-interval D, "
                        + "--health-timeout D, --health-fall N, --health-rise N, --health-hold-down D, "
                        + "--flap-duration D, --timing MAP, --profiles FILE, "
                        + "--repo-root DIR, --results DIR, --suffix S, --cleanup, --demo");
            }
        }
        if (profiles != null && timing != null) {
            throw new IllegalArgumentException("--timing " + timing + ": not with --profiles, whose file names "
                    + "every timing to compare (\"\" for the daemon's defaults)");
        }
        HealthOptions healthOptions = health.build();
        if (healthScenarios.contains(HealthScenario.FLAP)) {
            healthOptions.requireFlappable();
        }
        if ((healthOptions.enabled() || !healthScenarios.isEmpty()) && !"raftvip".equals(only)) {
            healthOptions.requireWholeSeconds();
        }
        return new BenchOptions(runs, idle, only, scenarios, steadiness, steady.build(), healthScenarios, healthOptions,
                root, results != null ? results : root.resolve("bench/results"), timing, profiles, cleanup, demo,
                suffix);
    }

    /**
     * Scenario names and groups: {@code failover} (the four), {@code steadiness} (the five),
     * {@code health} (the two), {@code all}.
     */
    private static List<String> expand(String list) {
        List<String> failover = FAILOVER.stream().map(Scenario::key).toList();
        List<String> steady = Arrays.stream(Steadiness.values()).map(Steadiness::key).toList();
        List<String> health = Arrays.stream(HealthScenario.values()).map(HealthScenario::key).toList();
        List<String> out = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String s = raw.strip();
            switch (s) {
                case "all" -> {
                    out.addAll(failover);
                    out.addAll(steady);
                    out.addAll(health);
                }
                case "failover" -> out.addAll(failover);
                case "steadiness" -> out.addAll(steady);
                case "health" -> out.addAll(health);
                default -> {
                    boolean known = Arrays.stream(Scenario.values()).anyMatch(x -> x.key().equals(s))
                            || steady.contains(s) || health.contains(s);
                    if (!known) {
                        throw new IllegalArgumentException("--scenarios " + list + ": '" + s + "' is unknown; known: "
                                + Arrays.stream(Scenario.values()).map(Scenario::key).collect(Collectors.joining(", "))
                                + ", " + String.join(", ", steady) + ", " + String.join(", ", health)
                                + ", or the groups failover, steadiness, health, all");
                    }
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static List<Scenario> failoverScenarios(String list) {
        List<String> keys = expand(list);
        return Arrays.stream(Scenario.values()).filter(s -> keys.contains(s.key()))
                .sorted((a, b) -> Integer.compare(FAILOVER.indexOf(a), FAILOVER.indexOf(b))).toList();
    }

    private static List<Steadiness> steadinessScenarios(String list) {
        List<String> keys = expand(list);
        return Arrays.stream(Steadiness.values()).filter(s -> keys.contains(s.key())).toList();
    }

    private static List<HealthScenario> healthScenarios(String list) {
        List<String> keys = expand(list);
        return Arrays.stream(HealthScenario.values()).filter(s -> keys.contains(s.key())).toList();
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
