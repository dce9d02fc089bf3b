/**
 * A file the command could not write (a read-only folder, a path through a file, a full disk),
 * named by the file it was to be, not by the temporary one beside it; `code` is the system's
 * (`EACCES`, `EROFS`, `ENOSPC`, …). The command says it in one line, in its language (run-cli.ts).
 */
export class WriteFailure extends Error {
  readonly path: string;
  readonly code: string;
  constructor(path: string, cause: unknown) {
    const code = String((cause as NodeJS.ErrnoException | undefined)?.code ?? 'EIO');
    super(`${path}: cannot be written (${code})`, { cause });
    this.name = 'WriteFailure';
    this.path = path;
    this.code = code;
  }
}
