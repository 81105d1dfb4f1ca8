import type { EndpointName } from '../../../src-shared/sync/endpoints';

/** The endpoints the phone may call: the `consumers.*` entries of the shared table. */
export type ConsumerEndpointName = Extract<EndpointName, `consumers.${string}`>;

/**
 * Method and path of each consumer endpoint, copied from `cloudEndpoints` at build time so the
 * browser bundle carries the paths without zod and the schemas.
 */
export const consumerRoutes = __CONSUMER_ROUTES__ as Record<
  ConsumerEndpointName,
  { method: 'GET' | 'POST'; path: string }
>;

/** `/v1/consumers/:merchantCode/…` with each `:name` replaced by its (encoded) value. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
