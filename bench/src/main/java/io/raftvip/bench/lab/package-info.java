/** The namespace lab: switch bridge, node and client namespaces, cutting and re-attaching ports, cleanup. */
package io.raftvip.bench.lab;
