import { describe, expect, it } from 'vitest';
import { removeHeaderFields } from '../../src/nodemailer/remove-header-fields.js';

describe('removeHeaderFields', () => {
  it('removes every field of that name whatever its case, folded lines included, and nothing else', () => {
    const raw = Buffer.from(
      'From: order@butiken.se\r\nx-customer-id: C-1\r\nX-CUSTOMER-ID :\r\n C-2\r\nSubject: x\r\n\r\nX-Customer-Id: body\r\n',
    );
    expect(removeHeaderFields(raw, ['X-Customer-Id']).toString()).toBe(
      'From: order@butiken.se\r\nSubject: x\r\n\r\nX-Customer-Id: body\r\n',
    );
  });

  it('returns the message itself when the field is not there, and keeps bare LF line endings', () => {
    const raw = Buffer.from('From: a@b.se\nSubject: x\n\nBody\n');
    expect(removeHeaderFields(raw, ['X-Customer-Id'])).toBe(raw);
    expect(removeHeaderFields(Buffer.from('A: 1\nB: 2\n\nBody\n'), ['a']).toString()).toBe('B: 2\n\nBody\n');
  });
  it('removes the field from the parts of a multipart body in LF form, and leaves a single-part body alone', () => {
    const multipart =
      'Content-Type: multipart/mixed; boundary=b1\n\n--b1\nX-Customer-Id: C-1\nContent-Type: text/plain\n\nX-Customer-Id: body\n--b1--\n';
    expect(removeHeaderFields(Buffer.from(multipart), ['x-customer-id']).toString()).toBe(
      'Content-Type: multipart/mixed; boundary=b1\n\n--b1\nContent-Type: text/plain\n\nX-Customer-Id: body\n--b1--\n',
    );
    const single = Buffer.from('Content-Type: text/plain\n\n--b1\nX-Customer-Id: C-1\n\nText\n');
    expect(removeHeaderFields(single, ['X-Customer-Id'])).toBe(single);
  });
});
