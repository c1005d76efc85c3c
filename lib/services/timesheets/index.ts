// Weekly timesheets: their stored week instants, totals, states (submit, review, approve, deny,
// reopen), whose sheets a caller may read, and the week statistics.

export * from "./sheets";
export * from "./weeks";
export * from "./scope";
export * from "./statistics";
