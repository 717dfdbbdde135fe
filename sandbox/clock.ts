/** The sandbox's data clock: real time plus an offset, which tests and demos can pause and advance. */

export interface SandboxClock {
  /** UNIX ms on the sandbox clock. */
  now(): number;
  pause(): void;
  resume(): void;
  /** Move forward by `ms` (>= 0); works paused or running. */
  advance(ms: number): void;
  isPaused(): boolean;
}

export class OffsetClock implements SandboxClock {
  private offset = 0;
  private pausedAt: number | null = null;

  constructor(private readonly realNow: () => number) {}

  now(): number {
    return this.pausedAt ?? this.realNow() + this.offset;
  }

  pause(): void {
    if (this.pausedAt === null) this.pausedAt = this.realNow() + this.offset;
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.offset = this.pausedAt - this.realNow();
    this.pausedAt = null;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("the sandbox clock only moves forward");
    if (this.pausedAt !== null) this.pausedAt += ms;
    else this.offset += ms;
  }

  isPaused(): boolean {
    return this.pausedAt !== null;
  }

  /** Back to real time, running. */
  reset(): void {
    this.offset = 0;
    this.pausedAt = null;
  }
}
