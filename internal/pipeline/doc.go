// Package pipeline is the one place that orders crosscheck's stages:
// ingest (read, identify, de-duplicate, store) → analyze (the language layer,
// in parallel, stored per pipeline version) → stories (streaming clustering in
// date order) → reconcile (per story) → stored reports. The CLI's analyze,
// ingest and stories commands and the HTTP server all call it.
package pipeline
