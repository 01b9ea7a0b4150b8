// The recipient's columns of the shipments table, as the row readers that select them all expect them
// (docs/ARCHITECTURE.md "Rows from SQLite"): one shape, so a reader cannot drift from the table.
import { z } from 'zod';

export const RECIPIENT_COLUMNS = {
  recipient_name: z.string(),
  recipient_phone: z.string(),
  country: z.string(),
  postal_code: z.string(),
  address_line1: z.string(),
  address_line2: z.string(),
};
