/**
 * `JSON.stringify(value)` with every NUL in a string written as U+FFFD: PostgreSQL's jsonb refuses
 * `\u0000` ("unsupported Unicode escape sequence", PostgreSQL manual 8.14), and one such text in a
 * json column makes `->>` on it fail, so a display name or customer id with a NUL would otherwise
 * stop a write, or every later read of the table.
 */
export function jsonWithoutNul(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    typeof field === 'string' ? field.replaceAll('\u0000', '\uFFFD') : field,
  );
}
