// Accounts: people and their credentials — sign-up and sign-in, users, passwords and their
// hashing, sessions, API keys, invitations and profile pictures.

export * from "./login";
export * from "./users";
export * from "./password-hash";
export * from "./passwords";
export * from "./sessions";
export * from "./api-keys";
export * from "./invitations";
export * from "./avatars";
export * from "./avatar-image";
export * from "./avatar-url";
