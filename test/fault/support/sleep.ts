/** Waits `ms` milliseconds (scenario pacing only; never inside the services). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
