/** The stream's event ids: a reconnect replays what was missed, live changes heard meanwhile follow without gap or repeat. */
import { describe, expect, it } from "vitest";
import type { StatusEvent } from "../core/api/live-vocabulary.ts";
import { emptyStatus } from "./status-fold.ts";
import { type Replay, StatusStream, type StreamSink } from "./status-stream.ts";

class Sink implements StreamSink {
  text = "";
  ended = false;
  writableLength = 0;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  end(): void {
    this.ended = true;
  }
  /** The ids of the status events received, in order. */
  get ids(): number[] {
    return [...this.text.matchAll(/^id: (\d+)\nevent: status\n/gm)].map((m) => Number(m[1]));
  }
}

const event = (placeId: string, regionId = "monaco"): StatusEvent => ({ placeId, regionId, facet: "opening", status: emptyStatus(placeId) });

describe("status stream", () => {
  it("sends each change once, as id, event and data, to the streams of its region", async () => {
    const stream = new StatusStream(async () => ({ events: [], reset: false }), 60_000);
    const all = new Sink();
    const monaco = new Sink();
    const nanjing = new Sink();
    await stream.open(all, null, null, 0);
    await stream.open(monaco, null, "monaco", 0);
    await stream.open(nanjing, null, "nanjing", 0);
    stream.publish(1, event("a"));
    stream.publish(2, event("b", "nanjing"));
    expect(all.ids).toEqual([1, 2]);
    expect(monaco.ids).toEqual([1]);
    expect(nanjing.ids).toEqual([2]);
    expect(monaco.text).toContain(`id: 1\nevent: status\ndata: {"placeId":"a","regionId":"monaco"`);
    stream.closeAll();
    expect(all.ended).toBe(true);
  });

  it("replays the changes after Last-Event-ID, then the ones published during the replay, none twice", async () => {
    let release: (replay: Replay) => void = () => undefined;
    const stream = new StatusStream((after) => {
      expect(after).toBe(3);
      return new Promise<Replay>((resolve) => (release = resolve));
    }, 60_000);
    const sink = new Sink();
    const opening = stream.open(sink, 3, null, 5);
    // While the table is read, changes 5 (also in the replay) and 6 arrive live.
    stream.publish(5, event("e"));
    stream.publish(6, event("f"));
    expect(sink.ids).toEqual([]);
    release({ events: [4, 5].map((id) => ({ id, event: event(`p${id}`) })), reset: false });
    await opening;
    stream.publish(6, event("f"));
    stream.publish(7, event("g"));
    expect(sink.ids).toEqual([4, 5, 6, 7]);
    stream.closeAll();
  });

  it("starts from the current id when the browser has none, and says reset when too much was missed", async () => {
    const stream = new StatusStream(async () => ({ events: [], reset: true }), 60_000);
    const fresh = new Sink();
    await stream.open(fresh, null, null, 10);
    stream.publish(10, event("old"));
    stream.publish(11, event("new"));
    expect(fresh.ids).toEqual([11]);
    const behind = new Sink();
    await stream.open(behind, 1, null, 11);
    expect(behind.text).toContain("event: reset\n");
    stream.closeAll();
  });

  it("keeps idle streams alive with comment lines and drops one that stopped reading", async () => {
    const stream = new StatusStream(async () => ({ events: [], reset: false }), 20);
    const sink = new Sink();
    const stuck = new Sink();
    await stream.open(sink, null, null, 0);
    await stream.open(stuck, null, null, 0);
    stuck.writableLength = 2 << 20;
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(sink.text).toMatch(/: keep-alive\n\n/);
    expect(stuck.ended).toBe(true);
    expect(stream.size).toBe(1);
    stream.closeAll();
  });
});
