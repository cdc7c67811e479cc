/** Address watchers per node namespace and the log of who held the VIP when. */
package io.raftvip.bench.watch;
