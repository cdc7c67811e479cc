/**
 * Telling a dead leader from a slow one. A leader whose process is stopped (SIGSTOP, a long GC
 * pause) still has a kernel that completes TCP handshakes on its Raft port; a leader whose process
 * died has a port that refuses; a leader whose node died or was cut off answers nothing. Followers
 * probe a silent leader's port and judge it from the answer: only a leader that is verifiably gone
 * is replaced before the election timeout.
 */
package io.raftvip.liveness;
