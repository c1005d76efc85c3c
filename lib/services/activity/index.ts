// Activity reported by desktop agents: app and URL activities, the 10-minute slots (shared with
// screenshots) and the productivity rules that classify activities.

export * from "./activities";
export * from "./activity-slots";
export * from "./slot-store";
export * from "./productivity-rules";
