// Loaded with `node --import` into a contender of the index lock: once the process has created a
// file whose name ends in `.break` (the folder store's claim to remove a stopped process's lock), it
// prints `breaking` and stops there, so the test can kill it in the middle of a break.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const promises = fs.promises;
const { link, open } = promises;
const stopHere = (path: unknown) => {
  if (!String(path).endsWith('.break')) return Promise.resolve();
  process.stdout.write('breaking\n');
  return new Promise<never>(() => undefined);
};
promises.link = async (existing, created) => {
  await link(existing, created);
  return stopHere(created);
};
promises.open = (async (path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
  const handle = await open(path, flags, mode);
  await stopHere(path);
  return handle;
}) as typeof promises.open;
// The store imports `node:fs/promises` by name: this carries the replacements into those bindings.
syncBuiltinESMExports();
