// The dashboards of /v1/dashboard and proof of work: one SQL computation of the metrics
// (metrics-sql), the audience a caller may see, and the cached rollups.

export * from "./audience";
export * from "./common";
export * from "./metrics-sql";
export * from "./productivity-analysis";
export * from "./proof-of-work";
export * from "./weekly-summary";
