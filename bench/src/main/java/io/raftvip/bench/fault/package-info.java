/**
 * The faults the steadiness scenarios inject, and nothing else: freezing a daemon's processes
 * (SIGSTOP, then SIGCONT after an exactly measured time) on a schedule, and a busy host (CPU hogs
 * plus a writer that fsyncs continuously).
 */
package io.raftvip.bench.fault;
