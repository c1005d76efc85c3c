// What every domain shares: the audit log, transactions, paging, throttles and the health check.

export * from "./audit";
export * from "./tx";
export * from "./paging";
export * from "./throttle";
export * from "./health";
