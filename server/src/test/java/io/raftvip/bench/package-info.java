/** Benchmarks run by hand (scripts under {@code bench/}), not by the test suites. */
package io.raftvip.bench;
