/**
 * A second thread for the contraction's witness searches (contraction-hierarchy.ts). At the
 * dense top of a hierarchy each contraction runs dozens of searches, each independent of the
 * others; the helper runs every other one while the building thread runs the rest, and both
 * read the same arcs on shared memory. On the 2-core machines this runs on, that is most of
 * the build's time spent on two cores instead of one.
 *
 * The threads meet through a few shared integers, not messages: a message costs a trip
 * through an event loop, and the building thread never returns to its own until the build
 * is done. Each side spins briefly before it sleeps (Atomics.wait), since jobs come every
 * few microseconds during a build: a round trip then takes about 2 µs instead of 90.
 *
 * Everything degrades to one thread: no helper (`start` failed or was not asked for), a
 * helper that died or stopped answering, or a job whose findings did not fit the shared
 * list are all done by the building thread itself.
 */
import { Worker } from "node:worker_threads";
import type { ArcLists } from "./arc-pool.ts";
import { FoundShortcuts, type SearchJob } from "./witness-search.ts";

/** Places in the shared control array. */
export const CTL = {
  /** Raised by the builder for each job (or to stop); the helper answers with DONE = JOB. */
  JOB: 0,
  DONE: 1,
  READY: 2,
  STOP: 3,
  /** Raised whenever the graph or the pools' arrays change: the helper then reads its port. */
  SETUP: 4,
  V: 5,
  PART: 6,
  PARTS: 7,
  SETTLE: 8,
  RELAX: 9,
  REPLAY: 10,
  MARK: 11,
  /** The helper's answer: shortcuts found, and 1 if they all fit (0: full, -1: it failed). */
  COUNT: 12,
  OK: 13,
  SIZE: 16,
} as const;

/** Spins before sleeping: long enough to catch the next job of a running build. */
export const SPINS = 200_000;
/** A helper that takes longer than this over one job is given up for the rest of the build. */
const JOB_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 30_000;
/** Room for the helper's findings per job (a test passes less); a job that finds more is redone by the builder. */
const FOUND_CAPACITY = 1 << 18;

/** What the helper needs to search a graph: its arcs and the plan's flags. */
export interface HelperSetup {
  vertexCount: number;
  symmetric: boolean;
  out: ArcLists;
  inn: ArcLists;
  complete: Int32Array;
}

export class ContractionHelper {
  private seq = 0;
  private alive = true;
  /** Jobs asked of the helper so far, and those whose findings did not fit its list (redone by the builder). */
  jobs = 0;
  overflows = 0;

  /** `found`: the helper's findings on shared memory; the worker writes them, `collect` hands them over. */
  private constructor(private readonly worker: Worker, private readonly ctl: Int32Array, private readonly found: FoundShortcuts) {}

  /**
   * Starts the helper thread and waits until it is ready; null when it cannot start. The
   * thread loads the TypeScript sources itself (tsx's API), as the building process may be
   * a test runner or `node --import tsx`, and a worker inherits neither's loader.
   */
  static async start(foundCapacity = FOUND_CAPACITY): Promise<ContractionHelper | null> {
    const ctl = new Int32Array(new SharedArrayBuffer(CTL.SIZE * 4));
    const found = new FoundShortcuts(foundCapacity, true);
    try {
      const entry = new URL("./contraction-worker.ts", import.meta.url).href;
      const api = import.meta.resolve("tsx/esm/api");
      const worker = new Worker(`import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, {
        eval: true,
        workerData: { ctl: ctl.buffer, found: found.arrays() },
      });
      const helper = new ContractionHelper(worker, ctl, found);
      let failed = false;
      worker.once("error", () => (failed = true));
      const started = Date.now();
      while (Atomics.load(ctl, CTL.READY) !== 1) {
        if (failed || Date.now() - started > START_TIMEOUT_MS) {
          void worker.terminate();
          return null;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      worker.unref();
      return helper;
    } catch {
      return null;
    }
  }

  get usable(): boolean {
    return this.alive;
  }

  /** Hands the helper a new graph, or the same pools' new arrays after they grew. */
  setup(setup: HelperSetup): void {
    if (!this.alive) return;
    this.worker.postMessage(setup);
    Atomics.add(this.ctl, CTL.SETUP, 1);
  }

  /** Starts a job on the helper; `collect` waits for its findings. */
  request(job: SearchJob): void {
    const { ctl } = this;
    ctl[CTL.V] = job.v;
    ctl[CTL.PART] = job.part;
    ctl[CTL.PARTS] = job.parts;
    ctl[CTL.SETTLE] = Math.min(job.settleLimit, 0x7fffffff);
    ctl[CTL.RELAX] = Math.min(job.relaxLimit, 0x7fffffff);
    ctl[CTL.REPLAY] = job.replayRound;
    ctl[CTL.MARK] = job.markRound;
    this.jobs++;
    Atomics.store(ctl, CTL.JOB, ++this.seq);
    Atomics.notify(ctl, CTL.JOB);
  }

  /** The helper's findings for the last job, or null when the job must be redone here (list full, or the helper failed). */
  collect(): FoundShortcuts | null {
    const { ctl, seq } = this;
    for (let k = 0; k < SPINS && Atomics.load(ctl, CTL.DONE) !== seq; k++);
    const started = Date.now();
    while (Atomics.load(ctl, CTL.DONE) !== seq) {
      if (Atomics.wait(ctl, CTL.DONE, seq - 1, JOB_TIMEOUT_MS) === "timed-out" || Date.now() - started > JOB_TIMEOUT_MS) {
        this.close();
        return null;
      }
    }
    const ok = ctl[CTL.OK]!;
    if (ok < 0) this.close();
    if (ok === 0) this.overflows++;
    if (ok !== 1) return null;
    this.found.count = ctl[CTL.COUNT]!;
    return this.found;
  }

  /** Stops the thread; a stopped helper is never asked again. */
  close(): void {
    if (!this.alive) return;
    this.alive = false;
    Atomics.store(this.ctl, CTL.STOP, 1);
    Atomics.store(this.ctl, CTL.JOB, ++this.seq);
    Atomics.notify(this.ctl, CTL.JOB);
    void this.worker.terminate();
  }
}
