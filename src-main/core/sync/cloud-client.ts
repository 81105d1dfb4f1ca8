import axios, { type AxiosResponse } from 'axios';
import {
  cloudEndpoints,
  type EndpointBody,
  type EndpointName,
  type EndpointOutput,
} from '../../../src-shared/sync/endpoints';

/**
 * How a failed cloud call is handled (docs/cloud-sync.md, "What the desktop does"):
 * transient (5xx, network, timeout) and rate-limited are retried later; unauthorized ends the
 * pairing; tooLarge splits the batch; permanent is a bug or a wrong address.
 */
export type CloudFailure = 'transient' | 'rateLimited' | 'unauthorized' | 'tooLarge' | 'permanent';

export class CloudError extends Error {
  constructor(
    readonly failure: CloudFailure,
    readonly code: string,
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null = null,
    /** The cloud's details of a refusal (e.g. the rules a task breaks). */
    readonly details: Record<string, unknown> | undefined = undefined,
  ) {
    super(message);
  }
}

export interface CloudClientOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs: number;
  lang: string;
  /** Aborts requests when the core closes. */
  signal?: AbortSignal;
}

function classify(status: number): CloudFailure {
  if (status === 401) return 'unauthorized';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'transient';
  return 'permanent';
}

/** What a call sends: `:name` path parameters, the query and the body. */
export interface CloudRequest<N extends EndpointName> {
  params?: Record<string, string>;
  body?: EndpointBody<N>;
  query?: Record<string, string>;
}

/**
 * The desktop's side of the cloud API, one typed call per endpoint of the shared table, over
 * axios. Never throws anything but a CloudError, so the sync loop can decide on every failure.
 */
export class CloudClient {
  constructor(private readonly options: CloudClientOptions) {}

  async call<N extends EndpointName>(
    name: N,
    request: CloudRequest<N> = {},
  ): Promise<EndpointOutput<N>> {
    const endpoint = cloudEndpoints[name];
    const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      const value = request.params?.[key];
      if (value === undefined) throw new Error(`${name}: missing path parameter ${key}`);
      return encodeURIComponent(value);
    });
    const url = new URL(path, this.options.baseUrl);
    for (const [key, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(key, value);
    const headers: Record<string, string> = { 'accept-language': this.options.lang };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let response: AxiosResponse<string>;
    try {
      response = await axios.request<string>({
        url: url.toString(),
        method: endpoint.method,
        headers,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        timeout: this.options.timeoutMs,
        signal: this.options.signal,
        // Every status is answered here (classified below), and the body is read as text so a
        // proxy's HTML error page does not throw.
        validateStatus: () => true,
        responseType: 'text',
        transformResponse: (raw: string) => raw,
        proxy: false,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CloudError('transient', 'NETWORK', reason, null);
    }
    const text = response.data;
    let body: {
      ok?: boolean;
      data?: unknown;
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {}; // a proxy's HTML error page: classified by its status alone
    }
    const ok = response.status >= 200 && response.status < 300;
    if (ok && body.ok) return body.data as EndpointOutput<N>;
    const retryAfter = Number(response.headers['retry-after']);
    throw new CloudError(
      ok ? 'transient' : classify(response.status),
      body.error?.code ?? `HTTP_${response.status}`,
      body.error?.message ?? `HTTP ${response.status}`,
      response.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
      body.error?.details,
    );
  }
}
