const started = Date.now();

/** One line of progress on stderr, with the time since the bench started. */
export function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

/**
 * The AWS SDK warns, for every client, that it will need Node 22 from 2027 (known: DESIGN.md
 * picks Node 22 for Lambda). In the bench's progress output that is only noise.
 */
export function quietSdkWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')) {
      console.warn(warning);
    }
  });
}
