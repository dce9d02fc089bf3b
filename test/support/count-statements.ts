import type pg from 'pg';

/** A pool that counts the statements sent through its `query`, and the count. */
export interface CountedPool {
  /** The pool to hand to a store: every other property is the pool's own, its methods bound to it. */
  readonly pool: pg.Pool;
  /** Statements sent through `pool.query` so far; set it to 0 to count from here. */
  statements: number;
  /** Clients taken with `pool.connect` so far (each a transaction of a store); set it to 0 too. */
  connections: number;
}

/**
 * Wraps `pool` so that each `query` call is counted: how many round trips a directory makes is
 * what its batching promises. Statements of a client taken with `connect` are not counted.
 */
export function countStatements(pool: pg.Pool): CountedPool {
  const counted: CountedPool = {
    statements: 0,
    connections: 0,
    pool: new Proxy(pool, {
      get(target, property) {
        if (property === 'query') {
          return (...args: unknown[]) => {
            counted.statements++;
            return (target.query as (...a: unknown[]) => unknown)(...args);
          };
        }
        if (property === 'connect') {
          return (...args: unknown[]) => {
            counted.connections++;
            return (target.connect as (...a: unknown[]) => unknown)(...args);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
  };
  return counted;
}
