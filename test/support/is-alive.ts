import { readFileSync } from 'node:fs';

/**
 * Whether the process runs: it exists and has not ended. `kill(pid, 0)` also answers yes for a
 * zombie, which has ended and waits only to be reaped (proc(5), the state field of /proc/PID/stat).
 */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
