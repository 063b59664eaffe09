import { readProcessUsage } from './read-process-usage.js';

const SAMPLE_INTERVAL_MS = 100;

/** Samples a process's resident memory until stopped; `stop` resolves with the peak, bytes. */
export function samplePeakRss(pid: number | undefined): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = () => {
    const rss = pid === undefined ? undefined : readProcessUsage(pid)?.rssBytes;
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
