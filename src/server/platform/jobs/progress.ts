/** A one-line progress bar for long command-line work (demo generation, imports). */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export function consoleProgress(stream: NodeJS.WriteStream = process.stdout): (progress: Progress) => void {
  let lastPhase = '';
  let lastDrawn = 0;
  let lastTenth = -1;
  return ({ phase, done, total }) => {
    const now = Date.now();
    const finished = done >= total;
    // A terminal redraws one line; a log file gets a line every tenth of the way.
    const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
    if (!stream.isTTY && phase === lastPhase && tenth === lastTenth) return;
    lastTenth = tenth;
    if (stream.isTTY && phase === lastPhase && !finished && now - lastDrawn < 200) return;
    if (phase !== lastPhase && lastPhase && stream.isTTY) stream.write('\n');
    lastPhase = phase;
    lastDrawn = now;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const line = `  ${phase.padEnd(22)} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
    if (stream.isTTY) stream.write(`\r${line}${finished ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}
