import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DriverReport } from './open-loop-driver.js';

/**
 * Runs `work` over `count` items arriving `rate` per second, as `scheduled` in postgres.bench.ts
 * does, but with the schedule kept and every latency measured in another process
 * (bench/open-loop-driver.ts), which asks for item i over IPC when it is due and counts from then to
 * its answer. In one process the schedule's own timer waits for the event loop the work keeps busy
 * (its garbage collection, its callbacks), and that lag counted as the work's latency; here it
 * counts only where the work's process answers late, as a caller in another process would see it.
 * The IPC (a pipe, JSON) is in the figure, as a request to a service would be. The driver starts
 * with the parent's `execArgv`, so it runs under tsx as the benchmark does.
 */
export function scheduledInAnotherProcess(
  count: number,
  rate: number,
  work: (i: number) => Promise<unknown>,
): Promise<DriverReport> {
  const driver = fork(fileURLToPath(new URL('./open-loop-driver.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<DriverReport>((resolve, reject) => {
    let report: DriverReport | undefined;
    driver.on('message', (message: number[] | DriverReport) => {
      if (!Array.isArray(message)) {
        report = message;
        return;
      }
      for (const i of message) {
        // A failed item is answered all the same: its time is what a caller waited for the failure.
        void work(i)
          .catch(() => undefined)
          .then(() => driver.connected && driver.send(i));
      }
    });
    driver.on('error', reject);
    driver.on('exit', (code, signal) => {
      if (report) resolve(report);
      else reject(new Error(`the open loop's driver ended without its figures (exit ${code ?? signal})`));
    });
    driver.send({ count, rate });
  });
}
