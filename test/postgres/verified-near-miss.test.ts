import { beforeAll, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import type { VerificationRecord } from '../../src/verification/verification-store.js';
import { countStatements } from '../support/count-statements.js';
import { memoryVerificationStore, outboxTransport, proveAddresses } from '../support/prove-addresses.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const SCHEMA = 'verified_slips';

const pairs = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => ({
    customerId: `C-${from + index}`,
    address: `kund.${from + index}@outlook.com`,
  }));

describe('slips of verified addresses in PostgreSQL', () => {
  beforeAll(async () => {
    await migrate(database.pool, { schema: SCHEMA });
  });

  it('answers as the in-memory store does, in as many statements with four times the addresses', async () => {
    const counted = countStatements(database.pool);
    const inPostgres = outboxTransport();
    const inMemory = outboxTransport();
    const postgres = createVerifier({
      store: createPostgresVerificationStore<VerificationRecord>({ pool: counted.pool, schema: SCHEMA }),
      transporter: inPostgres.transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    const memory = createVerifier({
      store: memoryVerificationStore(),
      transporter: inMemory.transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    const entered = [
      'kund.3x@outlook.com',
      'kund.13@outlook.com',
      'knud.7@outlook.com',
      'kund.99@outlook.com',
    ];
    const statementsFor = async () => {
      counted.statements = 0;
      await postgres.findVerified('kund.3x@outlook.com', { maxDistance: 1 });
      return counted.statements;
    };

    await proveAddresses(postgres, inPostgres.outbox, pairs(0, 5));
    await proveAddresses(memory, inMemory.outbox, pairs(0, 5));
    const few = await statementsFor();
    await proveAddresses(postgres, inPostgres.outbox, pairs(5, 20));
    await proveAddresses(memory, inMemory.outbox, pairs(5, 20));
    // The key, the variants and their candidates: one query each, however many records the table holds.
    expect(await statementsFor()).toBe(few);
    expect(few).toBeLessThanOrEqual(4);
    for (const address of entered) {
      expect(await postgres.findVerified(address, { maxDistance: 1 }), address).toEqual(
        await memory.findVerified(address, { maxDistance: 1 }),
      );
    }
    expect(await postgres.findVerified('kunnd.3@outlook.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-3', address: 'kund.3@outlook.com', distance: 1 },
    ]);

    const guard = createGuard({ verifiedAddresses: postgres });
    const verdict = await guard.check({
      entered: 'kunnd.3@outlook.com',
      customer: { id: 'C-900', name: 'Olle Ström' },
    });
    expect(verdict.findings.map((finding) => finding.code)).toContain('near-miss-other-customer');
    // Twenty verifications make a few hundred transactions: slow on a shared machine, not a hang.
  }, 120_000);

  it('reads many records in their order, and refuses a name it cannot hold', async () => {
    const store = createPostgresVerificationStore<{ n: number }>({ pool: database.pool, schema: SCHEMA });
    await store.update('many-1', () => ({ n: 1 }));
    await store.update('many-3', () => ({ n: 3 }));
    expect(await store.readMany(['many-3', 'many-2', 'many-1'])).toEqual([{ n: 3 }, undefined, { n: 1 }]);
    expect(await store.readMany([])).toEqual([]);
    await expect(store.readMany(['../x'])).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
  });
});
