/** The client's view: UDP responders naming their node, the 2 ms prober and its log. */
package io.raftvip.bench.probe;
