/** The fakes one test file started, to close together after each test. */
export interface FakePool<TOptions, TFake> {
  start(options: TOptions): Promise<TFake>;
  closeAll(): Promise<void>;
}

/** Wraps a start function so every fake it starts is closed by `closeAll` (call it in `afterEach`). */
export function createFakePool<TOptions, TFake extends { close(): Promise<void> }>(
  startFake: (options: TOptions) => Promise<TFake>,
): FakePool<TOptions, TFake> {
  const started: TFake[] = [];
  return {
    async start(options) {
      const fake = await startFake(options);
      started.push(fake);
      return fake;
    },
    async closeAll() {
      await Promise.all(started.splice(0).map((fake) => fake.close()));
    },
  };
}
