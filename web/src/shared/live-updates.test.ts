import { afterEach, describe, expect, it, vi } from "vitest";
import { type LiveSource, followLiveUpdates, topicOf } from "./live-updates.ts";

function fakeSource() {
  let listener: ((event: { data: string }) => void) | undefined;
  const source: LiveSource & { closed: boolean; send(data: string): void } = {
    closed: false,
    addEventListener: (_type, l) => void (listener = l),
    close() {
      this.closed = true;
    },
    send: (data) => listener?.({ data }),
  };
  return source;
}

afterEach(() => void vi.useRealTimers());

describe("live updates", () => {
  it("reads the topic of the server's events and nothing else", () => {
    expect(topicOf('{"topic":"places","at":"2026-12-03T00:00:00Z"}')).toBe("places");
    expect(topicOf("not json")).toBeNull();
    expect(topicOf('{"topic":"<script>"}')).toBeNull();
    expect(topicOf('{"at":1}')).toBeNull();
  });

  it("turns a burst of changes into one call per topic, after a pause", () => {
    vi.useFakeTimers();
    const source = fakeSource();
    const calls: string[] = [];
    const stop = followLiveUpdates((topic) => calls.push(topic), { pauseMs: 500, open: () => source });
    for (let i = 0; i < 5; i++) source.send('{"topic":"places"}');
    source.send('{"topic":"plan"}');
    vi.advanceTimersByTime(499);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls.sort()).toEqual(["places", "plan"]);
    source.send('{"topic":"places"}');
    stop();
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(2);
    expect(source.closed).toBe(true);
  });

  it("follows nothing where there is no event source", () => {
    const stop = followLiveUpdates(() => undefined, { open: () => null });
    expect(() => stop()).not.toThrow();
  });
});
