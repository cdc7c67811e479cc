/**
 * Logging set-up beyond {@code logback.xml}: changing levels at run time from the configuration
 * ({@link io.raftvip.logging.LogLevels}) and the journald priority prefix used when running under
 * systemd ({@link io.raftvip.logging.JournalPriorityConverter}), and keeping the failover
 * rehearsal's throwaway Raft group out of the log ({@link io.raftvip.logging.RehearsalNoiseFilter}).
 */
package io.raftvip.logging;
