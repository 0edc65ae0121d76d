/**
 * Runs web/public/sw.js for unit tests (its text, with `self`, `caches` and `fetch` given), with a fake Cache Storage, a fetch the
 * test controls (a network that answers or is down) and clients that record the messages
 * the worker sends, so the worker's strategies are tested on the file the browser runs.
 */
import SOURCE from "../../../public/sw.js?raw";
export const ORIGIN = "https://tongxing.test";

/** A Cache with the matching the worker uses (exact URL, or without the query). */
class FakeCache {
  readonly entries = new Map<string, Response>();
  private urlOf(request: Request | string): string {
    return new URL(typeof request === "string" ? request : request.url, ORIGIN).href;
  }
  async match(request: Request | string, options?: { ignoreSearch?: boolean }): Promise<Response | undefined> {
    const url = this.urlOf(request);
    const hit = this.entries.get(url) ?? (options?.ignoreSearch ? [...this.entries].find(([key]) => key.split("?")[0] === url.split("?")[0])?.[1] : undefined);
    return hit?.clone();
  }
  async put(request: Request | string, response: Response): Promise<void> {
    this.entries.set(this.urlOf(request), response.clone());
  }
  async delete(request: Request | string): Promise<boolean> {
    return this.entries.delete(this.urlOf(request));
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export interface WorkerWorld {
  caches: Map<string, FakeCache>;
  /** Messages posted to each client id. */
  messages: Map<string, unknown[]>;
  /** Requests that reached the network. */
  network: string[];
  online: boolean;
  /** The network's answers, by path and query; anything else is a 404. */
  answers: Map<string, () => Response>;
  fetch(url: string, init?: { mode?: RequestMode; headers?: Record<string, string>; clientId?: string; method?: string }): Promise<Response | "not handled">;
  message(data: unknown, clientId?: string): Promise<unknown>;
  install(): Promise<void>;
}

export function loadWorker(): WorkerWorld {
  const listeners = new Map<string, (event: unknown) => void>();
  const world = { caches: new Map(), messages: new Map(), network: [], online: true, answers: new Map() } as unknown as WorkerWorld;
  const cacheStorage = {
    async open(name: string) {
      if (!world.caches.has(name)) world.caches.set(name, new FakeCache());
      return world.caches.get(name)!;
    },
    async keys() {
      return [...world.caches.keys()];
    },
    async delete(name: string) {
      return world.caches.delete(name);
    },
  };
  const fakeFetch = async (input: Request | string): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input.url, ORIGIN);
    if (!world.online) throw new TypeError("Failed to fetch");
    world.network.push(url.pathname + url.search);
    const answer = world.answers.get(url.pathname + url.search);
    return answer ? answer() : new Response("not found", { status: 404 });
  };
  const clients = {
    async get(id: string) {
      return { postMessage: (message: unknown) => world.messages.set(id, [...(world.messages.get(id) ?? []), message]) };
    },
    async claim() {},
  };
  const self = {
    clients,
    location: new URL(ORIGIN),
    skipWaiting: async () => undefined,
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  // oxlint-disable-next-line no-new-func -- the worker's own text, run as the browser would run it
  new Function("self", "caches", "fetch", SOURCE)(self, cacheStorage, fakeFetch);

  world.fetch = async (url, init = {}) => {
    const request = new Request(new URL(url, ORIGIN), { method: init.method ?? "GET", headers: init.headers ?? {} });
    if (init.mode) Object.defineProperty(request, "mode", { value: init.mode });
    let responded: Promise<Response> | undefined;
    const waits: Promise<unknown>[] = [];
    listeners.get("fetch")!({ request, clientId: init.clientId ?? "page-1", resultingClientId: "", respondWith: (r: Promise<Response>) => (responded = r), waitUntil: (p: Promise<unknown>) => waits.push(p) });
    if (!responded) return "not handled";
    const response = await responded;
    await Promise.all(waits);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return response;
  };
  world.message = (data, clientId = "page-1") =>
    new Promise((resolve) => {
      const waits: Promise<unknown>[] = [];
      listeners.get("message")!({ data, source: { id: clientId }, ports: [{ postMessage: resolve }], waitUntil: (p: Promise<unknown>) => waits.push(p) });
    });
  world.install = async () => {
    const waits: Promise<unknown>[] = [];
    listeners.get("install")!({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  return world;
}
