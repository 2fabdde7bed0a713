/**
 * A CLI in a pipeline (`wijkverkenner observations … | head -1`): when the reader closes the pipe,
 * writing to stdout fails with EPIPE. Unix tools then end quietly; Node would throw an unhandled
 * 'error' event with a stack trace. Here a closed stdout (or stderr) ends the process at once with
 * exit code 0 and without a word: the reader has what it wanted. Nothing is lost by ending there —
 * every write to the store is a transaction that is either committed before output is printed or
 * rolled back by SQLite on the next open.
 */
export function quietOnClosedOutput(proc: Pick<NodeJS.Process, 'stdout' | 'stderr' | 'exit'>): void {
  const onError = (err: NodeJS.ErrnoException): void => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') proc.exit(0);
    // Anything else on an output stream is a real failure; report it as Node would, without a loop.
    else throw err;
  };
  proc.stdout.on('error', onError);
  proc.stderr.on('error', onError);
}

/** True once stdout can no longer be written to (the reader went away): commands may stop early. */
export function outputClosed(stream: NodeJS.WriteStream = process.stdout): boolean {
  return stream.destroyed || stream.writableEnded;
}
