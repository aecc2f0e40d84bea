import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { E2E_PORT } from './config';

/** Serves the production build with `vite preview` for the browser tests, building it first if needed. */
export default async function serveBuild() {
  if (!existsSync('dist/index.html')) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed; the browser tests need the built app');
  }
  return servePreview('dist', E2E_PORT);
}

/** `vite preview` of a built folder on a port; resolves once it answers, to a function that stops it. */
export async function servePreview(outDir: string, port: number): Promise<() => void> {
  const url = `http://localhost:${port}`;
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += String(chunk)));
  server.stderr?.on('data', (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (is another server on port ${port}?):\n${output}`);
    try {
      // Only our own server counts: a stale one left on the port would serve an old build.
      if (stripVTControlCharacters(output).includes(`:${port}/`) && (await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch (error) {
      // Already gone: vitest may end the whole process tree first.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
}
