import http from "node:http";
import net from "node:net";
import path from "node:path";
import fs from "node:fs";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";

// The two HTTP servers of scenarios 1 and 6: the built app under `next start`, and a bare
// node:http server answering the same JSON.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export async function bareServer(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const root = process.cwd();

/** Builds the app when `.next` has no build (or when asked); returns false when the build fails. */
export function ensureBuild(rebuild: boolean, log: (s: string) => void): boolean {
  if (!rebuild && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return true;
  log("  building the app (next build)…");
  const r = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  return r.status === 0;
}

export interface NextServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startNext(env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

export interface Load {
  requestsPerSec: number;
  latencyP50: number;
  errors: number;
  non2xx: number;
}

export async function cannon(url: string, seconds: number, connections = 32): Promise<Load> {
  const r = await autocannon({ url, connections, duration: seconds });
  return { requestsPerSec: r.requests.average, latencyP50: r.latency.p50, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}
