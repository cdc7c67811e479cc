/**
 * The health-gating scenarios (health-move, health-flap): every node runs an http check against
 * the bench's stand-in for its API server ({@link io.raftvip.bench.health.ReadyzServers}), which
 * answers 200 or 503 as the bench says; the owner's check is made to fail
 * for good (the VIP should move to a healthy node within fall × interval plus one hand-over) or
 * to flap faster than fall/rise allow (nothing should move). raftvip and keepalived (vrrp_script,
 * track_script) get the same check in the same run.
 */
package io.raftvip.bench.health;
