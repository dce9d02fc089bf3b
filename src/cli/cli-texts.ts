/** The languages of the command's lines (`--locale`). */
export type CliLocale = 'sv' | 'en';

/**
 * The command's own lines in each language: the notes on rows and messages it could not read, why
 * an input is refused, and the argument parser's usage errors (commander words them in English
 * only; run-cli.ts gives it these instead). What the library says (findings, row reasons) comes
 * from the library in the language asked for.
 */
export const cliTexts = {
  en: {
    rowSkipped: 'row skipped',
    moreProblems: (count: number) => `${count} more problems not shown`,
    suggestion: 'suggestion',
    notAFile: 'not a file',
    cannotBeRead: (code: string) => `cannot be read (${code})`,
    noCustomerRows: 'no customer rows',
    customerFormat: (extension: string) =>
      `a customer export ends in .csv or .ndjson (or .jsonl), not "${extension}"`,
    reportFormat: (extension: string) => `a report ends in .html, .csv or .json, not "${extension}"`,
    noSuchPath: 'cannot be read (no such file or folder)',
    notFileOrFolder: 'not a file or a folder',
    expectedSentMail:
      'expected a folder of .eml files, a Maildir (cur/ and new/, or Maildir++ folders such as .Sent/cur/), an mbox file or one .eml file',
    noMessages: 'no messages found',
    notMbox: 'not an mbox file: the first line does not start with "From "',
    headerTooLong: (bytes: number) => `the header is longer than ${bytes} bytes`,
    fromLineTooLong: (bytes: number) => `the From line is longer than ${bytes} bytes`,
    endsInFromLine: 'the file ends inside the From line of this message',
    emptyFile: 'the file is empty',
    outIsInput: (out: string, input: string) =>
      `--out ${out} is the input file ${input}: the report would replace it; give another file name`,
    outNotFolder: 'not a folder (--out names the folder the files are written into)',
    usage: {
      prefix: 'error',
      helpAfterError: '(add --help for usage)',
      unknownOption: (flag: string, suggestion: string) => `unknown option '${flag}'${suggestion}`,
      unknownCommand: (name: string, suggestion: string) => `unknown command '${name}'${suggestion}`,
      didYouMean: (candidates: string) => `\n(Did you mean ${candidates}?)`,
      missingArgument: (name: string) => `missing required argument '${name}'`,
      optionMissingArgument: (flags: string) => `option '${flags}' argument missing`,
      missingMandatoryOption: (flags: string) => `required option '${flags}' not specified`,
      excessArguments: (expected: number, received: number, command: string) =>
        `too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${received}.`,
      invalidChoice: (value: string, flags: string, choices: string) =>
        `option '${flags}' argument '${value}' is invalid. Allowed choices are ${choices}.`,
    },
    help: {
      titles: {},
      helpOption: 'display help for command',
      helpCommand: 'display help for command',
      optionsPlaceholder: '[options]',
      commandPlaceholder: '[command]',
    },
    checkUsage: {
      customerOrCustomers: 'give either --customer JSON or --customer-id with --customers, not both',
      customerIdNeedsFile: '--customer-id needs --customers FILE to find the customer in',
      notJson: (detail: string) => `--customer is not JSON: ${detail}`,
      noCustomer: (file: string, id: string) => `${file}: no customer with the id ${id}`,
    },
  },
  sv: {
    rowSkipped: 'raden hoppades över',
    moreProblems: (count: number) => `${count} problem till visas inte`,
    suggestion: 'förslag',
    notAFile: 'ingen fil',
    cannotBeRead: (code: string) => `kan inte läsas (${code})`,
    noCustomerRows: 'inga kundrader',
    customerFormat: (extension: string) =>
      `en kundexport slutar på .csv eller .ndjson (eller .jsonl), inte "${extension}"`,
    reportFormat: (extension: string) => `en rapport slutar på .html, .csv eller .json, inte "${extension}"`,
    noSuchPath: 'kan inte läsas (filen eller mappen finns inte)',
    notFileOrFolder: 'varken en fil eller en mapp',
    expectedSentMail:
      'väntade en mapp med .eml-filer, en Maildir (cur/ och new/, eller Maildir++-mappar som .Sent/cur/), en mbox-fil eller en .eml-fil',
    noMessages: 'inga meddelanden hittades',
    notMbox: 'ingen mbox-fil: första raden börjar inte med "From "',
    headerTooLong: (bytes: number) => `brevhuvudet är längre än ${bytes} byte`,
    fromLineTooLong: (bytes: number) => `From-raden är längre än ${bytes} byte`,
    endsInFromLine: 'filen tar slut mitt i det här meddelandets From-rad',
    emptyFile: 'filen är tom',
    outIsInput: (out: string, input: string) =>
      `--out ${out} är indatafilen ${input}: rapporten skulle ersätta den; ange ett annat filnamn`,
    outNotFolder: 'ingen mapp (--out anger mappen som filerna skrivs i)',
    usage: {
      prefix: 'fel',
      helpAfterError: '(lägg till --help för hjälp)',
      unknownOption: (flag: string, suggestion: string) => `okänt alternativ '${flag}'${suggestion}`,
      unknownCommand: (name: string, suggestion: string) => `okänt kommando '${name}'${suggestion}`,
      didYouMean: (candidates: string) => `\n(Menade du ${candidates}?)`,
      missingArgument: (name: string) => `argumentet '${name}' saknas`,
      optionMissingArgument: (flags: string) => `alternativet '${flags}' saknar värde`,
      missingMandatoryOption: (flags: string) => `alternativet '${flags}' måste anges`,
      excessArguments: (expected: number, received: number, command: string) =>
        `för många argument${command ? ` till '${command}'` : ''}: väntade ${expected} men fick ${received}.`,
      invalidChoice: (value: string, flags: string, choices: string) =>
        `värdet '${value}' för '${flags}' är ogiltigt. Tillåtna värden: ${choices}.`,
    },
    help: {
      // commander's help headings (lib/help.js), each as passed to Help.styleTitle.
      titles: {
        'Usage:': 'Användning:',
        'Arguments:': 'Argument:',
        'Options:': 'Alternativ:',
        'Global Options:': 'Globala alternativ:',
        'Commands:': 'Kommandon:',
      },
      helpOption: 'visa hjälp för kommandot',
      helpCommand: 'visa hjälp för ett kommando',
      optionsPlaceholder: '[alternativ]',
      commandPlaceholder: '[kommando]',
    },
    checkUsage: {
      customerOrCustomers: 'ange antingen --customer JSON eller --customer-id med --customers, inte båda',
      customerIdNeedsFile: '--customer-id behöver --customers FIL att hitta kunden i',
      // The parser's own detail is in English ("Expected property name…"): the option and what to give.
      notJson: (_detail: string) =>
        `--customer är inte giltig JSON: ange kunden som ett JSON-objekt, t.ex. '{"id":"K-1","emails":["anna@example.se"]}'`,
      noCustomer: (file: string, id: string) => `${file}: ingen kund med id ${id}`,
    },
  },
} satisfies Record<CliLocale, unknown>;

/** The lines of one language. */
export type CliTexts = (typeof cliTexts)[CliLocale];
