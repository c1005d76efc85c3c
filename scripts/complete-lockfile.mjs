#!/usr/bin/env node
// Completes package-lock.json with the other-platform optional binaries that the
// registry mirror of our build machines does not serve (e.g. @next/swc-darwin-arm64).
//
// Why: `npm install` tolerates a 404 on an optional dependency and simply leaves it out
// of the lockfile, but `npm ci` then refuses the lockfile ("Missing: ... from lock
// file"), here and on every developer machine of another platform. Each missing
// optional dependency gets an entry with its exact version and the os/cpu/libc its
// name declares, so npm ci skips it on platforms it does not fit and fetches it from
// the registry on the ones it does.
//
// Run after any `npm install` that rewrites the lockfile: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const pkgs = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPU = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", wasm32: "wasm32" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc = parts.some((p) => p.startsWith("musl")) ? "musl" : parts.includes("gnu") || parts.includes("gnueabihf") ? "glibc" : undefined;
  return { os, cpu, libc };
}

// Node's resolution: from the dependant's folder up to the root.
function resolves(fromKey, name) {
  let dir = fromKey;
  for (;;) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (pkgs[key]) return true;
    if (!dir) return false;
    const idx = dir.lastIndexOf("/node_modules/");
    dir = idx === -1 ? "" : dir.slice(0, idx);
  }
}

let added = 0;
for (const [key, meta] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    if (resolves(key, name)) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`skip ${name}@${spec} (not an exact version) needed by ${key || "root"}`);
      continue;
    }
    const target = pkgs[`node_modules/${name}`] ? `${key}/node_modules/${name}` : `node_modules/${name}`;
    const { os, cpu, libc } = platformOf(name);
    pkgs[target] = {
      version: spec,
      optional: true,
      ...(meta.dev ? { dev: true } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} optional platform entries`);
