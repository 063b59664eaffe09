/** A small deterministic generator (mulberry32) of numbers in [0, 1): a failure names a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters JSON writes as they are, in one to four UTF-8 bytes, and those it escapes. */
const ALPHABET = [
  'a',
  'Z',
  ' ',
  '7',
  'é',
  '日',
  '😀',
  '"',
  '\\',
  '\n',
  '\t',
  '\u0001',
  '/',
  '{',
  ']',
];

/**
 * A random parsed-JSON value from `next` (see {@link seededRandom}): strings full of what JSON
 * escapes (quotes, backslash runs, control characters) and of brackets, numbers of every
 * spelling, nested arrays and objects (some members `undefined`, which JSON leaves out).
 */
export function randomJson(next: () => number, depth = 0): unknown {
  const pick = next();
  if (depth > 3 || pick < 0.35) return randomString(next);
  if (pick < 0.45) return [0, -1.5, 1e21, 12345678901, 2.5e-7][Math.floor(next() * 5)];
  if (pick < 0.5) return [true, false, null][Math.floor(next() * 3)];
  if (pick < 0.7) {
    return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
  }
  const object: Record<string, unknown> = {};
  for (let member = Math.floor(next() * 4); member > 0; member -= 1) {
    object[randomString(next)] = next() < 0.1 ? undefined : randomJson(next, depth + 1);
  }
  return object;
}

function randomString(next: () => number): string {
  const length = Math.floor(next() * 12);
  return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
}
