import type {
  EndpointBody,
  EndpointInput,
  EndpointOutput,
} from '../../../src-shared/sync/endpoints';
import { messages } from '../../../src-shared/consumer/messages';
import { fillPath, routeOf, type ConsumerEndpointName } from './routes';

/** A refusal of the cloud (its stable code and its already translated message) or no network. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Params<N extends ConsumerEndpointName> = EndpointInput<N>['params'];
type Query<N extends ConsumerEndpointName> = EndpointInput<N>['query'];

/**
 * One typed call of a consumer endpoint: same-origin fetch (the session cookie goes along), the
 * `{ ok, data | error }` envelope unwrapped; a refusal throws ApiError.
 */
export async function call<N extends ConsumerEndpointName>(
  name: N,
  params: Params<N>,
  request: { body?: EndpointBody<N>; query?: Query<N> } = {},
): Promise<EndpointOutput<N>> {
  const route = routeOf(name);
  let url = fillPath(route.path, params as Record<string, string>);
  const query = Object.entries((request.query ?? {}) as Record<string, unknown>).filter(
    ([, value]) => value !== undefined && value !== null,
  );
  if (query.length) url += `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)]))}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      credentials: 'same-origin',
      headers: {
        'accept-language': 'zh-CN',
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch {
    throw new ApiError('NETWORK', messages.errors.network, 0);
  }
  const answer = (await response.json().catch(() => null)) as {
    ok?: boolean;
    data?: unknown;
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  } | null;
  if (response.ok && answer?.ok) return answer.data as EndpointOutput<N>;
  throw new ApiError(
    answer?.error?.code ?? `HTTP_${response.status}`,
    answer?.error?.message ?? messages.errors.server,
    response.status,
    answer?.error?.details,
  );
}

/** The session is gone (never made, ended, or expired): the page asks to sign in. */
export const isSignedOut = (error: unknown) =>
  error instanceof ApiError &&
  (error.code === 'UNAUTHENTICATED' ||
    error.code === 'SESSION_EXPIRED' ||
    (error.status === 401 && !error.code.startsWith('OTP_')));
