import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(__dirname, '../..');

/** One ```ts block of a Markdown document: its number (from 1), the line its code starts on, its code. */
export interface CodeBlock {
  readonly number: number;
  readonly line: number;
  readonly source: string;
}

/** The ```ts blocks of a Markdown text, with the line each block's code starts on. */
export function codeBlocks(text: string): CodeBlock[] {
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({
    number: index + 1,
    line: text.slice(0, match.index).split('\n').length + 1,
    source: match[1] as string,
  }));
}

/** What the runner (test/support/run-code-blocks.ts) is told: the blocks' files, in order. */
export interface RunPlan {
  readonly root: string;
  readonly results: string;
  /** The folder each block's working folder is made in (removed afterwards, whatever happened). */
  readonly sandboxes: string;
  readonly timeoutMs: number;
  readonly blocks: readonly { readonly index: number; readonly file: string }[];
}

/** What one block did: what it printed and every error it threw, rejected with or left open. */
export interface BlockResult {
  readonly index: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly errors: readonly string[];
}

export interface DocumentRun {
  /** By block number; a block missing here never finished (the process ended while it ran). */
  readonly results: ReadonlyMap<number, BlockResult>;
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The runner's own standard error: what no block printed while it ran. */
  readonly stderr: string;
}

/**
 * Runs every block of a document in one Node process (tsx), in order, each block a module of its own
 * written to `.tmp/<folder>/<name>-<number>.ts` (inside the checkout, so that its imports resolve as in
 * a reader's project) and run in a working folder of its own. One process per document, not per
 * block: starting Node and tsx and compiling `src` once is most of the cost of a block.
 */
export async function runCodeBlocks(
  name: string,
  blocks: readonly CodeBlock[],
  options: { prepare?: (source: string) => string; timeoutMs?: number; folder?: string } = {},
): Promise<DocumentRun> {
  const folder = resolve(root, '.tmp', options.folder ?? 'readme');
  mkdirSync(folder, { recursive: true });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const results = join(folder, `${name}.results.ndjson`);
  rmSync(results, { force: true });
  const sandboxes = mkdtempSync(join(tmpdir(), 'email-guard-blocks-'));
  const plan: RunPlan = {
    root,
    results,
    sandboxes,
    timeoutMs,
    blocks: blocks.map((block) => {
      const file = join(folder, `${name}-${block.number}.ts`);
      writeFileSync(file, `${options.prepare ? options.prepare(block.source) : block.source}\nexport {};\n`);
      return { index: block.number, file };
    }),
  };
  const planFile = join(folder, `${name}.plan.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const { status, signal, stderr } = await new Promise<{
    status: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', tsx, resolve(__dirname, 'run-code-blocks.ts'), planFile],
      {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // Each block has its own time limit inside the runner; this one catches a runner that hangs
    // (a minute more for starting Node and tsx on a busy machine).
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs * blocks.length + 60_000);
    child.on('error', reject);
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      resolvePromise({ status: code, signal: killedBy, stderr });
    });
  }).finally(() => rmSync(sandboxes, { recursive: true, force: true }));
  const byNumber = new Map<number, BlockResult>();
  if (existsSync(results))
    for (const line of readFileSync(results, 'utf8').split('\n'))
      if (line) {
        const result = JSON.parse(line) as BlockResult;
        byNumber.set(result.index, result);
      }
  return { results: byNumber, status, signal, stderr };
}

/**
 * Why a block failed, each reason naming the block (`document:line`), or nothing when it passed: it
 * must finish, print nothing on standard error, throw nothing, and print every output its comments
 * promise (`promisedOutputs`), in order.
 */
export function blockFailures(document: string, block: CodeBlock, run: DocumentRun): string[] {
  const where = `${document}:${block.line} (example ${block.number})`;
  const result = run.results.get(block.number);
  if (!result)
    return [
      `${where} did not finish: the process ended with ${run.signal ?? `status ${run.status}`} while it ran\n${run.stderr}`,
    ];
  const failures = result.errors.map((error) => `${where} failed: ${error}`);
  if (result.stderr !== '') failures.push(`${where} printed on standard error:\n${result.stderr}`);
  // `console.log(x); // output` promises what is printed: each such output must appear, in the
  // order of the calls, so that two calls promising the same output cannot both be satisfied by
  // what one of them printed. Compared without white space: Node breaks and pads long arrays and
  // objects as it likes.
  const printed = result.stdout.replace(/\s+/g, '');
  let from = 0;
  for (const expected of promisedOutputs(block.source)) {
    const wanted = expected.replace(/\s+/g, '');
    const at = printed.indexOf(wanted, from);
    if (at < 0) {
      failures.push(`${where} did not print ${wanted} after ${JSON.stringify(printed.slice(0, from))}`);
      break;
    }
    from = at + wanted.length;
  }
  return failures;
}

/**
 * The outputs a block's comments promise: the comment after a one-line `console.log(...)`, as
 * Node prints it (top-level strings without their quotes). Comments that elide (`…`, `...`) or
 * describe rather than show (`e.g.`) promise nothing checkable.
 */
export function promisedOutputs(block: string): string[] {
  const outputs: string[] = [];
  const lines = block.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!/^\s*(?:if \(.*\) )?console\.log\(.*\);/.test(line)) continue;
    // The output stands after the call, or on the comment line right below it.
    const trailing = /\);\s*\/\/\s*(.+)$/.exec(line)?.[1];
    const below = trailing === undefined ? /^\s*\/\/\s*(.+)$/.exec(lines[index + 1] ?? '')?.[1] : undefined;
    const comment = (trailing ?? below)?.trim();
    if (!comment || /…|\.\.\.|^e\.g\./.test(comment)) continue;
    outputs.push(/^[[{]/.test(comment) ? comment : comment.replace(/'([^']*)'/g, '$1'));
  }
  return outputs;
}
