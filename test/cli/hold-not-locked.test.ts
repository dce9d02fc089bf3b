import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { heldOrder } from '../support/hold-message.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: a discard or release in a store folder the user cannot write said only
// "held message … cannot be locked", in English under --locale sv. Permissions do not stop root,
// so as root the command runs as the user nobody (65534), as an on-call engineer's account would.
const dir = useTempDir();
const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

beforeAll(async () => {
  await builtCli();
}, 120_000);

afterEach(() => {
  chmodSync(join(dir.path, 'held'), 0o755);
});

/** A store with one held order whose folder no one but its owner may write; answers the hold id. */
async function readOnlyStore(): Promise<string> {
  // The temporary folders are their owner's alone (mkdtemp); the other user must pass through them.
  for (const folder of [dirname(dir.path), dir.path]) chmodSync(folder, 0o711);
  const held = await createFileHoldStore(join(dir.path, 'held')).hold(heldOrder('Order 1', 'anna@gmial.com'));
  for (const name of [`${held.id}.json`, `${held.id}.eml`]) chmodSync(join(dir.path, 'held', name), 0o644);
  // The audit log stays writable, so the lock is what fails.
  writeFileSync(join(dir.path, 'audit.jsonl'), '', { mode: 0o666 });
  chmodSync(join(dir.path, 'audit.jsonl'), 0o666);
  chmodSync(join(dir.path, 'held'), 0o555);
  return held.id;
}

function discard(id: string, locale: 'sv' | 'en') {
  return runBuiltCli(
    [
      '--locale',
      locale,
      'holds',
      'discard',
      id,
      '--store',
      join(dir.path, 'held'),
      '--audit-log',
      join(dir.path, 'audit.jsonl'),
      '--yes',
      '--by',
      'lena@butiken.se',
      '--reason',
      'dubblett',
    ],
    { cwd: dir.path, ...nobody },
  );
}

describe('a held message the store cannot lock', () => {
  it('says why in Swedish under --locale sv, with the system code, and keeps the message', async () => {
    const id = await readOnlyStore();
    const run = await discard(id, 'sv');
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toBe(
      `email-guard: ${id} ligger kvar: det kan inte låsas i lagret: åtkomst nekas (mappen är inte skrivbar för den här användaren) (EACCES); inget skickades eller togs bort\n`,
    );
    expect(await createFileHoldStore(join(dir.path, 'held')).get(id)).toMatchObject({ id, state: 'held' });
  });

  it('says why in English', async () => {
    const id = await readOnlyStore();
    const run = await discard(id, 'en');
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toBe(
      `email-guard: ${id} stays held: it cannot be locked in the store: permission denied (the folder is not writable for this user) (EACCES); nothing was sent or removed\n`,
    );
  });

  it('says why in Swedish when a damaged entry cannot be set aside', async () => {
    const id = await readOnlyStore();
    // The held entry made unreadable: its record cut short, as a full disk leaves it.
    chmodSync(join(dir.path, 'held'), 0o755);
    writeFileSync(join(dir.path, 'held', `${id}.json`), '{"id":');
    chmodSync(join(dir.path, 'held'), 0o555);
    const run = await runBuiltCli(
      [
        '--locale',
        'sv',
        'holds',
        'discard',
        id,
        '--damaged',
        '--store',
        join(dir.path, 'held'),
        '--audit-log',
        join(dir.path, 'audit.jsonl'),
        '--yes',
        '--by',
        'lena@butiken.se',
        '--reason',
        'trasig',
      ],
      { cwd: dir.path, ...nobody },
    );
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain(`${id} ligger kvar: det kan inte låsas i lagret: åtkomst nekas`);
  });
});
