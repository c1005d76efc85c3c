// Screenshots of desktop agents: the upload pipeline (type sniffing, pixel-capped decode,
// thumbnails) and who may list, view and delete them.

export * from "./screenshots";
export * from "./image";
