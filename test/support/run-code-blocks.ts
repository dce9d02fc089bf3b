/**
 * Runs the code blocks of one document in this process, one after another, each as a module of its
 * own (its own file, imported in turn), each in a working folder of its own. What a block prints
 * (standard output and error), and what it throws or rejects with, are recorded against that block,
 * one JSON line per block in the results file, as soon as the block is done: when a block brings
 * the process down, the blocks before it keep their results and the missing one is the culprit.
 *
 * `node --import tsx test/support/run-code-blocks.ts <plan.json>`, the plan written by
 * `runCodeBlocks` (test/support/code-blocks.ts).
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlockResult, RunPlan } from './code-blocks.js';

const plan = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as RunPlan;

interface Capture {
  stdout: string;
  stderr: string;
  errors: string[];
}
let current: Capture | undefined;
const original = {
  stdout: process.stdout.write.bind(process.stdout),
  stderr: process.stderr.write.bind(process.stderr),
};

// Output while no block runs is the runner's own, or a block's that outlived it: it goes to standard
// error, which `runCodeBlocks` requires to be empty.
function capture(stream: 'stdout' | 'stderr') {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (current) current[stream] += text;
    else original.stderr(text);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as typeof process.stdout.write;
}
process.stdout.write = capture('stdout');
process.stderr.write = capture('stderr');
const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
const stray = (what: string) => (error: unknown) => {
  if (current) current.errors.push(`${what}: ${describe(error)}`);
  else original.stderr(`${what} between blocks: ${describe(error)}\n`);
};
process.on('uncaughtException', stray('uncaught'));
process.on('unhandledRejection', stray('unhandled rejection'));

/** The resources keeping the event loop alive, by type, beyond those in `before`. */
function leftOpen(before: readonly string[]): string[] {
  const remaining = [...before];
  return process.getActiveResourcesInfo().filter((type) => {
    const at = remaining.indexOf(type);
    if (at < 0) return true;
    remaining.splice(at, 1);
    return false;
  });
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

for (const block of plan.blocks) {
  const sandbox = mkdtempSync(join(plan.sandboxes, 'email-guard-readme-'));
  const capture: Capture = { stdout: '', stderr: '', errors: [] };
  const before = process.getActiveResourcesInfo();
  current = capture;
  process.chdir(sandbox);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      import(pathToFileURL(block.file).href),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not finish within ${plan.timeoutMs} ms`)),
          plan.timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    capture.errors.push(describe(error));
  } finally {
    clearTimeout(timer);
  }
  // As when each block was a process of its own, whose end waited for everything it started: a
  // server, a socket or a timer still open holds the block until it closes, and fails it if it never does.
  const waitUntil = Date.now() + plan.timeoutMs;
  await pause(0);
  while (leftOpen(before).length > 0 && Date.now() < waitUntil) await pause(10);
  const open = leftOpen(before);
  if (open.length > 0) capture.errors.push(`left open after ${plan.timeoutMs} ms: ${open.join(', ')}`);
  current = undefined;
  process.chdir(plan.root);
  rmSync(sandbox, { recursive: true, force: true });
  // The examples keep their held mail in `email-guard-docs-<pid>`: each block starts without it.
  rmSync(join(tmpdir(), `email-guard-docs-${process.pid}`), { recursive: true, force: true });
  const result: BlockResult = { index: block.index, ...capture };
  appendFileSync(plan.results, `${JSON.stringify(result)}\n`);
}
// Blocks are done: anything a block left behind must not keep this process from ending.
process.exit(0);
