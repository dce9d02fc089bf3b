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
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const email = field('email');
  const search = field('customer');
  const results = form.querySelector('[data-customer-results]') as HTMLElement;
  const picked = form.querySelector('[data-customer-picked]') as HTMLElement;
  const status = form.querySelector('[data-status]') as HTMLElement;
  const findings = form.querySelector('[data-findings]') as HTMLElement;
  let suggestion = form.querySelector('[data-suggestion]') as HTMLButtonElement;
  const readBack = form.querySelector('[data-read-back]') as HTMLElement;
  const directory = form.querySelector('[data-directory]') as HTMLElement;
  const csrf = form.dataset.csrf ?? '';
  const searchUrl = form.dataset.searchUrl ?? '/demo/customers';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let latestSearch = 0;
  // The existing customer the salesperson picked, as the server has them: only this one record
  // comes to the page, never the base.
  let known: Customer | undefined;

  // The server-rendered suggestion (the page answered without script) posts the form; here a click
  // fixes the field instead.
  if (suggestion.type !== 'button') {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.suggestion = '';
    button.hidden = true;
    suggestion.replaceWith(button);
    suggestion = button;
  }

  const customer = (): Customer => {
    const phone = field('phone').value.trim();
    const birthDate = field('birthDate').value.trim();
    const name = field('name').value.trim();
    return {
      id: known?.id ?? 'new',
      ...(name ? { name } : {}),
      ...(known?.emails ? { emails: known.emails } : {}),
      // The picked customer's known numbers, and one typed for this order.
      ...(phone || known?.phones?.length
        ? { phones: [...new Set([...(known?.phones ?? []), ...(phone ? [phone] : [])])] }
        : {}),
      // A half-typed date is not checked against: only a whole one (YYYY-MM-DD).
      ...(/^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? { birthDate } : {}),
    };
  };

  async function fromServer<T>(url: string): Promise<T | string> {
    try {
      const response = await fetch(url, {
        // The session's CSRF token: the server takes the session cookie only with it.
        headers: { accept: 'application/json', 'x-csrf-token': csrf },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
        return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
      }
      return (await response.json()) as T;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  search.addEventListener('input', () => {
    if (known && search.value !== known.id) forget();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void findCustomers(), DEBOUNCE_MS);
  });

  async function findCustomers(): Promise<void> {
    const run = ++latestSearch;
    const query = search.value.trim();
    if (query.length < 2 || known) {
      results.replaceChildren();
      return;
    }
    const answer = await fromServer<{ customers: { id: string; name?: string }[] }>(
      `${searchUrl}?q=${encodeURIComponent(query)}`,
    );
    if (run !== latestSearch) return;
    if (typeof answer === 'string') {
      results.replaceChildren(line(`${text.searchFailed}: ${answer}`));
      return;
    }
    if (answer.customers.length === 0) {
      results.replaceChildren(line(text.noMatches));
      return;
    }
    results.replaceChildren(
      ...answer.customers.map((hit) => {
        const entry = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.customerId = hit.id;
        button.textContent = hit.name ? `${hit.name} (${hit.id})` : hit.id;
        button.addEventListener('click', () => void pick(hit.id));
        entry.append(button);
        return entry;
      }),
    );
  }

  async function pick(id: string): Promise<void> {
    const record = await fromServer<Customer>(`${searchUrl}/${encodeURIComponent(id)}`);
    results.replaceChildren();
    if (typeof record === 'string') {
      results.replaceChildren(line(`${text.searchFailed}: ${record}`));
      return;
    }
    known = record;
    search.value = record.id;
    picked.textContent = text.picked(record.name ? `${record.name} (${record.id})` : record.id);
    field('name').value = record.name ?? '';
    field('birthDate').value = record.birthDate ?? '';
    field('phone').value = record.phones?.[0] ?? '';
    email.focus();
    schedule();
  }

  function forget(): void {
    known = undefined;
    picked.textContent = '';
    schedule();
  }

  function line(content: string): HTMLElement {
    const entry = document.createElement('li');
    entry.textContent = content;
    return entry;
  }

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
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
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
