/** Statistics, the Markdown/JSON report and the timeline pictures. */
package io.raftvip.bench.report;
