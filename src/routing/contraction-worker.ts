/**
 * The helper thread of contraction-helper.ts: waits for a job in the shared control array,
 * runs its share of one contraction's witness searches over the shared arcs, and writes
 * what it found to the shared list. It never changes the arcs.
 */
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { CTL, type HelperSetup, SPINS } from "./contraction-helper.ts";
import { FoundShortcuts, WitnessSearch } from "./witness-search.ts";

const ctl = new Int32Array(workerData.ctl as SharedArrayBuffer);
let setupsRead = 0;
let setup: HelperSetup | null = null;
let search: WitnessSearch | null = null;
const found = FoundShortcuts.sharing(workerData.found);

/** Reads the setups the builder sent since the last job; the newest one counts. */
function readSetups(): void {
  while (setupsRead < Atomics.load(ctl, CTL.SETUP)) {
    const message = receiveMessageOnPort(parentPort!);
    if (!message) continue;
    setupsRead++;
    const next = message.message as HelperSetup;
    if (!search || !setup || setup.vertexCount !== next.vertexCount || setup.symmetric !== next.symmetric) {
      search = new WitnessSearch(next.out, next.inn, next.symmetric, next.vertexCount);
    } else {
      search.use(next.out, next.inn);
    }
    setup = next;
  }
}

function answer(seq: number, count: number, ok: number): void {
  ctl[CTL.COUNT] = count;
  ctl[CTL.OK] = ok;
  Atomics.store(ctl, CTL.DONE, seq);
  Atomics.notify(ctl, CTL.DONE);
}

Atomics.store(ctl, CTL.READY, 1);
let seen = 0;
for (;;) {
  for (let k = 0; k < SPINS && Atomics.load(ctl, CTL.JOB) === seen; k++);
  Atomics.wait(ctl, CTL.JOB, seen);
  const seq = Atomics.load(ctl, CTL.JOB);
  if (seq === seen) continue;
  seen = seq;
  if (Atomics.load(ctl, CTL.STOP)) break;
  try {
    readSetups();
    found.count = 0;
    const job = {
      v: ctl[CTL.V]!, part: ctl[CTL.PART]!, parts: ctl[CTL.PARTS]!, settleLimit: ctl[CTL.SETTLE]!, relaxLimit: ctl[CTL.RELAX]!,
      replayRound: ctl[CTL.REPLAY]!, markRound: ctl[CTL.MARK]!,
    };
    const fits = search!.run(job, setup!.complete, found);
    answer(seq, found.count, fits ? 1 : 0);
  } catch {
    answer(seq, 0, -1);
  }
}
