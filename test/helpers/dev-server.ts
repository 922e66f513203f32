import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface DevServer {
  url: string;
  lambdaUrl: string;
  /** The process group: tsx, the dev-server script, serverless-offline and its workers. */
  pgid: number;
  output: () => string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** The project to run it in: this repo, or a work copy (the bench). */
  projectDir?: string;
  readyTimeoutMs?: number;
}

/**
 * Runs the dev server as `npm run dev` does (serverless-offline, esbuild bundles), on free
 * ports, with `env` added. Resolves once serverless-offline says it is ready. Used by the e2e
 * test and by the bench's load and soak runs.
 */
export async function startDevServer(
  env: Record<string, string>,
  options: DevServerOptions = {},
): Promise<DevServer> {
  const projectDir = options.projectDir ?? root;
  const [port, lambdaPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    join(projectDir, 'node_modules/.bin/tsx'),
    ['src/local/dev-server.ts'],
    {
      cwd: projectDir,
      env: { ...process.env, ...env, PORT: String(port), LAMBDA_PORT: String(lambdaPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so memory can be summed and everything stopped together.
      detached: true,
    },
  );
  let output = '';
  const collect = (d: Buffer) => {
    output += d.toString();
    // Keep the tail only: a soak logs a line per hostile request.
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`dev server did not start:\n${output}`)),
      options.readyTimeoutMs ?? 120_000,
    );
    const check = () => {
      if (output.includes('Server ready')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`dev server exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
  const pgid = child.pid as number;
  return {
    url: `http://127.0.0.1:${port}`,
    lambdaUrl: `http://127.0.0.1:${lambdaPort}`,
    pgid,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(-pgid, 'SIGTERM');
      const timeout = new Promise((done) => setTimeout(done, 5000, 'timeout'));
      if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(-pgid, 'SIGKILL');
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
