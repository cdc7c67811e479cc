/**
 * Logging set-up beyond {@code logback.xml}: changing levels at run time from the configuration
 * ({@link io.raftvip.logging.LogLevels}) and the journald priority prefix used when running under
 * systemd ({@link io.raftvip.logging.JournalPriorityConverter}), keeping the failover
 * rehearsal's throwaway Raft group ({@link io.raftvip.logging.RehearsalNoiseFilter}) and Ratis'
 * closing chatter during a stop ({@link io.raftvip.logging.ShutdownNoiseFilter}) out of the log,
 * and routing gRPC's java.util.logging records into Logback ({@link io.raftvip.logging.JulBridge}).
 */
package io.raftvip.logging;
