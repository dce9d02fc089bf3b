// The order form's script (GET /demo/order-form.js), the only script in the page: the browser
// build of the check (email-guard/browser) runs as the salesperson types, then the server's
// POST /v1/check adds what only the customer directory knows. Built by scripts/browser-build.ts.
import { checkRecipient, type Finding, spellAddress, type Verdict } from '../../browser/index.js';
import type { Customer } from '../../contacts/customer.js';
import { type OrderFormText, orderFormText } from './order-form-text.js';

// Long enough that a check does not run at every key of a word typed in one go, short enough
// that the answer is there before the salesperson moves to the next field.
const DEBOUNCE_MS = 250;

const form = document.querySelector<HTMLFormElement>('form[data-order-form]');
if (form) startOrderForm(form);

function startOrderForm(form: HTMLFormElement): void {
  const locale = form.dataset.locale === 'sv' ? 'sv' : 'en';
  const text = orderFormText[locale];
  const customers = JSON.parse(form.dataset.customers ?? '[]') as Customer[];
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const email = field('email') as HTMLInputElement;
  const existing = field('customer') as HTMLSelectElement;
  const status = form.querySelector('[data-status]') as HTMLElement;
  const findings = form.querySelector('[data-findings]') as HTMLElement;
  const suggestion = form.querySelector('[data-suggestion]') as HTMLButtonElement;
  const readBack = form.querySelector('[data-read-back]') as HTMLElement;
  const directory = form.querySelector('[data-directory]') as HTMLElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const customer = (): Customer => {
    const known = customers.find((candidate) => candidate.id === existing.value);
    const phone = field('phone').value.trim();
    const birthDate = field('birthDate').value.trim();
    const name = field('name').value.trim();
    return {
      id: known?.id ?? 'new',
      ...(name ? { name } : {}),
      ...(known?.emails ? { emails: known.emails } : {}),
      ...(phone ? { phones: [phone] } : {}),
      // A half-typed date is not checked against: only a whole one (YYYY-MM-DD).
      ...(/^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? { birthDate } : {}),
    };
  };

  existing.addEventListener('change', () => {
    const known = customers.find((candidate) => candidate.id === existing.value);
    field('name').value = known?.name ?? '';
    field('birthDate').value = known?.birthDate ?? '';
    field('phone').value = known?.phones?.[0] ?? '';
    schedule();
  });
  for (const name of ['email', 'name', 'birthDate', 'phone'])
    field(name).addEventListener('input', () => schedule());
  suggestion.addEventListener('click', () => {
    const fixed = suggestion.dataset.address;
    if (!fixed) return;
    email.value = fixed;
    email.focus();
    void check();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check();
  });

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), DEBOUNCE_MS);
  }

  async function check(): Promise<void> {
    const run = ++latest;
    const entered = email.value;
    if (entered.trim() === '') {
      show(undefined, text);
      return;
    }
    const record = customer();
    let verdict: Verdict;
    try {
      verdict = await checkRecipient({ entered, customer: record }, { locale });
    } catch (error) {
      // A field the check cannot read (a birth date that is no date): say which, keep the input.
      if (run !== latest) return;
      status.dataset.action = 'error';
      status.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    if (run !== latest) return;
    show(verdict, text);
    const answer = await askDirectory(entered, record);
    if (run !== latest) return;
    showDirectory(answer, verdict, text);
  }

  function show(verdict: Verdict | undefined, text: OrderFormText): void {
    findings.replaceChildren();
    directory.replaceChildren();
    if (!verdict) {
      status.dataset.action = '';
      status.textContent = '';
      suggestion.hidden = true;
      readBack.replaceChildren();
      return;
    }
    status.dataset.action = verdict.action;
    status.textContent = text.action[verdict.action];
    for (const finding of verdict.findings) findings.append(item(finding));
    if (verdict.suggestion) {
      suggestion.hidden = false;
      suggestion.dataset.address = verdict.suggestion;
      suggestion.textContent = text.useSuggestion(verdict.suggestion);
    } else {
      suggestion.hidden = true;
      delete suggestion.dataset.address;
    }
    const spelled = verdict.readBack?.entered ?? spellAddress(verdict.entered.trim(), { locale });
    const lines = [`${text.readBack}: ${spelled}`];
    if (verdict.readBack?.suggestion)
      lines.push(`${text.readBackSuggestion}: ${verdict.readBack.suggestion}`);
    readBack.replaceChildren(
      ...lines.map((line) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = line;
        return paragraph;
      }),
    );
  }

  function item(finding: Finding): HTMLElement {
    const entry = document.createElement('li');
    entry.dataset.code = finding.code;
    entry.dataset.action = finding.action;
    entry.textContent = finding.message;
    return entry;
  }

  async function askDirectory(entered: string, record: Customer): Promise<Verdict | string> {
    const body =
      record.id === 'new'
        ? { entered, customer: record, locale }
        : { entered, customerId: record.id, locale };
    try {
      const response = await fetch(form.dataset.checkUrl ?? '/v1/check', {
        method: 'POST',
        // The session's CSRF token: the server takes the session cookie only with it.
        headers: { 'content-type': 'application/json', 'x-csrf-token': form.dataset.csrf ?? '' },
        credentials: 'same-origin',
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
        return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
      }
      return (await response.json()) as Verdict;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  function showDirectory(answer: Verdict | string, local: Verdict, text: OrderFormText): void {
    directory.replaceChildren();
    if (typeof answer === 'string') {
      directory.textContent = `${text.directoryFailed}: ${answer}`;
      return;
    }
    // What the page could not know: findings about other customers' records.
    const seen = new Set(local.findings.map((finding) => finding.code));
    const added = answer.findings.filter((finding) => !seen.has(finding.code));
    if (added.length === 0) {
      directory.textContent = text.directoryNothing;
      return;
    }
    const list = document.createElement('ul');
    for (const finding of added) list.append(item(finding));
    directory.append(list);
    if (answer.action !== local.action) {
      status.dataset.action = answer.action;
      status.textContent = text.action[answer.action];
    }
  }
}
