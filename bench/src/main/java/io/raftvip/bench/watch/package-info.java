/**
 * Address watchers per node namespace, the log of who held the VIP when, and what it shows in a
 * window: releases, binds, ownership moves, two owners at once.
 */
package io.raftvip.bench.watch;
