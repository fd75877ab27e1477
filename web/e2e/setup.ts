// Starts one live server for the browser tests: the Procfile's web command (gunicorn +
// uvicorn worker, DEBUG off) on PostgreSQL and Redis, with a fresh database, demo data
// and a short access-token lifetime, serving the built app (npm run build first).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";

export const ROOT = resolve(import.meta.dirname, "../..");
const PYTHON = process.env.PYTHON ?? resolve(ROOT, ".venv/bin/python");
const DATABASE = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/inv_web";
const REDIS = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379/3";
export const TOKEN_SECONDS = 15;

declare module "vitest" {
  export interface ProvidedContext {
    serverPort: number;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
    server.on("error", fail);
  });
}

let server: ChildProcess | null = null;

export default async function setup(project: TestProject) {
  if (!existsSync(resolve(ROOT, "web/dist/index.html"))) throw new Error("Build the app first: npm run build");
  const port = await freePort();
  const url = new URL(DATABASE);
  const dbName = url.pathname.slice(1);
  const pg = ["-h", url.hostname, "-p", url.port || "5432", "-U", url.username || "postgres"];
  execFileSync("dropdb", [...pg, "--if-exists", "--force", dbName]);
  execFileSync("createdb", [...pg, dbName]);
  const env = {
    ...process.env,
    PATH: `${resolve(PYTHON, "..")}:${process.env.PATH}`,
    DJANGO_SETTINGS_MODULE: "config.settings",
    DEBUG: "false",
    SECRET_KEY: "e2e-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    ALLOWED_HOSTS: "127.0.0.1,localhost",
    DATABASE_URL: DATABASE,
    REDIS_URL: REDIS,
    JWT_EXPIRATION_SECONDS: String(TOKEN_SECONDS),
    LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
    PORT: String(port),
    BIND: "127.0.0.1",
    WEB_CONCURRENCY: "2",
  };
  execFileSync(PYTHON, ["manage.py", "migrate", "--noinput", "-v0"], { cwd: ROOT, env });
  execFileSync(PYTHON, ["manage.py", "seed_demo"], { cwd: ROOT, env, stdio: "ignore" });
  const web = readFileSync(resolve(ROOT, "Procfile"), "utf8").match(/^web:\s*(.+)$/m)![1];
  const log = openSync(process.env.E2E_SERVER_LOG ?? "/tmp/inventory-web-e2e-server.log", "a");
  server = spawn("bash", ["-c", `exec ${web}`], { cwd: ROOT, env, stdio: ["ignore", log, log], detached: true });
  server.unref();
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error("the server exited; see its log");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("the server did not become healthy");
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide("serverPort", port);
  return async () => {
    // gunicorn's graceful stop waits up to 30 s for open websockets: wait 10 s for the
    // whole group, then kill it, so no server outlives the run (and its database).
    const pid = server?.pid;
    if (!pid) return;
    const signal = (name: NodeJS.Signals | 0) => {
      try {
        process.kill(-pid, name);
        return true;
      } catch {
        return false; // the group is gone
      }
    };
    signal("SIGTERM");
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && signal(0)) {
      await new Promise((r) => setTimeout(r, 200));
    }
    signal("SIGKILL");
  };
}
