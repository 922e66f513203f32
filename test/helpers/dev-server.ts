import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface DevServer {
  url: string;
  lambdaUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the dev server as `npm run dev` does (serverless-offline, esbuild bundles), on free
 * ports, with `env` added. Resolves once serverless-offline says it is ready.
 */
export async function startDevServer(env: Record<string, string>): Promise<DevServer> {
  const [port, lambdaPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(`${root}node_modules/.bin/tsx`, ['src/local/dev-server.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LAMBDA_PORT: String(lambdaPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`dev server did not start:\n${output}`)),
      120_000,
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
      fail(new Error(`dev server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    lambdaUrl: `http://127.0.0.1:${lambdaPort}`,
    output: () => output,
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        // The whole group: npm/tsx, serverless-offline and its workers.
        process.kill(-child.pid, 'SIGTERM');
        await new Promise((done) => {
          child.once('exit', done);
          setTimeout(done, 5000);
        });
      }
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
