/*
 * Peak memory of this process during a measured span: process.memoryUsage()
 * sampled on a timer, plus the kernel's lifetime maximum RSS (which also
 * catches peaks inside long synchronous stretches the timer cannot see).
 */

export interface MemoryPeaks {
  /** Sampled peak RSS during the span (MiB). */
  peakRssMiB: number;
  /** Sampled peak V8 heap used during the span (MiB). */
  peakHeapUsedMiB: number;
  /** RSS and heap when the span started (MiB), for deltas. */
  startRssMiB: number;
  startHeapUsedMiB: number;
  /** The process's lifetime maximum RSS from getrusage (MiB). */
  maxRssMiB: number;
  samples: number;
}

const MiB = 1024 * 1024;
const round = (n: number) => Math.round(n * 10) / 10;

export class MemorySampler {
  private timer?: NodeJS.Timeout;
  private peakRss = 0;
  private peakHeap = 0;
  private startRss = 0;
  private startHeap = 0;
  private samples = 0;

  constructor(private readonly intervalMs = 10) {}

  private sample() {
    const { rss, heapUsed } = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
    this.samples++;
  }

  start() {
    const { rss, heapUsed } = process.memoryUsage();
    this.startRss = rss;
    this.startHeap = heapUsed;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): MemoryPeaks {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return {
      peakRssMiB: round(this.peakRss / MiB),
      peakHeapUsedMiB: round(this.peakHeap / MiB),
      startRssMiB: round(this.startRss / MiB),
      startHeapUsedMiB: round(this.startHeap / MiB),
      maxRssMiB: round((process.resourceUsage().maxRSS * 1024) / MiB),
      samples: this.samples,
    };
  }
}
