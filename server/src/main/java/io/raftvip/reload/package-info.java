/**
 * Live reload: {@code systemctl reload raftvip} sends SIGHUP ({@link io.raftvip.reload.HangupSignal});
 * {@link io.raftvip.reload.ConfigReloader} re-reads the file, compares it with the running
 * configuration ({@link io.raftvip.config.ConfigDiff}), checks new TLS files before touching
 * anything, hands each live section to whoever applies it ({@link io.raftvip.reload.LiveSection}:
 * VIPs and announcements, TLS, the admin allow-list, log levels, later health checks), and
 * reports one {@link io.raftvip.reload.ReloadOutcome} to the log, the status, the event stream and
 * the metrics.
 *
 * <pre>
 *   SIGHUP ─▶ read file ──invalid──▶ REFUSED (nothing changes)
 *                │
 *              diff ─▶ new TLS files usable? ──no──▶ REFUSED
 *                │ yes
 *              apply live keys ─▶ fixed keys differ? ──yes──▶ PARTIAL (they are named)
 *                                                     no ──▶ APPLIED
 * </pre>
 */
package io.raftvip.reload;
