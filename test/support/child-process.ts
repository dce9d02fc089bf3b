import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Starts the confirming child (`confirm-in-child.ts`) with `args`; resolves once it is ready, with a way to tell it to go and its answer. */
export async function startChild(args: string[]): Promise<{
  child: ChildProcessByStdio<Writable, Readable, null>;
  go: () => void;
  lines: AsyncIterable<string>;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, '../support/confirm-in-child.ts'), ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const queue: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      const next = waiting.shift();
      if (next) next(line);
      else queue.push(line);
    }
  });
  child.on('exit', () => {
    for (const next of waiting.splice(0)) next(undefined);
  });
  const nextLine = () =>
    new Promise<string | undefined>((resolveLine) => {
      const line = queue.shift();
      if (line !== undefined) resolveLine(line);
      else waiting.push(resolveLine);
    });
  const lines: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const line = await nextLine();
        if (line === undefined) return;
        yield line;
      }
    },
  };
  const first = await nextLine();
  if (first !== 'ready') throw new Error(`the child did not start: ${first}`);
  return { child, go: () => child.stdin.write('go\n'), lines };
}

export async function firstLine(lines: AsyncIterable<string>): Promise<string> {
  for await (const line of lines) return line;
  throw new Error('the child ended without an answer');
}
