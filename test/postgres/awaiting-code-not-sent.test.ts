import { describe, expect, it } from 'vitest';
import { RecipientNeedsConfirmationError } from '../../src/errors.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';
import { orderConfirmation, verifyingTransport } from '../support/verification.js';

const database = usePostgres();
const fixture = usePipelineFixture();
const SCHEMA = 'code_not_sent';
const NEW_ADDRESS = 'ny.kund@outlook.com';

describe('the PostgreSQL hold store, a message whose verification code could not be sent', () => {
  it('keeps the row held without awaitingCode, while one whose code went out keeps it', async () => {
    await migrate(database.pool, { schema: SCHEMA });
    const store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA, auditLog: false });
    const { transporter } = verifyingTransport(fixture, {}, {}, { holdStore: store });
    const sent = await transporter
      .sendMail(orderConfirmation('karin.berg@outlook.com', 'C-4000'))
      .catch((reason: { holdId: string }) => reason);
    expect((await store.get(sent.holdId))?.awaitingCode).toEqual(['karin.berg@outlook.com']);

    fixture.sink.refuse.add(NEW_ADDRESS);
    const refused = await transporter
      .sendMail(orderConfirmation(NEW_ADDRESS, 'C-4000', '4712'))
      .catch((reason: unknown) => reason);
    expect(refused).toBeInstanceOf(RecipientNeedsConfirmationError);
    const held = await store.get((refused as RecipientNeedsConfirmationError).holdId as string);
    expect(held?.state).toBe('held');
    expect(held?.awaitingCode).toBeUndefined();
  });
});
