/** The VIP managers under test (raftvip, keepalived), their daemon processes and footprints. */
package io.raftvip.bench.daemon;
