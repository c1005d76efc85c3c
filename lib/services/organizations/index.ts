// Organisations: the tenant itself, its settings (privacy, overlap policy) and its teams.

export * from "./organizations";
export * from "./settings";
export * from "./teams";
