import type { OrderFormText } from './order-form-text.js';
import { postJson } from './post-json.js';

/** The code entry the order form's script drives: offered for one customer's new address at a time. */
export interface CodeEntry {
  /** Offers a code for this address of this customer; the same pair again keeps what was entered. */
  offer(customerId: string, address: string): void;
  /**
   * Hides the entry: the check no longer asks for a code, or (with `unlessFor`) the address or the
   * customer typed is no longer the one offered.
   */
  withdraw(unlessFor?: { readonly customerId: string | undefined; readonly address: string }): void;
}

/** What the server answers a start or a confirmation with, as far as the page reads it. */
interface Answer {
  readonly status: number;
  readonly retryAfterSeconds: number;
  readonly body: {
    readonly sent?: boolean;
    readonly released?: readonly string[];
    readonly reason?: string;
    readonly type?: string;
  };
}

/**
 * The page's code entry (the `[data-verification]` part the server renders when it has a verifier):
 * "Send a code to this address" starts a code at `verifyUrl` (`POST /v1/verifications`), the code
 * the customer reads back on the phone is confirmed at `verifyUrl/confirm`, and every answer is one
 * live line in the salesperson's words. A refusal for another customer's address says so without
 * naming them, as the server does (docs/serve.md, "Verification codes"). Undefined when the page has no
 * such part: the server cannot send a code, so none is offered.
 *
 * @example
 * ```ts
 * const codeEntry = startCodeEntry(form, orderFormText.en, csrf, () => void checkAgain());
 * codeEntry?.offer('C-3003', 'karin.berg@outlook.com');
 * ```
 *
 * `onVerified` is called once an address is verified, so the page checks it again and its verdict
 * says what is now true (the customer's address); the "Verified" line stays while the same customer
 * and address are on the form.
 */
export function startCodeEntry(
  form: HTMLFormElement,
  text: OrderFormText,
  csrf: string,
  onVerified?: () => void,
): CodeEntry | undefined {
  const part = form.querySelector<HTMLElement>('[data-verification]');
  const verifyUrl = form.dataset.verifyUrl;
  if (!part || !verifyUrl) return undefined;
  const words = text.verification;
  const send = part.querySelector('[data-verification-send]') as HTMLButtonElement;
  const codePart = part.querySelector('[data-verification-code]') as HTMLElement;
  const code = part.querySelector('#verification-code') as HTMLInputElement;
  const confirm = part.querySelector('[data-verification-confirm]') as HTMLButtonElement;
  const status = part.querySelector('[data-verification-status]') as HTMLElement;
  let offered: { readonly customerId: string; readonly address: string } | undefined;
  // The pair just verified: a check of it after no longer asks for a code, and keeps the line saying so.
  let verified: typeof offered;

  const say = (outcome: 'sent' | 'verified' | 'refused' | '', words: string) => {
    status.dataset.outcome = outcome;
    status.textContent = words;
  };

  async function ask(url: string, body: unknown): Promise<Answer> {
    try {
      const response = await postJson(url, body, csrf);
      const answered = (await response.json().catch(() => ({}))) as Answer['body'];
      // RFC 9110 §10.2.3: Retry-After in seconds.
      const retryAfterSeconds = Number(response.headers.get('retry-after')) || 1;
      return { status: response.status, retryAfterSeconds, body: answered };
    } catch {
      return { status: 0, retryAfterSeconds: 0, body: {} };
    }
  }

  /**
   * A refused start or confirmation in the page's words: the problem's `title` and `detail` are
   * English for other systems (RFC 9457 §3.1.4), so the page reads its `type` and `reason` instead.
   */
  function refusalOf(answer: Answer): string {
    const reason = answer.body.reason;
    if (reason === 'wrong-code') return words.wrongCode;
    if (reason === 'expired') return words.expired;
    if (reason === 'too-many-attempts') return words.tooManyAttempts;
    if (reason === 'unknown') return words.noPendingCode;
    if (reason === 'verified-for-other-customer' || answer.body.type?.endsWith('#address-refused'))
      return words.otherCustomer;
    if (answer.status === 502) return words.notSent;
    if (answer.status === 400 && answer.body.type?.endsWith('#invalid-input')) return words.notACode;
    return text.failure(answer.status, answer.retryAfterSeconds);
  }

  send.addEventListener('click', async () => {
    const pair = offered;
    if (!pair) return;
    send.disabled = true;
    say('', words.sending);
    const answer = await ask(verifyUrl, pair);
    send.disabled = false;
    if (offered !== pair) return;
    if (answer.status !== 200) {
      say('refused', refusalOf(answer));
      return;
    }
    codePart.hidden = false;
    code.value = '';
    code.focus();
    say('sent', answer.body.sent === false ? words.alreadySent(pair.address) : words.sent(pair.address));
  });

  async function confirmCode(): Promise<void> {
    const pair = offered;
    if (!pair) return;
    confirm.disabled = true;
    const answer = await ask(`${verifyUrl}/confirm`, { ...pair, code: code.value.trim() });
    confirm.disabled = false;
    if (offered !== pair) return;
    if (answer.status !== 200) {
      code.setAttribute('aria-invalid', 'true');
      say('refused', refusalOf(answer));
      return;
    }
    code.removeAttribute('aria-invalid');
    codePart.hidden = true;
    send.hidden = true;
    say('verified', words.verified(pair.address, answer.body.released?.length ?? 0));
    verified = pair;
    onVerified?.();
  }

  confirm.addEventListener('click', () => void confirmCode());
  // Enter in the code field confirms it; left alone it would submit the order form (implicit
  // submission, HTML Standard §4.10.21.2), which checks the address again instead.
  code.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void confirmCode();
  });

  return {
    offer(customerId, address) {
      if (offered?.customerId === customerId && offered.address === address) return;
      offered = { customerId, address };
      verified = undefined;
      part.hidden = false;
      send.hidden = false;
      send.disabled = false;
      codePart.hidden = true;
      code.value = '';
      code.removeAttribute('aria-invalid');
      say('', '');
    },
    withdraw(unlessFor) {
      const current = offered;
      if (
        unlessFor &&
        current !== undefined &&
        current.customerId === unlessFor.customerId &&
        current.address === unlessFor.address
      )
        return;
      if (unlessFor === undefined && current !== undefined && current === verified) return;
      offered = undefined;
      verified = undefined;
      part.hidden = true;
      say('', '');
    },
  };
}
