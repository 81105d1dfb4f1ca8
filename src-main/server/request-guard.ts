import os from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { methods, type MethodName } from '../../src-shared/contract';
import { languageOf, sendError } from '../../src-node/http';

/**
 * What keeps web pages away from the local API. Any site the shop PC's browser opens can send
 * requests to 127.0.0.1, and with DNS rebinding (a name of theirs that resolves to 127.0.0.1)
 * read the answers too. So the server answers only requests that name it by one of its own
 * addresses (Host), that come from its own pages or from no page at all (Origin), and whose
 * API calls are JSON (a page can send text/plain or a form without asking, never JSON).
 */
export interface RequestGuardOptions {
  /** LAN mode: the PC's host name (and `<name>.local`) are this server's names too. */
  lan: boolean;
  /** More names this server answers to (STOREDESK_ALLOWED_HOSTS, e.g. a name set in the router). */
  extraHosts?: readonly string[];
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** The host name of a Host header or an origin's host (`[::1]:8787` → `::1`), lower case. */
function hostnameOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

/** `::ffff:127.0.0.1` → `127.0.0.1`: the form a socket on a dual-stack listener reports. */
const plainAddress = (address: string | undefined) =>
  (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();

export function isLoopbackAddress(address: string | undefined): boolean {
  const plain = plainAddress(address);
  return plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

/** Methods a caller from the LAN may never run: taking over a fresh install (owner PIN). */
const LOCAL_ONLY_METHODS = new Set(
  (Object.keys(methods) as MethodName[]).filter((name) =>
    (methods[name].access as readonly string[]).includes('setup'),
  ),
);

/** Whether `method` over HTTP must come from this PC itself. */
export const isLocalOnlyMethod = (method: string) =>
  (LOCAL_ONLY_METHODS as Set<string>).has(method);

const isJson = (contentType: string | undefined) =>
  /^application\/json\s*(;|$)/i.test(contentType ?? '');

export function registerRequestGuard(app: FastifyInstance, options: RequestGuardOptions) {
  const names = new Set(
    [...LOOPBACK_NAMES, ...(options.extraHosts ?? [])].map((n) => n.toLowerCase()),
  );
  if (options.lan) {
    const machine = os.hostname().toLowerCase();
    names.add(machine);
    names.add(`${machine}.local`);
  }
  /** Loopback, the machine's names in LAN mode, or the very address the connection came in on. */
  const isOwnName = (request: FastifyRequest, hostname: string) =>
    names.has(hostname) ||
    isLoopbackAddress(hostname) ||
    hostname === plainAddress(request.socket.localAddress);

  app.addHook('onRequest', async (request, reply) => {
    const lang = languageOf(request);
    const host = request.headers.host ?? '';
    const hostname = hostnameOf(host);
    if (!hostname || !isOwnName(request, hostname))
      return sendError(reply, lang, 'HOST_NOT_ALLOWED', { host: host.slice(0, 100) });

    // Browsers send Origin with every POST and every cross-site request; `null` is a sandboxed
    // frame or a file. Terminals and scripts send none.
    const origin = request.headers.origin;
    if (origin !== undefined) {
      let originHost: string | null = null;
      try {
        const url = new URL(origin);
        if (url.protocol === 'http:' || url.protocol === 'https:') originHost = url.host;
      } catch {
        originHost = null;
      }
      if (
        originHost === null ||
        originHost.toLowerCase() !== new URL(`http://${host}`).host.toLowerCase()
      )
        return sendError(reply, lang, 'ORIGIN_NOT_ALLOWED', { origin: origin.slice(0, 100) });
    }

    // Every POST is an API call.
    if (request.method === 'POST' && !isJson(request.headers['content-type']))
      return sendError(reply, lang, 'UNSUPPORTED_MEDIA_TYPE');
  });
}
