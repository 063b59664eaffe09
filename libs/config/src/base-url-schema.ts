import { z } from 'zod';

/** An http(s) URL, returned without trailing slashes so paths can be appended with `/`. */
export const baseUrlSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      context.addIssue({ code: 'custom', message: 'expected an http:// or https:// URL' });
      return z.NEVER;
    }
    return value.replace(/\/+$/, '');
  });
