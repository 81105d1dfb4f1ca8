import { useSyncExternalStore } from 'react';

// The app's few pages, read from location.pathname (the cloud answers index.html for any path
// under /c/<merchantCode>/). A router library would be more bytes than these lines.

export type Route =
  | { page: 'wallet'; merchantCode: string }
  | { page: 'issuance'; merchantCode: string; issuanceId: string }
  | { page: 'store'; merchantCode: string; storeId: string }
  | { page: 'coupon'; merchantCode: string; code: string }
  | { page: 'share'; merchantCode: string; token: string }
  | { page: 'member'; merchantCode: string }
  | { page: 'tasks'; merchantCode: string }
  | { page: 'task'; merchantCode: string; taskId: string }
  | { page: 'order'; merchantCode: string; orderId: string }
  | { page: 'taskSite'; merchantCode: string; taskId: string; code: string }
  | { page: 'notFound' };

/** The page of a path (and, for the till's site QR, its query string `?code=`). */
export function parseRoute(pathname: string, search = ''): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A malformed escape (%E4%B8) is no page of ours.
    return { page: 'notFound' };
  }
  if (parts[0] !== 'c' || !parts[1]) return { page: 'notFound' };
  // Codes are case-insensitive; the cloud's session cookie is scoped to the upper-case one.
  const merchantCode = parts[1].toUpperCase();
  const [kind, id, extra, more] = parts.slice(2);
  // Three segments: only the till's site QR (/tasks/<taskId>/site?code=…), and only with its code.
  if (extra !== undefined) {
    const code = new URLSearchParams(search).get('code')?.trim();
    if (kind === 'tasks' && id !== undefined && extra === 'site' && more === undefined && code)
      return { page: 'taskSite', merchantCode, taskId: id, code };
    return { page: 'notFound' };
  }
  if (kind === undefined) return { page: 'wallet', merchantCode };
  if (kind === 'member' && id === undefined) return { page: 'member', merchantCode };
  if (kind === 'tasks' && id === undefined) return { page: 'tasks', merchantCode };
  if (id === undefined) return { page: 'notFound' };
  if (kind === 'tasks') return { page: 'task', merchantCode, taskId: id };
  if (kind === 'order') return { page: 'order', merchantCode, orderId: id };
  if (kind === 'i') return { page: 'issuance', merchantCode, issuanceId: id };
  if (kind === 's') return { page: 'store', merchantCode, storeId: id };
  if (kind === 'coupon') return { page: 'coupon', merchantCode, code: id };
  if (kind === 'share') return { page: 'share', merchantCode, token: id };
  return { page: 'notFound' };
}

export const pathOf = {
  wallet: (merchantCode: string) => `/c/${encodeURIComponent(merchantCode)}/`,
  member: (merchantCode: string) => `/c/${encodeURIComponent(merchantCode)}/member`,
  coupon: (merchantCode: string, code: string) =>
    `/c/${encodeURIComponent(merchantCode)}/coupon/${encodeURIComponent(code)}`,
  tasks: (merchantCode: string) => `/c/${encodeURIComponent(merchantCode)}/tasks`,
  task: (merchantCode: string, taskId: string) =>
    `/c/${encodeURIComponent(merchantCode)}/tasks/${encodeURIComponent(taskId)}`,
  order: (merchantCode: string, orderId: string) =>
    `/c/${encodeURIComponent(merchantCode)}/order/${encodeURIComponent(orderId)}`,
  /** What the till's rotating site QR opens (the cloud writes the same: tasks.siteCode). */
  taskSite: (merchantCode: string, taskId: string, code: string) =>
    `/c/${encodeURIComponent(merchantCode)}/tasks/${encodeURIComponent(taskId)}/site?code=${encodeURIComponent(code)}`,
};

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/**
 * Goes to another page of the app without reloading it; `replace`: instead of this page in the
 * history (a page that did its work once, like posting a scanned site code, is not gone back to).
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  notify();
}

export function useRoute(): Route {
  const where = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      // The back button: the browser changed the path.
      window.addEventListener('popstate', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('popstate', listener);
      };
    },
    // One string (a stable snapshot): the site QR's page reads its code from the query.
    () => location.pathname + location.search,
  );
  const queryAt = where.indexOf('?');
  return queryAt < 0
    ? parseRoute(where)
    : parseRoute(where.slice(0, queryAt), where.slice(queryAt));
}
