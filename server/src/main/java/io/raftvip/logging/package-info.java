/**
 * Logging set-up beyond {@code logback.xml}: changing levels at run time from the configuration
 * ({@link io.raftvip.logging.LogLevels}) and the journald priority prefix used when running under
 * systemd ({@link io.raftvip.logging.JournalPriorityConverter}).
 */
package io.raftvip.logging;
