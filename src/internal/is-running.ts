/**
 * Whether a process on this host is running: signal 0 checks without sending anything (POSIX
 * kill(2)); ESRCH means there is no such process, EPERM that there is one owned by someone else.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
