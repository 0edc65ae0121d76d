/**
 * A browser-like HTTP client for integration tests: keeps every cookie the server sets
 * (staff and member sessions side by side), sends the change header unless told not to,
 * and parses JSON answers.
 */
export interface JsonResponse {
  status: number;
  body: Record<string, unknown> & { code?: string; field?: string; message?: string };
  headers: Headers;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** Leave out the X-Tongxing-Request header, as a cross-site form would. */
  withoutChangeHeader?: boolean;
  contentType?: string;
}

export class TestClient {
  readonly cookies = new Map<string, string>();

  /** `address` is sent as X-Forwarded-For, for servers that trust the loopback proxy. */
  constructor(private readonly base: string, private readonly address?: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async call(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<JsonResponse> {
    const raw = Buffer.isBuffer(body);
    const headers: Record<string, string> = {
      ...(options.withoutChangeHeader ? {} : { "x-tongxing-request": "1" }),
      ...(this.address ? { "x-forwarded-for": this.address } : {}),
      ...options.headers,
    };
    if (body !== undefined) headers["content-type"] = options.contentType ?? (raw ? "application/octet-stream" : "application/json");
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    const response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : raw ? new Uint8Array(body as Buffer) : JSON.stringify(body) });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(";");
      const [name, ...value] = pair!.split("=");
      if (/Max-Age=0/i.test(set)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join("="));
    }
    const text = await bodyText(response);
    return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : { text }, headers: response.headers };
  }

  get = (path: string) => this.call("GET", path);
  post = (path: string, body?: unknown, options?: CallOptions) => this.call("POST", path, body ?? {}, options);
  delete = (path: string) => this.call("DELETE", path);
}

/** The body as text; of an event stream (which stays open), only what has come so far. */
export async function bodyText(response: Response): Promise<string> {
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return response.text();
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return value ?? "";
}
