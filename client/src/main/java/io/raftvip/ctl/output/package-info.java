/**
 * How raftvipctl shows answers: human tables and lines, and JSON. Pure rendering from proto
 * messages to text; nothing here talks to the network, so every format is testable in isolation.
 */
package io.raftvip.ctl.output;
