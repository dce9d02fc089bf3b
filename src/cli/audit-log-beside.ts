/**
 * The JSON-lines audit log a folder store's releases and discards write to when none is given: a file
 * beside the folder, named after it (`held-mail/` -> `held-mail.audit.jsonl`). Trailing separators
 * are dropped by a loop from the end, not a regular expression anchored at it (`/[/\\]+$/`), which
 * retries from every separator of a long run and so grows with the square of its length.
 *
 * @example
 * ```ts
 * auditLogBeside('held-mail/'); // 'held-mail.audit.jsonl'
 * ```
 */
export function auditLogBeside(folder: string): string {
  let end = folder.length;
  while (end > 0 && (folder[end - 1] === '/' || folder[end - 1] === '\\')) end--;
  return `${folder.slice(0, end)}.audit.jsonl`;
}
