import { z } from 'zod';

/** One page of a list response: `next_cursor` is the `cursor` of the next page, null on the last. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    object: z.literal('list'),
    data: z.array(item),
    next_cursor: z.string().nullable(),
  });
}

/** One page of a list response. */
export interface Page<T> {
  object: 'list';
  data: T[];
  next_cursor: string | null;
}
