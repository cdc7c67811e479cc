/** Threads that run inside a named network namespace (setns(2) through jnr-ffi). */
package io.raftvip.bench.netns;
