/**
 * `guard.check` with the in-memory directory: bytes allocated per check, the young-generation
 * collections, and what each finds alive and promotes (bench/allocation.ts), with CPU time per
 * check; plain, and with an address verified for each customer, the entered one
 * (`verifiedAddresses`), where a check also asks whether the verified mailbox is on another
 * customer's record (withOthersOnRecord). The customers are seeded synthetic ones
 * (eval/cases/synthetic-people.ts) and the entries the PostgreSQL benchmark's workload, each
 * check's input made when it is due (checkInputs), so what a collection finds alive is the
 * checks' own.
 *
 * Run alone: `npx tsx bench/guard-allocation.ts [customers] [checks]` (default 20000, 20000).
 */
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { createDirectory } from '../src/contacts/create-directory.js';
import { createGuard, type GuardOptions } from '../src/guard/create-guard.js';
import { allocationPerCall, describeAllocation } from './allocation.js';
import { checkInputs, workload } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 20_000);
const checks = Number(process.argv[3] ?? 20_000);
const input = checkInputs(workload(checks * 2, n));
const directory = createDirectory(syntheticCustomers(n, 1));
// The entered address verified for the customer it is checked for: 40 % of the entries are
// another customer's address, whose verdict then says so only through the directory's answer.
const verifiedAddresses = {
  listVerified: async (customerId: string) => {
    const index = Number(customerId.slice(customerId.indexOf('-') + 1));
    return Number.isInteger(index) ? [input(index).entered] : [];
  },
};
const guards: [string, GuardOptions][] = [
  ['plain', { directory }],
  ['with the entered address verified', { directory, verifiedAddresses }],
];
console.log(
  `guard.check in memory, ${n.toLocaleString('en-US')} customers, ${checks.toLocaleString('en-US')} checks after ${Math.min(2_000, checks).toLocaleString('en-US')} to warm up`,
);
for (const [name, options] of guards) {
  const guard = createGuard(options);
  await guard.check(input(0));
  for (const inFlight of [1, 16]) {
    const cpu = process.cpuUsage();
    const allocation = await allocationPerCall(checks, inFlight, (i) => guard.check(input(i)));
    const used = process.cpuUsage(cpu);
    // The run includes its warm-up checks.
    const perCheck = (used.user + used.system) / (checks + Math.min(2_000, checks));
    console.log(
      `  ${name}, ${inFlight} in flight: ${Math.round(perCheck)} µs CPU per check, ${describeAllocation(allocation)}`,
    );
  }
}
