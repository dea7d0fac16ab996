import { useRef } from 'react';

/** How far back the rate looks: long enough to smooth the 500 ms polls, short enough to follow a change of pace. */
const WINDOW_MS = 5_000;

interface Sample {
  at: number;
  rows: number;
}

/**
 * Rows per second of the current phase, from how `processedRows` grew over
 * the last few seconds of polls (the API reports counts, not speed), and
 * the seconds left at that pace when the total is known. Both are null
 * until two samples of the same phase differ. A new phase starts over, as
 * `processedRows` does.
 */
export function useRowRate(phase: string, processedRows: number, totalRows: number | null | undefined, now = Date.now()) {
  const samples = useRef<{ phase: string; list: Sample[] }>({ phase, list: [] });
  if (samples.current.phase !== phase) samples.current = { phase, list: [] };
  const list = samples.current.list;
  if (list.at(-1)?.rows !== processedRows) list.push({ at: now, rows: processedRows });
  while (list.length > 2 && now - list[0].at > WINDOW_MS) list.shift();

  const first = list[0];
  const last = list.at(-1)!;
  const seconds = (last.at - first.at) / 1000;
  const rate = seconds > 0 && last.rows > first.rows ? (last.rows - first.rows) / seconds : null;
  const secondsLeft = rate && totalRows != null ? Math.max(0, (totalRows - processedRows) / rate) : null;
  return { rate, secondsLeft };
}
