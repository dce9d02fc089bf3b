import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './create-server.js';

/** The review page for held messages (`/holds`). */
export async function registerReviewPages(_app: FastifyInstance, _context: ServerContext): Promise<void> {}
