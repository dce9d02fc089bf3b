// Preloaded with `node --import` by test/cli/lazy-serve.test.ts: appends the URL of every module the
// process imports (ESM resolution, Node's module customization hooks) to the file named in
// EMAIL_GUARD_IMPORTS_LOG, so a test can see what a command loads at start.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.EMAIL_GUARD_IMPORTS_LOG, result.url + '\\n');
  return result;
}`)}`,
);
