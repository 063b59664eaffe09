/** The Messages API version requests are written for when the caller names none. */
export const ANTHROPIC_VERSION = '2023-06-01';
