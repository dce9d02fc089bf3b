import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeldMessageSchema } from '../../src/serve/api-schemas.js';

describe('HeldMessageSchema', () => {
  it('documents releaseProgress, which GET /v1/holds answers for an entry left releasing', () => {
    const schema = z.toJSONSchema(HeldMessageSchema) as { properties: Record<string, { enum?: string[] }> };
    expect(schema.properties.releaseProgress?.enum).toEqual(['not-started', 'started', 'sent']);
    expect(HeldMessageSchema.parse({ ...held(), releaseProgress: 'sent' }).releaseProgress).toBe('sent');
  });
});

function held() {
  return {
    id: '20261202T000000000Z-00000000-0000-4000-8000-000000000000',
    heldAt: '2026-12-02T00:00:00.000Z',
    age: '0 min',
    size: 10,
    state: 'releasing',
    action: 'confirm',
    envelope: { to: ['a@b.se'] },
    recipients: [],
  };
}
