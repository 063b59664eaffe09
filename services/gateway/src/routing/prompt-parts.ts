import { countTokens } from '../usage/count-tokens.js';
import { estimateTokens } from '../usage/estimate-tokens.js';
import { jsonTextBytes } from './json-text-bytes.js';

/** Tokens counted for an image part (OpenAI bills a high-detail 512px tile set at about this). */
const IMAGE_TOKENS = 1_000;
/** Per-message framing tokens (role, separators). */
const MESSAGE_OVERHEAD = 4;
/** Tokens that prime the reply (`<|start|>assistant<|message|>`), once per request. */
const REPLY_PRIMING = 3;
/** o200k counts are exact for OpenAI; other providers' tokenizers run up to ~15% longer. */
const ESTIMATE_MARGIN = 1.15;

/** A prompt's size: a cheap upper bound (bytes ≥ tokens for byte-level BPE) and, on demand, a count. */
export interface PromptSize {
  /** The texts' UTF-8 bytes (a structure's escapes counted as one character) and the fixed costs. */
  upperBound: number;
  /** The o200k count with a margin for other tokenizers: what a window must hold. */
  count(): number;
  /** The o200k count without margin (sampled when long): the usage recorded when a provider reports none. */
  estimate(): number;
}

/**
 * A prompt's parts gathered in the order the prompt holds them: texts, structures counted as
 * their JSON (tool calls, tool definitions; serialised only when counted, sized without it by
 * {@link jsonTextBytes}), images and messages (a fixed cost each). `size()` measures them; the
 * tokenizer runs only when its `count()` or `estimate()` is called.
 */
export interface PromptParts {
  text(text: string): void;
  structure(value: object): void;
  image(): void;
  message(): void;
  size(): PromptSize;
}

export function createPromptParts(): PromptParts {
  const parts: Array<string | object> = [];
  let bytes = 0;
  let images = 0;
  let messages = 0;
  return {
    text(text) {
      parts.push(text);
      bytes += Buffer.byteLength(text);
    },
    structure(value) {
      parts.push(value);
      bytes += jsonTextBytes(value);
    },
    image() {
      images += 1;
    },
    message() {
      messages += 1;
    },
    size() {
      const fixed = images * IMAGE_TOKENS + messages * MESSAGE_OVERHEAD + REPLY_PRIMING;
      let texts: string[] | undefined;
      const allTexts = () => {
        texts ??= parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
        return texts;
      };
      let tokens: number | undefined;
      const textTokens = () => {
        tokens ??= allTexts().reduce((sum, text) => sum + countTokens(text), 0);
        return tokens;
      };
      return {
        upperBound: bytes + fixed,
        count: () => Math.ceil(textTokens() * ESTIMATE_MARGIN) + fixed,
        // Exact when the window check already counted; else a bounded sample (the event loop's sake).
        estimate: () => (tokens ?? estimateTokens(allTexts())) + fixed,
      };
    },
  };
}
