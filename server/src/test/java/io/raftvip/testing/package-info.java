/**
 * Test support shared by every integration test: Linux network namespaces ({@link io.raftvip.testing.Netns}),
 * veth pairs and bridges between them, commands and Java code run inside them.
 */
package io.raftvip.testing;
