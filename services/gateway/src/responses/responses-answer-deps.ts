import type { ChatAnswerDeps } from '../chat/chat-completions-endpoint.js';
import type { ResponseStore } from './response-store.js';

/** What answering a Responses request needs besides a chat answer's: where Responses are kept. */
export interface ResponsesAnswerDeps extends ChatAnswerDeps {
  store: ResponseStore;
}
