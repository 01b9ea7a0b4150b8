// Pushes from the core to every screen, declared once: the core emits these, the web host and the
// desktop preload carry them, and the screen parses them with this schema (shared/api/wire.ts).
import { z } from 'zod/mini'; // the screen bundles this (see shared/api/wire.ts)

export const IMPORT_PHASES = ['reading', 'checking', 'saving', 'done'] as const;

export const PushEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('shipments.changed'), shipmentNos: z.array(z.string()) }),
  z.object({
    type: z.literal('sync.state'),
    online: z.boolean(),
    queued: z.number(),
    lastSyncAt: z.nullable(z.string()),
  }),
  /** The pool link's state moved (docs/HUB.md, "Status"): screens read pool.state again. */
  z.object({ type: z.literal('pool.state'), link: z.enum(['online', 'offline', 'revoked', 'refused']) }),
  z.object({
    type: z.literal('imports.progress'),
    /** Echoes imports.preview's uploadRef, so a screen knows which upload this is. */
    uploadRef: z.nullable(z.string()),
    phase: z.enum(IMPORT_PHASES),
    done: z.number(),
    total: z.number(),
  }),
]);

export type PushEvent = z.infer<typeof PushEventSchema>;
